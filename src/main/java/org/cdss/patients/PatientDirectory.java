package org.cdss.patients;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.shared.DomainException;
import org.cdss.shared.PageView;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;
import org.cdss.shared.security.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patients module's API: registry reads with their access rules (enforced here, not only in the UI) and the
 * audit record of every read; registration of new patients.
 */
@Service
public class PatientDirectory {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Patients patients;
    private final AuditLog audit;
    private final Clock clock;
    private final PatientSearch searcher;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    PatientDirectory(
            Patients patients,
            AuditLog audit,
            Clock clock,
            PatientSearch searcher,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.patients = patients;
        this.audit = audit;
        this.clock = clock;
        this.searcher = searcher;
        this.jdbc = jdbc;
    }

    /**
     * The unified search: ranked by how well each patient matches ({@link PatientSearch}), then the patients seen in
     * the preferred departments first. {@code department} is a department id, {@code "all"} for no preference, or
     * null for the caller's own departments. One audit record per search.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST','LAB_TECH','RADIOGRAPHER','RADIOLOGIST','ADMIN_STAFF')")
    public PageView<PatientSummaryView> search(String q, String department, int page, int size, String sort) {
        java.util.Set<UUID> preferred;
        if (department == null || department.isBlank()) {
            preferred = CurrentUser.require().departmentIds();
        } else if (department.equalsIgnoreCase("all")) {
            preferred = java.util.Set.of();
        } else {
            try {
                preferred = java.util.Set.of(UUID.fromString(department.strip()));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalidField("/department", "validation.invalid-value");
            }
        }
        PageView<PatientSummaryView> result =
                searcher.search(q, preferred, page, size, PatientSearch.Order.parse(sort));
        audit.record(new AuditEvent(
                "PATIENT_SEARCH",
                "Patient",
                null,
                null,
                null,
                "results=" + result.page().totalElements(),
                null));
        return result;
    }

    /**
     * Notes that a patient is being seen in a department (scheduling calls it for every booking), so that the search
     * ranks the department's own patients first. Joins the caller's transaction.
     */
    @Transactional
    public void noteDepartmentVisit(UUID patientId, UUID departmentId, java.time.Instant at) {
        var when = org.cdss.shared.db.UtcTimestamps.toColumn(at);
        int updated = jdbc.sql("UPDATE patient_department SET last_seen_at = :at WHERE patient_id = :patient"
                        + " AND department_id = :department AND last_seen_at < :at")
                .param("at", when)
                .param("patient", patientId.toString())
                .param("department", departmentId.toString())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO patient_department (patient_id, department_id, last_seen_at)"
                            + " SELECT :patient, :department, :at FROM patient WHERE id = :patient AND NOT EXISTS"
                            + " (SELECT 1 FROM patient_department WHERE patient_id = :patient"
                            + " AND department_id = :department)")
                    .param("at", when)
                    .param("patient", patientId.toString())
                    .param("department", departmentId.toString())
                    .update();
        }
    }

    /**
     * One patient's header. Staff who may read the registry see any patient; a patient sees only their own record.
     * Anyone else gets 404, never 403, so that the existence of a record does not leak.
     */
    @Transactional(readOnly = true)
    public PatientSummaryView get(UUID id) {
        CdssPrincipal user = CurrentUser.require();
        boolean staffReader = user.hasAny(Role.PATIENT_REGISTRY_READERS);
        boolean self = user.has(Role.PATIENT) && id.equals(user.patientId());
        if (!staffReader && !self) {
            audit.record(new AuditEvent(
                    "PATIENT_READ", "Patient", id.toString(), null, org.cdss.audit.AuditOutcome.DENIED, null, null));
            throw new DomainException(PatientProblem.NOT_FOUND);
        }
        Patient patient = patients.findById(id).orElseThrow(() -> new DomainException(PatientProblem.NOT_FOUND));
        audit.record(AuditEvent.success("PATIENT_READ", "Patient", id, id));
        return patient.summary();
    }

    /** One patient's full record (RRN masked), with the same access rules and audit as {@link #get(UUID)}. */
    @Transactional(readOnly = true)
    public PatientView detail(UUID id) {
        CdssPrincipal user = CurrentUser.require();
        boolean staffReader = user.hasAny(Role.PATIENT_REGISTRY_READERS);
        boolean self = user.has(Role.PATIENT) && id.equals(user.patientId());
        if (!staffReader && !self) {
            audit.record(new AuditEvent(
                    "PATIENT_READ", "Patient", id.toString(), null, org.cdss.audit.AuditOutcome.DENIED, null, null));
            throw new DomainException(PatientProblem.NOT_FOUND);
        }
        Patient patient = patients.findById(id).orElseThrow(() -> new DomainException(PatientProblem.NOT_FOUND));
        audit.record(AuditEvent.success("PATIENT_READ", "Patient", id, id));
        return patient.view();
    }

    /**
     * Headers of several patients at once, for worklists. Not audited here: the calling module audits the list it
     * shows (one record per list, not per row).
     */
    @Transactional(readOnly = true)
    public java.util.Map<UUID, PatientSummaryView> summaries(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        // A plain statement, not entities: loading a Patient through Hibernate (its repository call, the load and the
        // hydration of every column) for the order form's existence check was 6 % of an order create's CPU, and each
        // further look-up of it in the persistence context here still cost a repository call (issue 16's profile).
        // Not findAllById either: it re-interprets a new query on every call. Changes of the transaction that are not
        // flushed yet are not seen: no caller changes a patient's header and reads it back in one transaction.
        java.util.Map<UUID, PatientSummaryView> found = new java.util.HashMap<>();
        jdbc.sql("SELECT " + PatientSearch.SUMMARY_COLUMNS + " FROM patient p WHERE p.id IN (:ids)")
                .param("ids", ids.stream().map(UUID::toString).toList())
                .query(PatientSearch::summary)
                .list()
                .forEach(summary -> found.put(summary.id(), summary));
        return found;
    }

    /**
     * The id of the patient with this MRN (e.g. a DICOM PatientID), for matching arriving data to the registry. Not
     * audited here: the caller links data to the patient and audits that.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<UUID> idByMrn(String mrn) {
        if (mrn.isBlank() || mrn.length() > 20) {
            return java.util.Optional.empty();
        }
        return patients.findByMrn(mrn.trim()).map(Patient::id);
    }

    /** Whether a patient record exists, and whether it still takes new clinical data ({@link #takesNewData}). */
    public enum RecordState {
        UNKNOWN,
        ACTIVE,
        INACTIVE
    }

    /**
     * The record's state in one statement, for the commands that add clinical data to it (orders, allergy, medication
     * and problem entries, bookings): they refuse an {@link RecordState#INACTIVE} record with {@link #inactive}. A
     * record merged into another (ADR 0026) keeps its history and takes nothing new: the medication-safety check
     * reads one record's allergies and medications, so an order placed on the merged record would be checked against
     * lists that moved to the survivor.
     */
    @Transactional(readOnly = true)
    public RecordState state(UUID id) {
        return state(id, "");
    }

    /**
     * {@link #state}, with the record's row locked until the caller's transaction ends: a command that checks the
     * patient's existing data before adding to it (a booking against the patient's overlapping bookings) runs one at
     * a time per patient, so two clerks cannot both find the patient free. Needs the caller's transaction.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public RecordState lockState(UUID id) {
        return state(id, " FOR UPDATE");
    }

    private RecordState state(UUID id, String lock) {
        return jdbc.sql("SELECT active FROM patient WHERE id = :id" + lock)
                .param("id", id.toString())
                .query(Boolean.class)
                .optional()
                .map(active -> active ? RecordState.ACTIVE : RecordState.INACTIVE)
                .orElse(RecordState.UNKNOWN);
    }

    /**
     * The recorded sex of a patient, for a rule that depends on it (a lab reference range): no access check or audit
     * here, the caller's own read of the patient's order is the audited access; null when the record is unknown.
     */
    @Transactional(readOnly = true)
    public @org.jspecify.annotations.Nullable Sex sexOf(UUID id) {
        return jdbc.sql("SELECT sex FROM patient WHERE id = :id")
                .param("id", id.toString())
                .query(String.class)
                .optional()
                .map(s -> s == null ? null : Sex.valueOf(s.strip()))
                .orElse(null);
    }

    /** The refusal of new clinical data for an inactive (merged or closed) record: 409, with the field's pointer. */
    public static DomainException inactive(String pointer) {
        return DomainException.field(PatientProblem.INACTIVE, pointer, "patient.inactive-takes-no-new-data");
    }

    @Transactional(readOnly = true)
    public boolean exists(UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM patient WHERE id = :id")
                        .param("id", id.toString())
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Transactional(readOnly = true)
    public long countActive() {
        return patients.countByActiveTrue();
    }

    /** Registers a patient with a newly generated MRN (used by the demo data and, later, the front office). */
    @Transactional
    public PatientSummaryView register(NewPatient request) {
        String mrn = newMrn();
        Patient patient = patients.save(new Patient(
                mrn, request.name(), request.nameLatin(), request.birthDate(), request.sex(), clock.instant()));
        audit.record(AuditEvent.success("PATIENT_CREATE", "Patient", patient.id(), patient.id()));
        return patient.summary();
    }

    String newMrn() {
        for (int attempt = 0; attempt < 20; attempt++) {
            String mrn = String.format("%08d", RANDOM.nextInt(100_000_000));
            if (!patients.existsByMrn(mrn)) {
                return mrn;
            }
        }
        throw new DomainException(PatientProblem.MRN_UNAVAILABLE);
    }

    /** What the registry needs to know of a new patient. */
    public record NewPatient(String name, String nameLatin, LocalDate birthDate, Sex sex) {}
}
