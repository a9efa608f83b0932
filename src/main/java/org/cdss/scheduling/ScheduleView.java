package org.cdss.scheduling;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.UUID;

/** A doctor's weekly clinic hours in one department (times in the hospital's zone). */
public record ScheduleView(
        UUID id,
        UUID doctorId,
        UUID departmentId,
        DayOfWeek dayOfWeek,
        LocalTime startTime,
        LocalTime endTime,
        int slotMinutes,
        boolean active) {}
