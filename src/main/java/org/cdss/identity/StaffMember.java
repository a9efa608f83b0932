package org.cdss.identity;

import java.util.Set;
import java.util.UUID;
import org.cdss.shared.security.Role;

/** A staff member as other modules see them: who, which roles, which departments, whether active. */
public record StaffMember(UUID id, String displayName, Set<Role> roles, Set<UUID> departmentIds, boolean active) {

    public boolean isDoctorIn(UUID departmentId) {
        return active && roles.contains(Role.DOCTOR) && departmentIds.contains(departmentId);
    }
}
