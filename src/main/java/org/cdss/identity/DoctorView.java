package org.cdss.identity;

import java.util.List;
import java.util.UUID;

/** A doctor as the booking screens list them: who and in which departments. */
public record DoctorView(UUID id, String displayName, List<DepartmentView> departments) {}
