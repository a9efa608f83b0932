package org.cdss.scheduling;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.UUID;

/** A doctor's weekly clinic hours in one department, in the hospital's zone, cut into slots. */
public record DefineScheduleRequest(
        @NotNull UUID doctorId,
        @NotNull UUID departmentId,
        @NotNull DayOfWeek dayOfWeek,
        @NotNull LocalTime startTime,
        @NotNull LocalTime endTime,
        @Min(5) @Max(240) int slotMinutes) {}
