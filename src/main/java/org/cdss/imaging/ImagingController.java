package org.cdss.imaging;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.cdss.shared.DomainException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The imaging API. An upload is the request's body (a DICOM file, a zip of a study, or a tar of several files — what
 * the browser sends for a folder, ADR 0045), with the patient and the file name in the query string — the same
 * streaming convention as the document library (ADR 0023, ADR 0028). Previews and downloads are streamed from the
 * archive; the browser never talks to Orthanc.
 */
@RestController
@RequestMapping("/api/imaging")
class ImagingController {

    private final ImagingStudies studies;
    private final ImagingUploads uploads;
    private final ViewerProxy viewer;
    private final Reconciliation reconciliation;

    ImagingController(
            ImagingStudies studies, ImagingUploads uploads, ViewerProxy viewer, Reconciliation reconciliation) {
        this.studies = studies;
        this.uploads = uploads;
        this.viewer = viewer;
        this.reconciliation = reconciliation;
    }

    @PostMapping(path = "/uploads", consumes = MediaType.ALL_VALUE)
    ImagingUploads.UploadResult upload(
            @RequestParam UUID patientId,
            @RequestParam(defaultValue = "upload.dcm") @Size(max = 255) String fileName,
            HttpServletRequest request) {
        try (InputStream body = request.getInputStream()) {
            return uploads.upload(patientId, fileName, body, request.getContentLengthLong());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A patient's studies ({@code patientId}) or an imaging order's ({@code orderId}): exactly one of them. */
    @GetMapping("/studies")
    List<StudyView> studies(
            @RequestParam(required = false) @Nullable UUID patientId,
            @RequestParam(required = false) @Nullable UUID orderId) {
        if ((patientId == null) == (orderId == null)) {
            throw new DomainException(org.cdss.shared.ProblemCode.VALIDATION, "imaging.patient-or-order");
        }
        return patientId != null ? studies.ofPatient(patientId) : studies.ofOrder(orderId);
    }

    /** Studies that wait for a person's decision on their patient (uploaders). */
    @GetMapping("/studies/unlinked")
    List<StudyView> unlinked() {
        return studies.unlinked();
    }

    /** Studies without an order and orders past due without a study (radiographers, radiologists). */
    @GetMapping("/reconciliation")
    Reconciliation.ReconciliationView reconciliation() {
        return reconciliation.view();
    }

    @GetMapping("/studies/{id}")
    StudyView study(@PathVariable UUID id) {
        return studies.detail(id);
    }

    record LinkPatient(
            @NotNull UUID patientId,
            @NotBlank @Size(max = 500) String reason) {}

    /** Links a study whose DICOM PatientID did not match to this patient anyway (the reconcile decision). */
    @PostMapping("/studies/{id}/link")
    StudyView link(@PathVariable UUID id, @Valid @RequestBody LinkPatient request) {
        return studies.linkPatient(id, request.patientId(), request.reason().trim());
    }

    @GetMapping(
            path = "/studies/{id}/series/{seriesUid}/instances/{index}/preview",
            produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<StreamingResponseBody> preview(
            @PathVariable UUID id, @PathVariable String seriesUid, @PathVariable int index) {
        return rendered(studies.previewTarget(id, seriesUid, index));
    }

    /**
     * The rendered PNG of one instance named by its SOP Instance UID: a key image, the same image however the series
     * is ordered (the study detail's instance previews too).
     */
    @GetMapping(path = "/studies/{id}/series/{seriesUid}/images/{sopUid}/preview", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<StreamingResponseBody> image(
            @PathVariable UUID id, @PathVariable String seriesUid, @PathVariable String sopUid) {
        return rendered(studies.previewTarget(id, seriesUid, sopUid));
    }

    /** A rendered instance, cached privately for a day under its SOP Instance UID (an instance never changes). */
    private ResponseEntity<StreamingResponseBody> rendered(ImagingStudies.PreviewTarget target) {
        StreamingResponseBody body = out -> studies.preview(target, out);
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
                .eTag("\"" + target.sopInstanceUid() + "\"")
                .body(body);
    }

    /** WADO-RS series metadata for the 2D viewer, proxied and streamed (the viewer opening the series; audited). */
    @GetMapping("/studies/{id}/dicomweb/series/{seriesUid}/metadata")
    ResponseEntity<StreamingResponseBody> viewerMetadata(@PathVariable UUID id, @PathVariable String seriesUid) {
        return streamed(viewer.seriesMetadata(id, seriesUid), CacheControl.noStore());
    }

    /** One WADO-RS frame (multipart/related, stored transfer syntax) for the 2D viewer, proxied and streamed. */
    @GetMapping(path = "/studies/{id}/dicomweb/series/{seriesUid}/instances/{sopUid}/frames/{frame}")
    ResponseEntity<StreamingResponseBody> viewerFrame(
            @PathVariable UUID id,
            @PathVariable String seriesUid,
            @PathVariable String sopUid,
            @PathVariable int frame,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        return streamed(
                viewer.frame(id, seriesUid, sopUid, frame, accept),
                CacheControl.maxAge(Duration.ofDays(1)).cachePrivate());
    }

    private static ResponseEntity<StreamingResponseBody> streamed(ImageArchive.Streamed from, CacheControl cache) {
        StreamingResponseBody body = out -> {
            try (InputStream in = from.body()) {
                in.transferTo(out);
            }
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, from.contentType())
                .cacheControl(cache)
                .body(body);
    }

    @GetMapping(path = "/studies/{id}/download", produces = "application/zip")
    ResponseEntity<StreamingResponseBody> download(@PathVariable UUID id) {
        InputStream zip = studies.download(id);
        StreamingResponseBody body = out -> {
            try (InputStream in = zip) {
                in.transferTo(out);
            }
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"study-" + id + ".zip\"")
                .cacheControl(CacheControl.noStore())
                .body(body);
    }

    /** The accession number an imaging order got when sent (for the radiographer and the modality). */
    @GetMapping("/orders/{orderId}/accession")
    ImagingStudies.AccessionView accession(@PathVariable UUID orderId) {
        return studies.accessionOf(orderId);
    }
}
