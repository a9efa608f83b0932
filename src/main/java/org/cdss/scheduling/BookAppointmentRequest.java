package org.cdss.scheduling;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.UUID;

/** A booking. {@code localStart} is wall-clock time in the hospital's zone (e.g. 2026-12-01T09:00, Asia/Seoul). */
public record BookAppointmentRequest(
        @NotNull UUID patientId,
        @NotNull UUID doctorId,
        @NotNull UUID departmentId,
        @NotNull LocalDateTime localStart,
        @Size(max = 500) String reason) {}
