package org.cdss.imaging;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Research volumes (NIfTI) of a patient: upload (the file as the body, like DICOM uploads — ADR 0028), list and
 * download. Not DICOM, so not in the PACS: stored with a checksum under CDSS_HOME (ADR 0036).
 */
@RestController
@RequestMapping("/api/imaging/volumes")
class VolumeController {

    private final ImagingVolumes volumes;

    VolumeController(ImagingVolumes volumes) {
        this.volumes = volumes;
    }

    @PostMapping(consumes = MediaType.ALL_VALUE)
    ImagingVolumes.VolumeUpload upload(
            @RequestParam UUID patientId, @RequestParam @Size(max = 255) String fileName, HttpServletRequest request) {
        try (InputStream body = request.getInputStream()) {
            return volumes.upload(patientId, fileName, body, request.getContentLengthLong());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping
    List<VolumeView> ofPatient(@RequestParam UUID patientId) {
        return volumes.ofPatient(patientId);
    }

    /** The file as uploaded; its SHA-256 in {@code X-Checksum-SHA256} (the same as the listing's). */
    @GetMapping(path = "/{id}/file", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    ResponseEntity<StreamingResponseBody> file(@PathVariable UUID id) {
        Path file = volumes.file(id);
        VolumeView view = volumes.view(id);
        StreamingResponseBody body = out -> Files.copy(file, out);
        String name = view.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(view.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .header("X-Checksum-SHA256", view.sha256())
                .cacheControl(CacheControl.noStore())
                .body(body);
    }
}
