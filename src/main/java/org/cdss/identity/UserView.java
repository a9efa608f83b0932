package org.cdss.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cdss.shared.security.Role;

/** A user account as administrators see it (never the password hash). */
public record UserView(
        UUID id,
        String username,
        String displayName,
        List<Role> roles,
        List<DepartmentView> departments,
        boolean active,
        boolean locked,
        Instant lockedUntil,
        UUID patientId,
        Instant createdAt,
        Instant lastLoginAt,
        long version) {}
