package org.cdss.scheduling;

import java.util.UUID;

/**
 * An appointment was booked or moved along its life cycle. Ids and facts only, no patient data, so that it can be
 * pushed to browsers as it is. Published inside the transaction; listeners act after commit.
 */
@org.springframework.modulith.NamedInterface("events")
public record AppointmentChanged(UUID appointmentId, UUID departmentId, UUID doctorId, AppointmentStatus status) {}
