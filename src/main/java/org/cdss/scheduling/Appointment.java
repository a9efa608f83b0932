package org.cdss.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.cdss.shared.DomainException;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An appointment of one patient with one doctor. Its status changes only through its own methods, which enforce the
 * life cycle; while it holds its slot, {@code activeSlot} carries the unique key that stops double-booking.
 */
@Entity
@Table(name = "appointment")
class Appointment {

    @Id
    private UUID id;

    @Column(name = "patient_id", nullable = false)
    private UUID patientId;

    @Column(name = "doctor_id", nullable = false)
    private UUID doctorId;

    @Column(name = "department_id", nullable = false)
    private UUID departmentId;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(nullable = false, length = 20)
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private AppointmentStatus status;

    @Column(length = 500)
    private String reason;

    @Column(name = "cancel_reason", length = 500)
    private String cancelReason;

    @Column(name = "checked_in_at")
    private Instant checkedInAt;

    @Column(name = "active_slot", length = 80)
    private String activeSlot;

    @Column(name = "booked_by", nullable = false)
    private UUID bookedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private Long version;

    protected Appointment() {}

    Appointment(
            UUID patientId,
            UUID doctorId,
            UUID departmentId,
            Instant startsAt,
            Instant endsAt,
            String reason,
            UUID bookedBy,
            Instant now) {
        this.id = UUID.randomUUID();
        this.patientId = patientId;
        this.doctorId = doctorId;
        this.departmentId = departmentId;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.reason = reason;
        this.bookedBy = bookedBy;
        this.status = AppointmentStatus.SCHEDULED;
        this.activeSlot = slotKey(doctorId, startsAt);
        this.createdAt = now;
        this.updatedAt = now;
    }

    static String slotKey(UUID doctorId, Instant startsAt) {
        return doctorId + "|" + startsAt.getEpochSecond();
    }

    void checkIn(Instant now) {
        move(AppointmentStatus.CHECKED_IN, now);
        checkedInAt = now;
    }

    void startConsultation(Instant now) {
        move(AppointmentStatus.IN_CONSULTATION, now);
    }

    void complete(Instant now) {
        move(AppointmentStatus.COMPLETED, now);
    }

    void cancel(String why, Instant now) {
        move(AppointmentStatus.CANCELLED, now);
        cancelReason = why;
    }

    /**
     * The patient did not come: only once the appointment's time has come (a no-show is final and frees the slot,
     * so one marked ahead of time would give the patient's place away).
     */
    void markNoShow(Instant now) {
        if (now.isBefore(startsAt)) {
            throw new DomainException(SchedulingProblem.NOT_YET_STARTED, "appointment.not-yet-started");
        }
        move(AppointmentStatus.NO_SHOW, now);
    }

    private void move(AppointmentStatus next, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new DomainException(
                    SchedulingProblem.INVALID_TRANSITION, "appointment.invalid-transition", status, next);
        }
        status = next;
        updatedAt = now;
        activeSlot = AppointmentStatus.HOLDS_SLOT.contains(next) ? slotKey(doctorId, startsAt) : null;
    }

    UUID id() {
        return id;
    }

    UUID patientId() {
        return patientId;
    }

    UUID doctorId() {
        return doctorId;
    }

    UUID departmentId() {
        return departmentId;
    }

    Instant startsAt() {
        return startsAt;
    }

    Instant endsAt() {
        return endsAt;
    }

    AppointmentStatus status() {
        return status;
    }

    String reason() {
        return reason;
    }

    String cancelReason() {
        return cancelReason;
    }

    Instant checkedInAt() {
        return checkedInAt;
    }

    long version() {
        return version == null ? 0 : version;
    }

    @Override
    public String toString() {
        return "Appointment[" + id + ", " + status + "]";
    }
}
