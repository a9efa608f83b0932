package org.cdss.scheduling;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * An appointment as the API shows it: instants in UTC ({@code startsAt}) and the same moment as wall-clock time in
 * the hospital's zone ({@code localStart}), so that clients need no time-zone arithmetic.
 */
public record AppointmentView(
        UUID id,
        UUID patientId,
        String patientName,
        String patientMrn,
        UUID doctorId,
        String doctorName,
        UUID departmentId,
        Instant startsAt,
        Instant endsAt,
        LocalDateTime localStart,
        String zone,
        AppointmentStatus status,
        String reason,
        String cancelReason,
        Instant checkedInAt,
        long version) {}
