package org.cdss.imaging;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditOutcome;
import org.cdss.orders.OrderQueries;
import org.cdss.shared.DomainException;
import org.cdss.shared.security.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * Reads of studies for the UI and other modules (the RIS): a patient's studies, an order's studies, one study with
 * its series and instances, previews and the original files — each with the access rules of {@link ImagingAccess}
 * (an order's studies with the order's own visibility) and audited (every study opened). Also the one command on a
 * study: linking it to a patient anyway after a mismatch, with a reason, audited.
 */
@Service
public class ImagingStudies {

    private final StudyRecords records;
    private final ImageArchive archive;
    private final ImagingAccess access;
    private final OrderQueries orders;
    private final StudyLinking linking;
    private final Clock clock;

    ImagingStudies(
            StudyRecords records,
            ImageArchive archive,
            ImagingAccess access,
            OrderQueries orders,
            StudyLinking linking,
            Clock clock) {
        this.records = records;
        this.archive = archive;
        this.access = access;
        this.orders = orders;
        this.linking = linking;
        this.clock = clock;
    }

    /** The studies linked to a patient, newest first, with their series (503 when the archive is down). */
    public List<StudyView> ofPatient(UUID patientId) {
        access.requireViewer(patientId, "IMAGING_STUDIES_READ", "Patient", patientId);
        return views(records.ofPatient(patientId));
    }

    /** The studies linked to an imaging order the caller may see (the orders module's rule; 404 otherwise). */
    public List<StudyView> ofOrder(UUID orderId) {
        var order = orders.detail(orderId);
        List<StudyRecords.StudyRow> rows = records.ofOrder(orderId);
        access.record(AuditEvent.success(
                "IMAGING_STUDIES_READ", "Order", orderId, order.order().patientId()));
        return views(rows);
    }

    /** One study with its series and each series' instances; audited as the study opened. */
    public StudyView detail(UUID studyId) {
        StudyRecords.StudyRow row = visible(studyId, "IMAGING_STUDY_OPEN");
        return view(row, true);
    }

    /** What a preview shows: one instance of a series of a study the caller may see (checked and audited). */
    record PreviewTarget(String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid) {}

    /**
     * The {@code index}-th instance (instance-number order) of a series, after the access check and its audit record,
     * before the response starts (so that a refusal is problem+json, not a broken PNG).
     */
    PreviewTarget previewTarget(UUID studyId, String seriesUid, int index) {
        StudyRecords.StudyRow row = visible(studyId, "IMAGING_PREVIEW_READ");
        return new PreviewTarget(row.studyInstanceUid(), seriesUid, instanceAt(row, seriesUid, index));
    }

    /**
     * One instance named by its SOP Instance UID (a key image: the same image however the series is ordered), after
     * the access check and its audit record; 404 when the study's series has no such instance.
     */
    PreviewTarget previewTarget(UUID studyId, String seriesUid, String sopUid) {
        ViewerProxy.requireUid(seriesUid);
        ViewerProxy.requireUid(sopUid);
        StudyRecords.StudyRow row = visible(studyId, "IMAGING_PREVIEW_READ");
        unavailableAs503(() -> archive.instance(row.studyInstanceUid(), seriesUid, sopUid))
                .orElseThrow(() -> new DomainException(ImagingProblem.STUDY_NOT_FOUND));
        return new PreviewTarget(row.studyInstanceUid(), seriesUid, sopUid);
    }

    /** Streams the rendered PNG of a checked target. */
    void preview(PreviewTarget target, OutputStream out) {
        archive.rendered(
                target.studyInstanceUid(), target.seriesInstanceUid(), target.sopInstanceUid(), "image/png", out);
    }

    /** The original files of a study as a zip, streamed from the archive; audited. */
    InputStream download(UUID studyId) {
        StudyRecords.StudyRow row = visible(studyId, "IMAGING_DOWNLOAD");
        try {
            String archiveId = archive.findStudy(row.studyInstanceUid()).orElse(row.archiveId());
            return archive.archive(archiveId);
        } catch (ImageArchive.ArchiveUnavailable e) {
            throw new DomainException(ImagingProblem.PACS_UNAVAILABLE);
        } catch (OrthancArchive.NotInArchive e) {
            throw new DomainException(ImagingProblem.STUDY_NOT_FOUND);
        }
    }

    /**
     * Links a study whose DICOM PatientID did not match (or matched no one) to a patient anyway, with the person's
     * reason; audited (the reconcile decision). A study already linked is 409.
     */
    public StudyView linkPatient(UUID studyId, UUID patientId, String reason) {
        StudyRecords.StudyRow row =
                records.byId(studyId).orElseThrow(() -> new DomainException(ImagingProblem.STUDY_NOT_FOUND));
        access.requireUploader(patientId);
        if (row.linkStatus() == StudyRecords.LinkStatus.LINKED) {
            throw new DomainException(ImagingProblem.ALREADY_LINKED);
        }
        if (!records.linkPatient(row, patientId, CurrentUser.require().userId(), clock.instant(), reason)) {
            throw new DomainException(org.cdss.shared.ProblemCode.STALE_VERSION);
        }
        access.record(new AuditEvent(
                "IMAGING_LINK_PATIENT",
                "ImagingStudy",
                studyId.toString(),
                patientId,
                AuditOutcome.SUCCESS,
                "linked despite " + row.linkStatus().name().toLowerCase(java.util.Locale.ROOT),
                null));
        linking.afterPatientLinked(studyId);
        return view(records.byId(studyId).orElseThrow(), false);
    }

    /** The accession number an imaging order the caller may see was given when sent (404 before). */
    public AccessionView accessionOf(UUID orderId) {
        orders.detail(orderId);
        return records.accessionOfOrder(orderId)
                .map(a -> new AccessionView(a.orderId(), a.accessionNumber(), a.studyInstanceUid(), a.state()))
                .orElseThrow(() -> new DomainException(ImagingProblem.STUDY_NOT_FOUND));
    }

    /** An imaging order's accession number and scheduled Study Instance UID; state SCHEDULED, ARRIVED, CANCELLED. */
    public record AccessionView(UUID orderId, String accessionNumber, String studyInstanceUid, String state) {}

    /** Studies waiting for a decision (uploaders only). */
    public List<StudyView> unlinked() {
        if (!CurrentUser.require().hasAny(ImagingAccess.UPLOADERS)) {
            throw new DomainException(org.cdss.shared.ProblemCode.FORBIDDEN);
        }
        access.record(AuditEvent.success("IMAGING_UNLINKED_READ", "ImagingStudy", null, null));
        return records.unlinked(100).stream().map(r -> view(r, false)).toList();
    }

    private StudyRecords.StudyRow visible(UUID studyId, String action) {
        StudyRecords.StudyRow row =
                records.byId(studyId).orElseThrow(() -> new DomainException(ImagingProblem.STUDY_NOT_FOUND));
        access.requireStudyViewer(row, action);
        return row;
    }

    private String instanceAt(StudyRecords.StudyRow row, String seriesUid, int index) {
        List<String> instances = unavailableAs503(() -> archive.instances(row.studyInstanceUid(), seriesUid));
        if (index < 0 || index >= instances.size()) {
            throw new DomainException(ImagingProblem.STUDY_NOT_FOUND);
        }
        return instances.get(index);
    }

    private List<StudyView> views(List<StudyRecords.StudyRow> rows) {
        return rows.stream().map(r -> view(r, false)).toList();
    }

    private StudyView view(StudyRecords.StudyRow row, boolean withInstances) {
        List<ImageArchive.SeriesInfo> series = unavailableAs503(() -> archive.series(row.studyInstanceUid()));
        List<StudyView.SeriesView> views = new ArrayList<>();
        Set<String> modalities = new LinkedHashSet<>();
        int instances = 0;
        for (ImageArchive.SeriesInfo s : series) {
            modalities.add(s.modality());
            instances += s.instanceCount();
            String base = "/api/imaging/studies/" + row.id() + "/series/" + s.seriesInstanceUid() + "/instances/";
            List<StudyView.InstanceView> list = null;
            if (withInstances) {
                List<String> uids =
                        unavailableAs503(() -> archive.instances(row.studyInstanceUid(), s.seriesInstanceUid()));
                list = new ArrayList<>();
                for (int i = 0; i < uids.size(); i++) {
                    list.add(new StudyView.InstanceView(i, uids.get(i), base + i + "/preview"));
                }
            }
            views.add(new StudyView.SeriesView(
                    s.seriesInstanceUid(),
                    blankToNull(s.description()),
                    s.modality(),
                    s.number(),
                    s.instanceCount(),
                    s.instanceCount() > 0 ? base + (s.instanceCount() / 2) + "/preview" : null,
                    list));
        }
        return new StudyView(
                row.id(),
                row.studyInstanceUid(),
                row.accessionNumber(),
                String.join("/", modalities),
                row.description(),
                row.studyDate(),
                series.size(),
                instances,
                row.patientId(),
                row.orderId(),
                row.linkStatus().name(),
                views);
    }

    /** The preview of one instance by its SOP Instance UID (the same image however the series is ordered). */
    public static String imageUrl(UUID studyId, String seriesUid, String sopUid) {
        return "/api/imaging/studies/" + studyId + "/series/" + seriesUid + "/images/" + sopUid + "/preview";
    }

    /** The preview of the {@code index}-th instance of a series (instance-number order at the time of the request). */
    public static String positionUrl(UUID studyId, String seriesUid, int index) {
        return "/api/imaging/studies/" + studyId + "/series/" + seriesUid + "/instances/" + index + "/preview";
    }

    private static <T> T unavailableAs503(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ImageArchive.ArchiveUnavailable e) {
            throw new DomainException(ImagingProblem.PACS_UNAVAILABLE);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
