package org.cdss.patients;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.audit.AuditNames;
import org.cdss.shared.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the administrator's audit viewer needs of the registry (issue 15 item 6): the names of the patients on a page
 * of the trail, and a pick of one patient by name or MRN to filter the trail by. Administrators are not registry
 * readers: the pick and the header of one patient (a portal account's page) return headers only (name, MRN, birth date,
 * sex) and are audited as such.
 */
@Service
class AuditPatientNames implements AuditNames.Patients {

    /** How many patients the pick offers. */
    static final int PICK_SIZE = 10;

    private final PatientDirectory directory;
    private final PatientSearch searcher;
    private final AuditLog audit;

    AuditPatientNames(PatientDirectory directory, PatientSearch searcher, AuditLog audit) {
        this.directory = directory;
        this.searcher = searcher;
        this.audit = audit;
    }

    @Override
    public Map<UUID, AuditNames.PatientLabel> labels(Collection<UUID> patientIds) {
        return directory.summaries(patientIds).entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey,
                        e -> new AuditNames.PatientLabel(
                                e.getValue().name(), e.getValue().mrn())));
    }

    /** Patients matching a name, its initial consonants or an MRN prefix, best first (inactive and merged too). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<PatientSummaryView> pick(String q) {
        List<PatientSummaryView> found = searcher.search(
                        q, java.util.Set.of(), 0, PICK_SIZE, PatientSearch.Order.parse(null))
                .content();
        audit.record(
                new AuditEvent("AUDIT_PATIENT_PICK", "Patient", null, null, null, "results=" + found.size(), null));
        return found;
    }

    /**
     * One patient's header, for an administrator's screen that links to the patient (a portal account's page): who
     * the patient is, never the record. Audited with the patient.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public PatientSummaryView header(UUID patientId) {
        PatientSummaryView found = directory.summaries(List.of(patientId)).get(patientId);
        if (found == null) {
            throw DomainException.notFound();
        }
        audit.record(AuditEvent.success("ADMIN_PATIENT_HEADER", "Patient", patientId, patientId));
        return found;
    }
}
