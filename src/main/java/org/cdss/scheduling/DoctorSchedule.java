package org.cdss.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;

/** A doctor's recurring weekly clinic hours in one department, cut into slots of a fixed length. */
@Entity
@Table(name = "doctor_schedule")
class DoctorSchedule {

    @Id
    private UUID id;

    @Column(name = "doctor_id", nullable = false)
    private UUID doctorId;

    @Column(name = "department_id", nullable = false)
    private UUID departmentId;

    @Column(name = "day_of_week", nullable = false)
    private int dayOfWeek;

    @Column(name = "start_time", nullable = false)
    private LocalTime startTime;

    @Column(name = "end_time", nullable = false)
    private LocalTime endTime;

    @Column(name = "slot_minutes", nullable = false)
    private int slotMinutes;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private Long version;

    protected DoctorSchedule() {}

    DoctorSchedule(
            UUID doctorId,
            UUID departmentId,
            DayOfWeek day,
            LocalTime start,
            LocalTime end,
            int slotMinutes,
            Instant now) {
        if (!end.isAfter(start)
                || slotMinutes <= 0
                || Duration.between(start, end).toMinutes() < slotMinutes) {
            throw new IllegalArgumentException("schedule must hold at least one slot");
        }
        this.id = UUID.randomUUID();
        this.doctorId = doctorId;
        this.departmentId = departmentId;
        this.dayOfWeek = day.getValue();
        this.startTime = start;
        this.endTime = end;
        this.slotMinutes = slotMinutes;
        this.active = true;
        this.createdAt = now;
    }

    /** Whether a slot of this schedule starts exactly at {@code time}. */
    boolean hasSlotAt(LocalTime time) {
        if (time.isBefore(startTime)
                || time.plusMinutes(slotMinutes).isAfter(endTime)
                || time.plusMinutes(slotMinutes).isBefore(time)) {
            return false;
        }
        return Duration.between(startTime, time).toMinutes() % slotMinutes == 0
                && Duration.between(startTime, time).toSecondsPart() == 0
                && time.getNano() == 0;
    }

    java.util.List<LocalTime> slotStarts() {
        java.util.List<LocalTime> starts = new java.util.ArrayList<>();
        for (LocalTime t = startTime; !t.plusMinutes(slotMinutes).isAfter(endTime); t = t.plusMinutes(slotMinutes)) {
            starts.add(t);
            if (t.plusMinutes(slotMinutes).isBefore(t)) {
                break; // wrapped past midnight
            }
        }
        return starts;
    }

    ScheduleView view() {
        return new ScheduleView(
                id, doctorId, departmentId, DayOfWeek.of(dayOfWeek), startTime, endTime, slotMinutes, active);
    }

    UUID doctorId() {
        return doctorId;
    }

    UUID departmentId() {
        return departmentId;
    }

    int slotMinutes() {
        return slotMinutes;
    }
}
