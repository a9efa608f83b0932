package org.cdss.records;

import java.math.RoundingMode;
import java.time.Clock;
import java.util.UUID;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.identity.IdentityQueries;
import org.cdss.identity.StaffMember;
import org.cdss.records.RecordRequests.OpenEncounterRequest;
import org.cdss.records.RecordViews.DiagnosisView;
import org.cdss.records.RecordViews.EncounterDetailView;
import org.cdss.records.RecordViews.VitalsView;
import org.cdss.scheduling.AppointmentChanged;
import org.cdss.scheduling.AppointmentQueries;
import org.cdss.scheduling.AppointmentStatus;
import org.cdss.scheduling.AppointmentView;
import org.cdss.shared.DomainException;
import org.cdss.shared.db.ColumnText;
import org.cdss.shared.db.UtcTimestamps;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;
import org.cdss.shared.security.Role;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commands on the medical record: open, finish and void encounters; record vital signs and diagnoses (the SOAP notes
 * are {@link NoteCommands}'). Every write is audited.
 *
 * <p>How an encounter meets its appointment: the UI opens the encounter ({@code POST /api/patients/{id}/encounters}
 * with the appointment id) right after starting the consultation, and opening is idempotent per appointment (a
 * unique key on {@code encounter.appointment_id}). A listener on {@link AppointmentChanged} could not do that part:
 * the event deliberately carries no patient id (it is pushed to browsers as it is), and an asynchronous listener
 * runs without the doctor in the security context. Completing the appointment does finish its encounter through
 * {@link #onAppointmentChanged(AppointmentChanged)}, which runs synchronously in the transaction that completes the
 * appointment, so that both change together or not at all.
 */
@Service
public class RecordManagement {

    private final Encounters encounters;
    private final JdbcClient jdbc;
    private final RecordQueries queries;
    private final RecordAccess access;
    private final AppointmentQueries appointments;
    private final IdentityQueries identity;
    private final AuditLog audit;
    private final Clock clock;

    RecordManagement(
            Encounters encounters,
            JdbcClient jdbc,
            RecordQueries queries,
            RecordAccess access,
            AppointmentQueries appointments,
            IdentityQueries identity,
            AuditLog audit,
            Clock clock) {
        this.encounters = encounters;
        this.jdbc = jdbc;
        this.queries = queries;
        this.access = access;
        this.appointments = appointments;
        this.identity = identity;
        this.audit = audit;
        this.clock = clock;
    }

    /** Opens an encounter (see {@link RecordRequests.OpenEncounterRequest}); for an appointment, at most once. */
    @Transactional
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE')")
    public EncounterDetailView open(UUID patientId, OpenEncounterRequest request) {
        access.requirePatient(patientId);
        CdssPrincipal user = CurrentUser.require();
        Encounter encounter;
        if (request.appointmentId() != null) {
            var existing = encounters.findByAppointmentId(request.appointmentId());
            if (existing.isPresent()) {
                if (!existing.get().patientId().equals(patientId)) {
                    throw new DomainException(RecordProblem.NOT_FOUND);
                }
                audit.record(AuditEvent.success(
                        "ENCOUNTER_READ", "Encounter", existing.get().id(), patientId));
                return queries.detailUnaudited(existing.get().id());
            }
            AppointmentView appointment = appointments.get(request.appointmentId());
            if (!appointment.patientId().equals(patientId)) {
                throw new DomainException(RecordProblem.NOT_FOUND);
            }
            if (appointment.status() != AppointmentStatus.CHECKED_IN
                    && appointment.status() != AppointmentStatus.IN_CONSULTATION) {
                throw new DomainException(
                        RecordProblem.APPOINTMENT_NOT_OPEN, "encounter.appointment-not-open", appointment.status());
            }
            encounter = new Encounter(
                    patientId,
                    appointment.id(),
                    appointment.departmentId(),
                    appointment.doctorId(),
                    user.userId(),
                    clock.instant());
        } else {
            if (request.departmentId() == null) {
                throw DomainException.invalidField("/departmentId", "validation.required");
            }
            UUID doctorId =
                    request.doctorId() != null ? request.doctorId() : user.has(Role.DOCTOR) ? user.userId() : null;
            if (doctorId == null) {
                throw DomainException.invalidField("/doctorId", "validation.required");
            }
            boolean doctorHere = identity.staffMember(doctorId)
                    .filter(StaffMember::active)
                    .filter(d -> d.isDoctorIn(request.departmentId()))
                    .isPresent();
            if (!doctorHere) {
                throw DomainException.invalidField("/doctorId", "appointment.not-a-doctor-here");
            }
            encounter =
                    new Encounter(patientId, null, request.departmentId(), doctorId, user.userId(), clock.instant());
        }
        try {
            encounters.saveAndFlush(encounter);
        } catch (DataIntegrityViolationException e) {
            // the unique appointment key decided: a concurrent request opened it first
            throw new DomainException(RecordProblem.ENCOUNTER_ALREADY_OPEN, "encounter.already-open");
        }
        audit.record(AuditEvent.success("ENCOUNTER_CREATE", "Encounter", encounter.id(), patientId));
        return queries.detailUnaudited(encounter.id());
    }

    @Transactional
    @PreAuthorize("hasRole('DOCTOR')")
    public EncounterDetailView finish(UUID encounterId) {
        Encounter encounter = load(encounterId);
        encounter.finish(clock.instant());
        encounters.saveAndFlush(encounter);
        audit.record(AuditEvent.success("ENCOUNTER_FINISH", "Encounter", encounterId, encounter.patientId()));
        return queries.detailUnaudited(encounterId);
    }

    @Transactional
    @PreAuthorize("hasRole('DOCTOR')")
    public EncounterDetailView voidEncounter(UUID encounterId, String reason) {
        Encounter encounter = load(encounterId);
        encounter.voidAsEnteredInError(CurrentUser.require().userId(), reason.strip(), clock.instant());
        encounters.saveAndFlush(encounter);
        audit.record(AuditEvent.success("ENCOUNTER_VOID", "Encounter", encounterId, encounter.patientId()));
        return queries.detailUnaudited(encounterId);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE')")
    public VitalsView recordVitals(UUID encounterId, VitalSigns vitals) {
        Encounter encounter = load(encounterId);
        encounter.requireWritable();
        VitalSigns v = vitals.validated();
        CdssPrincipal user = CurrentUser.require();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO vital_signs (id, encounter_id, patient_id, systolic, diastolic, heart_rate,
                    respiratory_rate, temperature_c, spo2, height_cm, weight_kg, bmi, measured_at, recorded_by,
                    recorded_by_name)
                VALUES (:id, :e, :p, :sys, :dia, :hr, :rr, :temp, :spo2, :height, :weight, :bmi, :at, :by, :byName)""")
                .param("id", id.toString())
                .param("e", encounterId.toString())
                .param("p", encounter.patientId().toString())
                .param("sys", v.systolic())
                .param("dia", v.diastolic())
                .param("hr", v.heartRate())
                .param("rr", v.respiratoryRate())
                .param("temp", oneDecimal(v.temperatureC()))
                .param("spo2", v.spo2())
                .param("height", oneDecimal(v.heightCm()))
                .param("weight", oneDecimal(v.weightKg()))
                .param("bmi", v.bmi())
                .param("at", UtcTimestamps.toColumn(clock.instant()))
                .param("by", user.userId().toString())
                .param("byName", ColumnText.fit(user.displayName(), 100))
                .update();
        audit.record(AuditEvent.success("VITALS_CREATE", "VitalSigns", id, encounter.patientId()));
        return queries.vitals(id);
    }

    @Transactional
    @PreAuthorize("hasRole('DOCTOR')")
    public DiagnosisView recordDiagnosis(UUID encounterId, String code, String description, boolean primary) {
        Encounter encounter = load(encounterId);
        encounter.requireWritable();
        if (primary) {
            // one primary diagnosis per encounter, also when two are sent at the same moment: the encounter's row
            // is locked first, so the second waits for the first to commit and then finds its primary (read by a
            // locking read, which sees it on MariaDB's repeatable read as well)
            jdbc.sql("SELECT id FROM encounter WHERE id = :e FOR UPDATE")
                    .param("e", encounterId.toString())
                    .query(String.class)
                    .list();
            boolean hasPrimary = !jdbc.sql("SELECT id FROM encounter_diagnosis WHERE encounter_id = :e "
                            + "AND is_primary = TRUE FOR UPDATE")
                    .param("e", encounterId.toString())
                    .query(String.class)
                    .list()
                    .isEmpty();
            if (hasPrimary) {
                throw new DomainException(RecordProblem.PRIMARY_DIAGNOSIS_EXISTS, "encounter.primary-diagnosis-exists");
            }
        }
        CdssPrincipal user = CurrentUser.require();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO encounter_diagnosis (id, encounter_id, patient_id, code, description, is_primary,
                    recorded_at, recorded_by, recorded_by_name)
                VALUES (:id, :e, :p, :code, :description, :primary, :at, :by, :byName)""")
                .param("id", id.toString())
                .param("e", encounterId.toString())
                .param("p", encounter.patientId().toString())
                .param("code", code.strip())
                .param("description", description.strip())
                .param("primary", primary)
                .param("at", UtcTimestamps.toColumn(clock.instant()))
                .param("by", user.userId().toString())
                .param("byName", ColumnText.fit(user.displayName(), 100))
                .update();
        audit.record(AuditEvent.success("DIAGNOSIS_CREATE", "EncounterDiagnosis", id, encounter.patientId()));
        return queries.diagnosis(id);
    }

    /** Completing an appointment finishes its open encounter, in the same transaction (see the class comment). */
    @EventListener
    void onAppointmentChanged(AppointmentChanged event) {
        if (event.status() != AppointmentStatus.COMPLETED) {
            return;
        }
        encounters
                .findByAppointmentId(event.appointmentId())
                .filter(e -> e.status() == EncounterStatus.OPEN)
                .ifPresent(e -> {
                    e.finish(clock.instant());
                    encounters.saveAndFlush(e);
                    audit.record(AuditEvent.success("ENCOUNTER_FINISH", "Encounter", e.id(), e.patientId()));
                });
    }

    /** The encounter, or 404; the caller's role was checked by method security. */
    private Encounter load(UUID encounterId) {
        return encounters.findById(encounterId).orElseThrow(() -> new DomainException(RecordProblem.NOT_FOUND));
    }

    private static java.math.BigDecimal oneDecimal(java.math.BigDecimal d) {
        return d == null ? null : d.setScale(1, RoundingMode.HALF_UP);
    }
}
