package org.cdss.patients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.audit.AuditOutcome;
import org.cdss.patients.ClinicalViews.ActiveAllergy;
import org.cdss.patients.ClinicalViews.ActiveMedicationEntry;
import org.cdss.patients.ClinicalViews.AllergyView;
import org.cdss.patients.ClinicalViews.MedicationView;
import org.cdss.patients.ClinicalViews.ProblemView;
import org.cdss.shared.DomainException;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.db.ColumnText;
import org.cdss.shared.db.UtcTimestamps;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;
import org.cdss.shared.security.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinical lists of a patient: allergies, active medications and the problem list. Who reads which list is one
 * decision, {@link #mayRead(CdssPrincipal, Kind, UUID)} (ADR 0016): the allergy list is read by every clinical role
 * (a radiographer giving contrast, a lab technician drawing blood must know them); medications and problems are chart
 * content, read by the chart readers only (doctors, nurses, pharmacists, radiologists), as the notes and the timeline
 * are — not by lab technicians, radiographers or the front office; a patient reads their own lists. A staff role
 * that may not read a list is refused (403); a patient asking for another patient's list, or a list of a patient
 * that does not exist, gets 404. Every read is audited; clinicians record and inactivate entries (never deleted).
 * {@link #activeAllergies(UUID)} and {@link #activeMedications(UUID)} are the API the medication safety engine reads;
 * they are not audited here (the caller audits its check).
 */
@Service
public class ClinicalLists {

    /** Staff who read chart content (as records' chart readers): medications and problems. */
    static final Set<Role> CHART_READERS = EnumSet.of(Role.DOCTOR, Role.NURSE, Role.PHARMACIST, Role.RADIOLOGIST);

    enum Kind {
        ALLERGY("patient_allergy", "PATIENT_ALLERGY", Role.CLINICAL),
        MEDICATION("patient_medication", "PATIENT_MEDICATION", CHART_READERS),
        PROBLEM("patient_problem", "PATIENT_PROBLEM", CHART_READERS);

        final String table;
        final String audit;
        final Set<Role> staffReaders;

        Kind(String table, String audit, Set<Role> staffReaders) {
            this.table = table;
            this.audit = audit;
            this.staffReaders = staffReaders;
        }
    }

    /** Whether a principal's roles let them read this kind of list of some patient at all. */
    static boolean mayReadKind(CdssPrincipal user, Kind kind) {
        return user.hasAny(kind.staffReaders) || (user.has(Role.PATIENT) && user.patientId() != null);
    }

    /** The one decision: staff of the list's readers for any patient, a patient for their own record only. */
    static boolean mayRead(CdssPrincipal user, Kind kind, UUID patientId) {
        return user.hasAny(kind.staffReaders) || (user.has(Role.PATIENT) && patientId.equals(user.patientId()));
    }

    private final JdbcClient jdbc;
    private final PatientDirectory directory;
    private final ObjectProvider<SubstanceCoder> coder;
    private final AuditLog audit;
    private final Clock clock;

    ClinicalLists(
            JdbcClient jdbc,
            PatientDirectory directory,
            ObjectProvider<SubstanceCoder> coder,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.coder = coder;
        this.audit = audit;
        this.clock = clock;
    }

    // --- reads (UI) ---

    @Transactional(readOnly = true)
    public List<AllergyView> allergies(UUID patientId) {
        requireReadable(patientId, Kind.ALLERGY);
        return jdbc.sql("SELECT * FROM patient_allergy WHERE patient_id = :p ORDER BY status, recorded_at DESC, id")
                .param("p", patientId.toString())
                .query((rs, n) -> new AllergyView(
                        uuid(rs, "id"),
                        rs.getString("substance"),
                        rs.getString("substance_code"),
                        rs.getString("reaction"),
                        AllergySeverity.valueOf(rs.getString("severity")),
                        status(rs),
                        UtcTimestamps.read(rs, "recorded_at"),
                        rs.getString("recorded_by_name"),
                        UtcTimestamps.read(rs, "inactivated_at"),
                        rs.getString("inactivation_reason")))
                .list();
    }

    @Transactional(readOnly = true)
    public List<MedicationView> medications(UUID patientId) {
        requireReadable(patientId, Kind.MEDICATION);
        return jdbc.sql("SELECT * FROM patient_medication WHERE patient_id = :p "
                        + "ORDER BY status, recorded_at DESC, id")
                .param("p", patientId.toString())
                .query((rs, n) -> new MedicationView(
                        uuid(rs, "id"),
                        rs.getString("name"),
                        rs.getString("ingredient_id"),
                        rs.getString("dose"),
                        rs.getObject("started_on", LocalDate.class),
                        status(rs),
                        UtcTimestamps.read(rs, "recorded_at"),
                        rs.getString("recorded_by_name"),
                        UtcTimestamps.read(rs, "inactivated_at"),
                        rs.getString("inactivation_reason")))
                .list();
    }

    @Transactional(readOnly = true)
    public List<ProblemView> problems(UUID patientId) {
        requireReadable(patientId, Kind.PROBLEM);
        return jdbc.sql("SELECT * FROM patient_problem WHERE patient_id = :p ORDER BY status, recorded_at DESC, id")
                .param("p", patientId.toString())
                .query((rs, n) -> new ProblemView(
                        uuid(rs, "id"),
                        rs.getString("code"),
                        rs.getString("description"),
                        rs.getObject("onset_on", LocalDate.class),
                        status(rs),
                        UtcTimestamps.read(rs, "recorded_at"),
                        rs.getString("recorded_by_name"),
                        UtcTimestamps.read(rs, "inactivated_at"),
                        rs.getString("inactivation_reason")))
                .list();
    }

    /**
     * The patient an allergy, medication or problem entry belongs to, for reading the entry by its own id through the
     * list reads above (which check access and audit). Empty for unknown ids; reveals nothing else.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<UUID> patientOfEntry(UUID entryId) {
        return jdbc.sql("SELECT patient_id FROM patient_allergy WHERE id = :id"
                        + " UNION ALL SELECT patient_id FROM patient_medication WHERE id = :id"
                        + " UNION ALL SELECT patient_id FROM patient_problem WHERE id = :id")
                .param("id", entryId.toString())
                .query((rs, n) -> UUID.fromString(rs.getString(1).trim()))
                .optional();
    }

    // --- reads (other modules) ---

    /** The patient's active allergies, coded where the knowledge base knew the substance, with the recorded reaction
     * and its severity (they grade the allergy alerts). Not audited here. */
    @Transactional(readOnly = true)
    public List<ActiveAllergy> activeAllergies(UUID patientId) {
        return jdbc.sql(
                        "SELECT substance, substance_code, reaction, severity FROM patient_allergy WHERE patient_id = :p "
                                + "AND status = 'ACTIVE' ORDER BY recorded_at, id")
                .param("p", patientId.toString())
                .query((rs, n) -> new ActiveAllergy(
                        rs.getString("substance"),
                        rs.getString("substance_code"),
                        rs.getString("reaction"),
                        rs.getString("severity") == null ? null : AllergySeverity.valueOf(rs.getString("severity"))))
                .list();
    }

    /** The patient's active medications, with the ingredient id where coded. Not audited here. */
    @Transactional(readOnly = true)
    public List<ActiveMedicationEntry> activeMedications(UUID patientId) {
        return jdbc.sql("SELECT name, ingredient_id FROM patient_medication WHERE patient_id = :p "
                        + "AND status = 'ACTIVE' ORDER BY recorded_at, id")
                .param("p", patientId.toString())
                .query((rs, n) -> new ActiveMedicationEntry(rs.getString("name"), rs.getString("ingredient_id")))
                .list();
    }

    // --- commands ---

    @Transactional
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST')")
    public UUID recordAllergy(UUID patientId, String substance, String reaction, AllergySeverity severity) {
        requireActive(patientId);
        UUID id = UUID.randomUUID();
        CdssPrincipal user = CurrentUser.require();
        String text = substance.strip();
        jdbc.sql("""
                INSERT INTO patient_allergy (id, patient_id, substance, substance_code, reaction, severity, status,
                    recorded_at, recorded_by, recorded_by_name)
                VALUES (:id, :p, :substance, :code, :reaction, :severity, 'ACTIVE', :at, :by, :byName)""")
                .param("id", id.toString())
                .param("p", patientId.toString())
                .param("substance", text)
                .param("code", code(text))
                .param("reaction", PatientRequests.blankToNull(reaction))
                .param("severity", severity.name())
                .param("at", now())
                .param("by", user.userId().toString())
                .param("byName", ColumnText.fit(user.displayName(), 100))
                .update();
        AllergyReview.clear(jdbc, patientId); // an allergy ends "no known allergies"
        audit.record(AuditEvent.success(Kind.ALLERGY.audit + "_CREATE", "PatientAllergy", id, patientId));
        return id;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST')")
    public UUID recordMedication(UUID patientId, String name, String dose, LocalDate startedOn) {
        requireActive(patientId);
        UUID id = UUID.randomUUID();
        CdssPrincipal user = CurrentUser.require();
        String text = name.strip();
        String code = code(text);
        jdbc.sql("""
                INSERT INTO patient_medication (id, patient_id, name, ingredient_id, dose, started_on, status,
                    recorded_at, recorded_by, recorded_by_name)
                VALUES (:id, :p, :name, :ingredient, :dose, :started, 'ACTIVE', :at, :by, :byName)""")
                .param("id", id.toString())
                .param("p", patientId.toString())
                .param("name", text)
                // an ingredient or a two-part combination ("DB01060+DB00766") fits the column; else the name is
                // checked as it stands (the engine resolves it again)
                .param("ingredient", code != null && code.startsWith("DB") && code.length() <= 20 ? code : null)
                .param("dose", PatientRequests.blankToNull(dose))
                .param("started", startedOn)
                .param("at", now())
                .param("by", user.userId().toString())
                .param("byName", ColumnText.fit(user.displayName(), 100))
                .update();
        audit.record(AuditEvent.success(Kind.MEDICATION.audit + "_CREATE", "PatientMedication", id, patientId));
        return id;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST')")
    public UUID recordProblem(UUID patientId, String code, String description, LocalDate onsetOn) {
        requireActive(patientId);
        UUID id = UUID.randomUUID();
        CdssPrincipal user = CurrentUser.require();
        jdbc.sql("""
                INSERT INTO patient_problem (id, patient_id, code, description, onset_on, status, recorded_at,
                    recorded_by, recorded_by_name)
                VALUES (:id, :p, :code, :description, :onset, 'ACTIVE', :at, :by, :byName)""")
                .param("id", id.toString())
                .param("p", patientId.toString())
                .param("code", code.strip())
                .param("description", description.strip())
                .param("onset", onsetOn)
                .param("at", now())
                .param("by", user.userId().toString())
                .param("byName", ColumnText.fit(user.displayName(), 100))
                .update();
        audit.record(AuditEvent.success(Kind.PROBLEM.audit + "_CREATE", "PatientProblem", id, patientId));
        return id;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST')")
    public void inactivateAllergy(UUID patientId, UUID itemId, String reason) {
        inactivate(Kind.ALLERGY, patientId, itemId, reason);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST')")
    public void inactivateMedication(UUID patientId, UUID itemId, String reason) {
        inactivate(Kind.MEDICATION, patientId, itemId, reason);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST')")
    public void inactivateProblem(UUID patientId, UUID itemId, String reason) {
        inactivate(Kind.PROBLEM, patientId, itemId, reason);
    }

    private void inactivate(Kind kind, UUID patientId, UUID itemId, String reason) {
        Integer found = jdbc.sql("SELECT COUNT(*) FROM " + kind.table + " WHERE id = :id AND patient_id = :p")
                .param("id", itemId.toString())
                .param("p", patientId.toString())
                .query(Integer.class)
                .single();
        if (found == 0) {
            throw DomainException.notFound();
        }
        int changed = jdbc.sql("UPDATE " + kind.table + " SET status = 'INACTIVE', inactivated_at = :at, "
                        + "inactivated_by = :by, inactivation_reason = :reason WHERE id = :id AND patient_id = :p "
                        + "AND status = 'ACTIVE'")
                .param("at", now())
                .param("by", CurrentUser.require().userId().toString())
                .param("reason", PatientRequests.blankToNull(reason))
                .param("id", itemId.toString())
                .param("p", patientId.toString())
                .update();
        if (changed == 0) {
            throw new DomainException(PatientProblem.ENTRY_INACTIVE, "patient.entry-inactive");
        }
        audit.record(AuditEvent.success(kind.audit + "_INACTIVATE", "Patient", itemId, patientId));
    }

    private void requireReadable(UUID patientId, Kind kind) {
        CdssPrincipal user = CurrentUser.require();
        if (!mayRead(user, kind, patientId)) {
            audit.record(new AuditEvent(
                    kind.audit + "_READ", "Patient", patientId.toString(), null, AuditOutcome.DENIED, null, null));
            if (!mayReadKind(user, kind)) {
                throw new DomainException(ProblemCode.FORBIDDEN);
            }
            throw new DomainException(PatientProblem.NOT_FOUND); // as for a patient that does not exist
        }
        requireExists(patientId);
        audit.record(AuditEvent.success(kind.audit + "_READ", "Patient", patientId, patientId));
    }

    private void requireExists(UUID patientId) {
        if (!directory.exists(patientId)) {
            throw new DomainException(PatientProblem.NOT_FOUND);
        }
    }

    /** A new entry goes to an active record only (a merged record's lists moved to its survivor). */
    private void requireActive(UUID patientId) {
        switch (directory.state(patientId)) {
            case UNKNOWN -> throw new DomainException(PatientProblem.NOT_FOUND);
            case INACTIVE -> throw PatientDirectory.inactive("");
            case ACTIVE -> {}
        }
    }

    private String code(String text) {
        SubstanceCoder c = coder.getIfAvailable();
        String code = c == null ? null : c.code(text);
        return code == null || code.length() > 60 ? null : code;
    }

    private LocalDateTime now() {
        return UtcTimestamps.toColumn(clock.instant());
    }

    private static UUID uuid(ResultSet rs, String column) throws SQLException {
        return UUID.fromString(rs.getString(column).strip());
    }

    private static ClinicalStatus status(ResultSet rs) throws SQLException {
        return ClinicalStatus.valueOf(rs.getString("status"));
    }
}
