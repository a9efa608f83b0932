package org.cdss.imaging;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.cdss.shared.DomainException;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * The DICOMweb calls the 2D viewer (Cornerstone3D's WADO-RS loader) needs, proxied to the archive so that the
 * browser never talks to Orthanc (ADR 0036): a series' metadata and single frames, both below a study the caller may
 * see (the same rules as every other read, checked before the response starts and audited per viewer session) and streamed through —
 * never a whole study in the heap. Only the study's own Study Instance UID (from our records) reaches the archive;
 * series and instance UIDs are checked to be UIDs, so the path cannot leave the study.
 */
@Service
class ViewerProxy {

    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    private static final int MAX_UID = 64;
    /** What Cornerstone asks for: the frame in its stored transfer syntax, decoded in the browser. */
    static final String FRAME_ACCEPT = "multipart/related; type=\"application/octet-stream\"; transfer-syntax=*";

    private final StudyRecords records;
    private final ImagingAccess access;
    private final ImageArchive archive;
    private final ViewerSessions sessions;

    ViewerProxy(StudyRecords records, ImagingAccess access, ImageArchive archive, ViewerSessions sessions) {
        this.records = records;
        this.access = access;
        this.archive = archive;
        this.sessions = sessions;
    }

    /**
     * A series' WADO-RS metadata (DICOM JSON, one object per instance): the viewer opening it; audited, naming the
     * series, and the start of a viewer session whose frames are counted rather than audited one by one.
     */
    ImageArchive.Streamed seriesMetadata(UUID studyId, String seriesUid) {
        requireUid(seriesUid);
        StudyRecords.StudyRow row = study(studyId);
        access.requireStudyViewer(row, "IMAGING_VIEWER_OPEN", "series=" + seriesUid, true);
        CdssPrincipal user = CurrentUser.require();
        sessions.opened(ViewerSessions.key(user, studyId, seriesUid), user, row.patientId(), 0);
        return fetch(row, "series/" + seriesUid + "/metadata", "application/dicom+json");
    }

    /**
     * One frame of an instance (multipart/related, as stored). The access is checked for every frame; the read is
     * audited unless it lies within the caller's audited viewer session of the series ({@link ViewerSessions}), in
     * which case it is counted there.
     */
    ImageArchive.Streamed frame(UUID studyId, String seriesUid, String sopUid, int frame, String accept) {
        requireUid(seriesUid);
        requireUid(sopUid);
        if (frame < 1 || frame > 100_000) {
            throw new DomainException(ImagingProblem.STUDY_NOT_FOUND);
        }
        StudyRecords.StudyRow row = study(studyId);
        CdssPrincipal user = CurrentUser.require();
        ViewerSessions.Key key = ViewerSessions.key(user, studyId, seriesUid);
        boolean inSession = sessions.frameInSession(key);
        access.requireStudyViewer(row, "IMAGING_FRAME_READ", "series=" + seriesUid, !inSession);
        if (!inSession) {
            sessions.opened(key, user, row.patientId(), 1);
        }
        String wanted = accept != null && accept.toLowerCase(Locale.ROOT).startsWith("multipart/related")
                ? accept
                : FRAME_ACCEPT;
        return fetch(row, "series/" + seriesUid + "/instances/" + sopUid + "/frames/" + frame, wanted);
    }

    private StudyRecords.StudyRow study(UUID studyId) {
        return records.byId(studyId).orElseThrow(() -> new DomainException(ImagingProblem.STUDY_NOT_FOUND));
    }

    private ImageArchive.Streamed fetch(StudyRecords.StudyRow row, String path, String accept) {
        try {
            return archive.wadoRs(row.studyInstanceUid(), path, accept)
                    .orElseThrow(() -> new DomainException(ImagingProblem.STUDY_NOT_FOUND));
        } catch (ImageArchive.ArchiveUnavailable e) {
            throw new DomainException(ImagingProblem.PACS_UNAVAILABLE);
        }
    }

    /** A series or instance UID from a URL: digits and dots, at most 64 characters (404 otherwise). */
    static void requireUid(String uid) {
        if (uid.length() > MAX_UID || !UID.matcher(uid).matches()) {
            throw new DomainException(ImagingProblem.STUDY_NOT_FOUND);
        }
    }
}
