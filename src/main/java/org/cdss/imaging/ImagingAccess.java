package org.cdss.imaging;

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
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who may see and add images, with the audit record of each decision (refusals audited as DENIED and answered 404,
 * so that a study's existence does not leak). Viewers: the care team (doctors, nurses) and imaging staff
 * (radiographers, radiologists) — like the chart's readers — and a patient for their own linked studies. Uploaders and
 * whoever decides a patient link: doctors, radiographers, radiologists. A study not linked to any patient is seen
 * only by uploaders (they decide its link).
 */
@Component
class ImagingAccess {

    static final Set<Role> VIEWERS = EnumSet.of(Role.DOCTOR, Role.NURSE, Role.RADIOGRAPHER, Role.RADIOLOGIST);
    static final Set<Role> UPLOADERS = EnumSet.of(Role.DOCTOR, Role.RADIOGRAPHER, Role.RADIOLOGIST);

    private final PatientDirectory patients;
    private final AuditLog audit;

    ImagingAccess(PatientDirectory patients, AuditLog audit) {
        this.patients = patients;
        this.audit = audit;
    }

    /** The patient's images may be read by the caller; audited. */
    void requireViewer(UUID patientId, String action, String resourceType, @Nullable Object resourceId) {
        requireViewer(patientId, action, resourceType, resourceId, null, true);
    }

    private void requireViewer(
            UUID patientId,
            String action,
            String resourceType,
            @Nullable Object resourceId,
            @Nullable String detail,
            boolean auditSuccess) {
        CdssPrincipal user = CurrentUser.require();
        boolean may = user.hasAny(VIEWERS) || (user.has(Role.PATIENT) && patientId.equals(user.patientId()));
        String id = resourceId == null ? null : resourceId.toString();
        if (!may || !patients.exists(patientId)) {
            audit.record(new AuditEvent(action, resourceType, id, null, AuditOutcome.DENIED, detail, null));
            throw new DomainException(ImagingProblem.STUDY_NOT_FOUND);
        }
        if (auditSuccess) {
            audit.record(AuditEvent.success(action, resourceType, id, patientId).withDetail(detail));
        }
    }

    /** A study's images: by its patient's rules, or uploaders only for an unlinked study; audited. */
    void requireStudyViewer(StudyRecords.StudyRow study, String action) {
        requireStudyViewer(study, action, null, true);
    }

    /**
     * As {@link #requireStudyViewer(StudyRecords.StudyRow, String)}, the success audited with {@code detail}, or not
     * at all when {@code auditSuccess} is false (a frame inside an audited viewer session, {@link ViewerSessions});
     * a refusal is always audited.
     */
    void requireStudyViewer(StudyRecords.StudyRow study, String action, @Nullable String detail, boolean auditSuccess) {
        if (study.patientId() != null) {
            requireViewer(study.patientId(), action, "ImagingStudy", study.id(), detail, auditSuccess);
            return;
        }
        CdssPrincipal user = CurrentUser.require();
        if (!user.hasAny(UPLOADERS)) {
            audit.record(new AuditEvent(
                    action, "ImagingStudy", study.id().toString(), null, AuditOutcome.DENIED, detail, null));
            throw new DomainException(ImagingProblem.STUDY_NOT_FOUND);
        }
        if (auditSuccess) {
            audit.record(AuditEvent.success(action, "ImagingStudy", study.id(), study.intendedPatientId())
                    .withDetail(detail));
        }
    }

    /**
     * Adding images to a patient: uploaders, for a patient that exists (404 otherwise) and is active — a merged or
     * closed record takes no new data (409 {@code patient.inactive}): images put there would be missing from the
     * surviving record's chart.
     */
    void requireUploader(UUID patientId) {
        CdssPrincipal user = CurrentUser.require();
        PatientDirectory.RecordState state =
                user.hasAny(UPLOADERS) ? patients.state(patientId) : PatientDirectory.RecordState.UNKNOWN;
        if (state != PatientDirectory.RecordState.ACTIVE) {
            audit.record(new AuditEvent(
                    "IMAGING_UPLOAD",
                    "Patient",
                    patientId.toString(),
                    null,
                    AuditOutcome.DENIED,
                    state == PatientDirectory.RecordState.INACTIVE ? "inactive record" : null,
                    null));
            if (state == PatientDirectory.RecordState.INACTIVE) {
                throw PatientDirectory.inactive("/patientId");
            }
            throw new DomainException(org.cdss.shared.ProblemCode.NOT_FOUND);
        }
    }

    void record(AuditEvent event) {
        audit.record(event);
    }
}
