package org.cdss.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cdss.shared.security.Role;

/** The logged-in user: who, which roles, which departments, and (for patients) which patient record. */
public record MeView(
        UUID id,
        String username,
        String displayName,
        List<Role> roles,
        List<DepartmentView> departments,
        UUID patientId,
        Instant lastLoginAt) {}
