package org.cdss.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.cdss.patients.PatientSummaryView;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The DICOMweb proxy of the 2D viewer against the context's real Orthanc: a series' WADO-RS metadata (one DICOM JSON
 * object per instance) and single frames (multipart/related with the pixel data), both only below a study the caller
 * may see, streamed through CDSS (the browser never talks to Orthanc), audited once per viewer session with its
 * frame count; UIDs that are not
 * UIDs and other patients' studies are 404.
 */
@IntegrationTest
class ImagingViewerIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    ApplicationContext context;

    @Autowired
    ViewerSessions sessions;

    ApiClient as(String username) {
        ApiClient api = new ApiClient(port);
        assertThat(api.login(username, TestUsers.PASSWORD).status()).isEqualTo(200);
        return api;
    }

    @Test
    void the_viewer_reads_metadata_and_frames_through_cdss_with_the_same_rules() throws Exception {
        Modality.require();
        PatientSummaryView patient = users.patient("뷰어 환자");
        String studyUid = Modality.newStudyUid();
        Modality.acquire(context, "VW" + (System.nanoTime() % 100_000_000L), studyUid, patient.mrn(), 4);
        ApiClient doctor = as(users.staff("DOCTOR").username());
        JsonNode study = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> doctor.get("/api/imaging/studies?patientId=" + patient.id())
                                .json(),
                        list -> list.size() == 1
                                && list.get(0).get("instanceCount").asInt() == 4)
                .get(0);
        String id = study.get("id").asString();
        String series = study.at("/series/0/seriesInstanceUid").asString();
        String base = "/api/imaging/studies/" + id + "/dicomweb/series/" + series;

        ApiClient.Response metadata = doctor.get(base + "/metadata");
        assertThat(metadata.status()).as(metadata.body()).isEqualTo(200);
        assertThat(metadata.contentType()).contains("json");
        JsonNode instances = metadata.json();
        assertThat(instances).hasSize(4);
        JsonNode first = instances.get(0);
        assertThat(first.at("/0020000D/Value/0").asString()).isEqualTo(studyUid);
        assertThat(first.at("/00280010/Value/0").asInt()).as("rows").isEqualTo(256);
        String sop = first.at("/00080018/Value/0").asString();

        HttpResponse<byte[]> frame = frame(doctor, base + "/instances/" + sop + "/frames/1");
        assertThat(frame.statusCode()).isEqualTo(200);
        String type = frame.headers().firstValue("Content-Type").orElse("");
        assertThat(type).startsWith("multipart/related");
        // one part holding the 256 × 256 16-bit pixels (plus the part headers and boundaries)
        assertThat(frame.body().length).isBetween(256 * 256 * 2, 256 * 256 * 2 + 1_000);
        String head = new String(frame.body(), 0, 600, StandardCharsets.ISO_8859_1);
        assertThat(head).contains("application/octet-stream");

        // scrolling: the other instances' frames, inside the viewer session the metadata opened
        for (int i = 1; i < instances.size(); i++) {
            String next = instances.get(i).at("/00080018/Value/0").asString();
            assertThat(frame(doctor, base + "/instances/" + next + "/frames/1").statusCode())
                    .isEqualTo(200);
        }

        // audited once per viewer session: the viewer opening names the series; its four frames are not audited one
        // by one but counted, and the count is written when the session closes (ADR 0041)
        ApiClient admin = as(users.staff("ADMIN").username());
        JsonNode opened = audit(admin, patient, "IMAGING_VIEWER_OPEN");
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).get("resourceId").asString()).isEqualTo(id);
        assertThat(opened.get(0).get("detail").asString()).isEqualTo("series=" + series);
        assertThat(audit(admin, patient, "IMAGING_FRAME_READ")).isEmpty();
        sessions.closeExpired(
                java.time.Instant.now().plus(ViewerSessions.WINDOW).plusSeconds(60));
        JsonNode counted = audit(admin, patient, "IMAGING_VIEWER_FRAMES");
        assertThat(counted).hasSize(1);
        assertThat(counted.get(0).get("detail").asString()).isEqualTo("series=" + series + " frames=4");
        assertThat(counted.get(0).get("resourceId").asString()).isEqualTo(id);
        // a frame read with no viewer session open is audited itself (and opens one: the next is not)
        assertThat(frame(doctor, base + "/instances/" + sop + "/frames/1").statusCode())
                .isEqualTo(200);
        assertThat(frame(doctor, base + "/instances/" + sop + "/frames/1").statusCode())
                .isEqualTo(200);
        assertThat(audit(admin, patient, "IMAGING_FRAME_READ")).hasSize(1);

        // not a UID, or a frame that does not exist: 404, never a 500 or a path outside the study
        assertThat(doctor.get("/api/imaging/studies/" + id + "/dicomweb/series/..%2F..%2Fpatients/metadata")
                        .status())
                .isIn(400, 404);
        assertThat(doctor.get(base.replace(series, "1.2.3.x") + "/metadata").status())
                .isEqualTo(404);
        assertThat(frame(doctor, base + "/instances/" + sop + "/frames/0").statusCode())
                .isEqualTo(404);
        assertThat(doctor.get(base.replace(series, "1.2.3.4") + "/metadata").status())
                .isEqualTo(404);

        // the same rules as every other read: a clerk 403, another patient's account 404, the patient's own 200
        assertThat(as(users.staff("ADMIN_STAFF").username())
                        .get(base + "/metadata")
                        .status())
                .isEqualTo(403);
        ApiClient other = as(users.patientAccount(users.patient("다른 환자")).username());
        assertThat(other.get(base + "/metadata").status()).isEqualTo(404);
        assertThat(frame(other, base + "/instances/" + sop + "/frames/1").statusCode())
                .isEqualTo(404);
        ApiClient own = as(users.patientAccount(patient).username());
        assertThat(own.get(base + "/metadata").status()).isEqualTo(200);
    }

    /** The audit rows of one action about the patient. */
    private static JsonNode audit(ApiClient admin, PatientSummaryView patient, String action) {
        ApiClient.Response page = admin.get("/api/admin/audit?size=50&patientId=" + patient.id() + "&action=" + action);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json().get("content");
    }

    /** A frame as Cornerstone's WADO-RS loader asks for it (the session cookie of {@code api}). */
    private HttpResponse<byte[]> frame(ApiClient api, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Accept", "multipart/related; type=application/octet-stream; transfer-syntax=*");
        api.cookie("CDSS_SESSION").ifPresent(v -> request.header("Cookie", "CDSS_SESSION=" + v));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
