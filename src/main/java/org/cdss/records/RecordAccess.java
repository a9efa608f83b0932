package org.cdss.records;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.audit.AuditOutcome;
import org.cdss.patients.PatientDirectory;
import org.cdss.shared.DomainException;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;
import org.cdss.shared.security.Role;
import org.springframework.stereotype.Component;

/**
 * Who may read which part of a patient's record (see the module's {@code package-info}), with the audit record of
 * every read: allowed reads are audited as SUCCESS, refused ones as DENIED and answered 404 so that the existence of
 * a record does not leak.
 */
@Component
class RecordAccess {

    /** Staff who read chart content (notes, vitals, timeline). Lab technicians, radiographers and front office not. */
    static final Set<Role> CHART_READERS = EnumSet.of(Role.DOCTOR, Role.NURSE, Role.PHARMACIST, Role.RADIOLOGIST);

    private final PatientDirectory patients;
    private final AuditLog audit;

    RecordAccess(PatientDirectory patients, AuditLog audit) {
        this.patients = patients;
        this.audit = audit;
    }

    /** The visit history (encounters and their diagnoses): registry staff, or the patient themself. */
    void requireVisitReader(UUID patientId, String action, String resourceType, Object resourceId) {
        require(Role.PATIENT_REGISTRY_READERS, patientId, action, resourceType, resourceId);
    }

    /** Chart content (notes, vitals, the timeline): {@link #CHART_READERS}, or the patient themself. */
    void requireChartReader(UUID patientId, String action, String resourceType, Object resourceId) {
        require(CHART_READERS, patientId, action, resourceType, resourceId);
    }

    boolean mayReadChart(UUID patientId) {
        return may(CHART_READERS, patientId);
    }

    /** For writes: a 404 for a patient that does not exist. Authorisation is by role (method security). */
    void requirePatient(UUID patientId) {
        if (!patients.exists(patientId)) {
            throw new DomainException(RecordProblem.NOT_FOUND);
        }
    }

    private void require(Set<Role> staff, UUID patientId, String action, String resourceType, Object resourceId) {
        String id = resourceId == null ? null : resourceId.toString();
        if (!may(staff, patientId)) {
            audit.record(new AuditEvent(action, resourceType, id, null, AuditOutcome.DENIED, null, null));
            throw new DomainException(RecordProblem.NOT_FOUND);
        }
        requirePatient(patientId);
        audit.record(AuditEvent.success(action, resourceType, id, patientId));
    }

    private static boolean may(Set<Role> staff, UUID patientId) {
        CdssPrincipal user = CurrentUser.require();
        return user.hasAny(staff) || (user.has(Role.PATIENT) && patientId.equals(user.patientId()));
    }
}
