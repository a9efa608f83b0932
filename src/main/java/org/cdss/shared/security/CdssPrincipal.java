package org.cdss.shared.security;

import java.io.Serializable;
import java.security.Principal;
import java.util.Set;
import java.util.UUID;

/**
 * The logged-in user as every module sees it. Stored in the server-side session (hence {@link Serializable}); holds
 * ids and roles only, no patient data. {@link #toString()} gives the username alone.
 */
public record CdssPrincipal(
        UUID userId, String username, String displayName, Set<Role> roles, Set<UUID> departmentIds, UUID patientId)
        implements Principal, Serializable {

    public CdssPrincipal {
        roles = Set.copyOf(roles);
        departmentIds = Set.copyOf(departmentIds);
    }

    @Override
    public String getName() {
        return username;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Set<Role> wanted) {
        return roles.stream().anyMatch(wanted::contains);
    }

    public String rolesText() {
        return String.join(",", roles.stream().map(Enum::name).sorted().toList());
    }

    @Override
    public String toString() {
        return username;
    }
}
