package org.cdss.records;

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
 * An outpatient visit of one patient with one doctor of one department. Its status changes only through its own
 * methods: an open encounter finishes or is voided (entered in error, with who, when and why); nothing else moves.
 */
@Entity
@Table(name = "encounter")
class Encounter {

    @Id
    private UUID id;

    @Column(name = "patient_id", nullable = false)
    private UUID patientId;

    @Column(name = "appointment_id")
    private UUID appointmentId;

    @Column(name = "department_id", nullable = false)
    private UUID departmentId;

    @Column(name = "doctor_id", nullable = false)
    private UUID doctorId;

    @Column(nullable = false, length = 20)
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private EncounterStatus status;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "voided_at")
    private Instant voidedAt;

    @Column(name = "voided_by")
    private UUID voidedBy;

    @Column(name = "void_reason", length = 500)
    private String voidReason;

    @Column(name = "created_by", nullable = false)
    private UUID createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private Long version;

    protected Encounter() {}

    Encounter(UUID patientId, UUID appointmentId, UUID departmentId, UUID doctorId, UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.patientId = patientId;
        this.appointmentId = appointmentId;
        this.departmentId = departmentId;
        this.doctorId = doctorId;
        this.status = EncounterStatus.OPEN;
        this.startedAt = now;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void finish(Instant now) {
        requireOpen();
        status = EncounterStatus.FINISHED;
        endedAt = now;
        updatedAt = now;
    }

    /** Voids an encounter recorded by mistake; its notes, vitals and diagnoses stay, marked by the encounter. */
    void voidAsEnteredInError(UUID by, String reason, Instant now) {
        if (status == EncounterStatus.ENTERED_IN_ERROR) {
            throw new DomainException(
                    RecordProblem.INVALID_TRANSITION,
                    "encounter.invalid-transition",
                    status,
                    EncounterStatus.ENTERED_IN_ERROR);
        }
        status = EncounterStatus.ENTERED_IN_ERROR;
        voidedAt = now;
        voidedBy = by;
        voidReason = reason;
        updatedAt = now;
    }

    /** Notes, vitals and diagnoses are written only while the encounter is open or finished, never once voided. */
    void requireWritable() {
        if (status == EncounterStatus.ENTERED_IN_ERROR) {
            throw new DomainException(RecordProblem.ENCOUNTER_VOIDED, "encounter.voided");
        }
    }

    private void requireOpen() {
        if (status != EncounterStatus.OPEN) {
            throw new DomainException(
                    RecordProblem.INVALID_TRANSITION, "encounter.invalid-transition", status, EncounterStatus.FINISHED);
        }
    }

    UUID id() {
        return id;
    }

    UUID patientId() {
        return patientId;
    }

    UUID appointmentId() {
        return appointmentId;
    }

    UUID departmentId() {
        return departmentId;
    }

    UUID doctorId() {
        return doctorId;
    }

    EncounterStatus status() {
        return status;
    }

    Long version() {
        return version;
    }
}
