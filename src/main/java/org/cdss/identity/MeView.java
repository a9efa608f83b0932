package org.cdss.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cdss.shared.security.Role;

/**
 * The logged-in user: who, which roles, which departments, (for patients) which patient record, and the hospital's
 * time zone ({@code cdss.zone}) in which the UI shows and enters calendar days and times.
 */
public record MeView(
        UUID id,
        String username,
        String displayName,
        List<Role> roles,
        List<DepartmentView> departments,
        UUID patientId,
        Instant lastLoginAt,
        String timeZone) {}
