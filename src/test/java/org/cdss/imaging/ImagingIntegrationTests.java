package org.cdss.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.cdss.patients.PatientSummaryView;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The PACS half of issue 11 against a real Orthanc that the application started for this test context (own free
 * ports, temporary storage): uploads of the I-SPY2 series (zip), patient mismatch and the audited "link anyway",
 * previews that are PNGs and not blank, duplicates, a text file named .dcm, a truncated DICOM, a zip with
 * {@code ../}, an imaging order's accession and worklist entry ({@code findscu -W}), a study sent by {@code storescu}
 * with that accession linked to the order (SENT → IN_PROGRESS), and 503 while Orthanc is stopped.
 */
@IntegrationTest
class ImagingIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    LocalOrthanc orthanc;

    @Autowired
    StudyRecords records;

    @Autowired
    OrderAccessions accessions;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    ImageArchive archive;

    ApiClient doctor;

    @BeforeEach
    void setUp() {
        ImagingTestData.require(ImagingTestData.ISPY2, true);
        doctor = as("DOCTOR");
    }

    ApiClient as(String role) {
        ApiClient api = new ApiClient(port);
        assertThat(api.login(users.staff(role).username(), TestUsers.PASSWORD).status())
                .isEqualTo(200);
        return api;
    }

    JsonNode upload(ApiClient api, PatientSummaryView patient, String name, byte[] body) {
        ApiClient.Response r = api.upload(
                "/api/imaging/uploads?patientId=" + patient.id() + "&fileName=" + name,
                name.endsWith(".zip") ? "application/zip" : "application/dicom",
                body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** A pending routine chest CT of the patient, by its doctor; its id. */
    String chestCtOrder(PatientSummaryView patient) {
        ApiClient.Response created = doctor.post(
                "/api/ocs/orders",
                Map.of(
                        "patientId",
                        patient.id(),
                        "type",
                        "IMAGING",
                        "priority",
                        "ROUTINE",
                        "indication",
                        "Follow-up",
                        "imaging",
                        Map.of(
                                "modality",
                                "CT",
                                "bodyPart",
                                "Chest",
                                "laterality",
                                "NOT_APPLICABLE",
                                "contrast",
                                false)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().at("/order/id").asString();
    }

    @Test
    void theChangeFeedCursorIsKeptPerArchive() {
        String a = "http://127.0.0.1:1/" + java.util.UUID.randomUUID();
        String b = "http://127.0.0.1:2/" + java.util.UUID.randomUUID();
        records.ensureCursor(a);
        records.ensureCursor(a);
        records.ensureCursor(b);
        records.saveCursor(a, 42);
        assertThat(records.cursor(a)).contains(42L);
        assertThat(records.cursor(b)).contains(0L);
        // this context's own Orthanc has its row (the poll created it), keyed by its base URL with its port
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> records.cursor(archive.identity()).isPresent());
        assertThat(archive.identity()).startsWith("http://127.0.0.1:");
    }

    @Test
    void an_uploaded_series_of_another_patient_waits_for_a_decision_then_shows_with_previews() throws Exception {
        PatientSummaryView patient = users.patient("영상 환자");
        List<Path> slices = ImagingTestData.ispy2Slices();
        assertThat(slices).hasSize(134);
        byte[] zip = ImagingTestData.zip(
                slices,
                "study/",
                "../evil.dcm",
                Files.readAllBytes(slices.getFirst()),
                "notes.dcm",
                "just text".getBytes(StandardCharsets.UTF_8));

        JsonNode result = upload(doctor, patient, "study.zip", zip);
        // the DICOM PatientID (ISPY2_213913) is not this patient's MRN: stored, not linked
        assertThat(result.get("stored").asInt() + result.get("duplicates").asInt())
                .isEqualTo(134);
        assertThat(result.get("refused").asInt()).isEqualTo(2);
        List<String> reasons = new ArrayList<>();
        result.get("files").forEach(f -> {
            if (f.get("status").asString().equals("REFUSED")) {
                reasons.add(f.get("file").asString() + ":" + f.get("reason").asString());
            }
        });
        assertThat(reasons).containsExactlyInAnyOrder("evil.dcm:unsafe-path", "notes.dcm:not-dicom");
        JsonNode first = result.get("files").get(0);
        assertThat(first.get("patientLink").asString()).isEqualTo("MISMATCH");
        assertThat(first.get("reason").asString()).isEqualTo("patient-mismatch");
        String studyId = first.get("studyId").asString();

        // not in the patient's list until someone decides
        assertThat(doctor.get("/api/imaging/studies?patientId=" + patient.id()).json())
                .isEmpty();
        assertThat(doctor.get("/api/imaging/studies/unlinked").body()).contains(studyId);
        // a nurse may not decide
        assertThat(as("NURSE")
                        .post(
                                "/api/imaging/studies/" + studyId + "/link",
                                Map.of("patientId", patient.id(), "reason", "x"))
                        .status())
                .isEqualTo(403);
        ApiClient.Response linked = doctor.post(
                "/api/imaging/studies/" + studyId + "/link",
                Map.of("patientId", patient.id(), "reason", "Research series uploaded for this patient"));
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(doctor.post(
                                "/api/imaging/studies/" + studyId + "/link",
                                Map.of("patientId", patient.id(), "reason", "again"))
                        .status())
                .isEqualTo(409);

        JsonNode studies =
                doctor.get("/api/imaging/studies?patientId=" + patient.id()).json();
        assertThat(studies).hasSize(1);
        JsonNode study = studies.get(0);
        assertThat(study.get("id").asString()).isEqualTo(studyId);
        assertThat(study.get("modality").asString()).isEqualTo("MR");
        assertThat(study.get("seriesCount").asInt()).isEqualTo(1);
        assertThat(study.get("instanceCount").asInt()).isEqualTo(134);
        assertThat(study.get("accessionNumber").asString()).isEqualTo("TEST001");
        String previewUrl = study.at("/series/0/previewUrl").asString();
        assertThat(previewUrl).startsWith("/api/imaging/studies/" + studyId + "/series/");

        var preview = doctor.bytes(previewUrl);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
        assertThat(preview.headers().firstValue("Cache-Control").orElse("")).contains("private");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(preview.body()));
        assertThat(image.getWidth()).isEqualTo(256);
        assertThat(distinctGreys(image)).as("not blank").isGreaterThan(20);

        JsonNode detail = doctor.get("/api/imaging/studies/" + studyId).json();
        assertThat(detail.at("/series/0/instances")).hasSize(134);
        // the study opened is audited
        String audit = as("ADMIN")
                .get("/api/admin/audit?action=IMAGING_STUDY_OPEN&size=50")
                .body();
        assertThat(audit).contains(studyId);

        // a front-office clerk sees nothing; the study of another patient is 404 for a patient account
        assertThat(as("ADMIN_STAFF")
                        .get("/api/imaging/studies?patientId=" + patient.id())
                        .status())
                .isEqualTo(403);

        // duplicate: the same file again is not a second copy
        JsonNode again = upload(doctor, patient, "slice.dcm", Files.readAllBytes(slices.get(3)));
        assertThat(again.at("/files/0/status").asString()).isEqualTo("DUPLICATE");
        assertThat(again.get("stored").asInt()).isZero();

        // the timeline shows the study
        String timeline = doctor.get("/api/patients/" + patient.id() + "/timeline?types=IMAGING")
                .body();
        assertThat(timeline).contains(studyId);
    }

    @Test
    void broken_files_are_refused_one_by_one_and_never_a_server_error() throws Exception {
        PatientSummaryView patient = users.patient("깨진 파일");
        JsonNode text = upload(doctor, patient, "letter.dcm", "Dear colleague".getBytes(StandardCharsets.UTF_8));
        assertThat(text.at("/files/0/status").asString()).isEqualTo("REFUSED");
        assertThat(text.at("/files/0/reason").asString()).isEqualTo("not-dicom");

        byte[] slice = Files.readAllBytes(ImagingTestData.ispy2Slices().get(10));
        byte[] truncated = java.util.Arrays.copyOf(slice, slice.length / 3);
        JsonNode cut = upload(doctor, patient, "truncated.dcm", truncated);
        assertThat(cut.at("/files/0/status").asString()).isIn("REFUSED", "STORED", "DUPLICATE");

        ApiClient.Response nifti = doctor.upload(
                "/api/imaging/uploads?patientId=" + patient.id() + "&fileName=vol.nii.gz",
                "application/gzip",
                new byte[] {1, 2, 3});
        assertThat(nifti.status()).isEqualTo(415);

        // streamed without a length: refused once the limit (8 MB in tests) is read, nothing stored
        ApiClient.Response big = doctor.upload(
                "/api/imaging/uploads?patientId=" + patient.id() + "&fileName=big.dcm",
                "application/dicom",
                java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(new byte[9 * 1024 * 1024])));
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.json().get("code").asString()).isEqualTo("imaging.upload-too-large");
    }

    @Test
    void a_zip_bomb_is_abandoned() {
        PatientSummaryView patient = users.patient("압축 폭탄");
        byte[] zeros = new byte[7 * 1024 * 1024];
        byte[] bomb = ImagingTestData.zip(List.of(), "", "a.dcm", zeros, "b.dcm", zeros);
        JsonNode r = upload(doctor, patient, "bomb.zip", bomb);
        assertThat(r.get("stored").asInt()).isZero();
        assertThat(r.at("/files/0/reason").asString()).isEqualTo("zip-bomb");

        // entries the upload skips (hidden files, folders) are inflated all the same: they count toward the ratio
        byte[] hidden = ImagingTestData.zip(List.of(), "", ".a", zeros, ".b", zeros);
        JsonNode quiet = upload(doctor, patient, "hidden.zip", hidden);
        assertThat(quiet.get("stored").asInt()).isZero();
        assertThat(quiet.at("/files/0/reason").asString()).isEqualTo("zip-bomb");
    }

    @Test
    void an_imaging_order_gets_an_accession_and_a_worklist_entry_and_its_study_from_a_modality_links_to_it()
            throws Exception {
        PatientSummaryView patient = users.patient("오더 환자");
        ApiClient.Response created = doctor.post(
                "/api/ocs/orders",
                Map.of(
                        "patientId", patient.id(),
                        "type", "IMAGING",
                        "priority", "ROUTINE",
                        "indication", "Breast mass",
                        "imaging",
                                Map.of(
                                        "modality",
                                        "MR",
                                        "bodyPart",
                                        "Breast",
                                        "laterality",
                                        "LEFT",
                                        "contrast",
                                        false)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String orderId = created.json().at("/order/id").asString();
        ApiClient.Response sent = doctor.post("/api/ocs/orders/" + orderId + "/send", Map.of());
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);

        JsonNode accession = Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> doctor.get("/api/imaging/orders/" + orderId + "/accession"), r -> r.status() == 200)
                .json();
        String number = accession.get("accessionNumber").asString();
        String studyUid = accession.get("studyInstanceUid").asString();
        assertThat(accession.get("state").asString()).isEqualTo("SCHEDULED");

        OrthancConnection pacs = orthanc.connection();
        Path work = Files.createTempDirectory("cdss-imaging-test");
        try {
            // the modality asks for its worklist (C-FIND) and gets the patient and the accession
            Path query = work.resolve("query.dump");
            Files.writeString(
                    query,
                    "(0008,0050) SH []\n(0010,0020) LO []\n(0010,0010) PN []\n"
                            + "(0040,0100) SQ\n(fffe,e000) -\n(0008,0060) CS [MR]\n(fffe,e00d) -\n(fffe,e0dd) -\n");
            run(work, "dump2dcm", query.toString(), work.resolve("query.wl").toString());
            String answer = run(
                    work,
                    "findscu",
                    "-W",
                    "-v",
                    "-aet",
                    "FINDSCU",
                    "-aec",
                    pacs.dicomAet(),
                    "127.0.0.1",
                    String.valueOf(pacs.dicomPort()),
                    work.resolve("query.wl").toString());
            assertThat(answer).contains(number).contains(patient.mrn());

            // the study acquired for the order: the I-SPY2 series with the order's accession, study UID and MRN
            Path series = Files.createDirectories(work.resolve("series"));
            List<String> files = new ArrayList<>();
            for (Path slice : ImagingTestData.ispy2Slices().subList(0, 20)) {
                Path copy = series.resolve(slice.getFileName());
                Files.copy(slice, copy);
                files.add(copy.toString());
            }
            List<String> modify = new ArrayList<>(List.of(
                    "dcmodify", "-nb",
                    "-m", "(0008,0050)=" + number,
                    "-m", "(0020,000d)=" + studyUid,
                    "-m", "(0010,0020)=" + patient.mrn()));
            modify.addAll(files);
            run(work, modify.toArray(String[]::new));
            List<String> store = new ArrayList<>(List.of(
                    "storescu",
                    "-aet",
                    "STORESCU",
                    "-aec",
                    pacs.dicomAet(),
                    "127.0.0.1",
                    String.valueOf(pacs.dicomPort())));
            store.addAll(files);
            run(work, store.toArray(String[]::new));
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(work);
        }

        JsonNode studies = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> doctor.get("/api/imaging/studies?orderId=" + orderId)
                                .json(),
                        j -> j.size() == 1);
        JsonNode study = studies.get(0);
        assertThat(study.get("studyInstanceUid").asString()).isEqualTo(studyUid);
        assertThat(study.get("accessionNumber").asString()).isEqualTo(number);
        assertThat(study.get("instanceCount").asInt()).isEqualTo(20);
        assertThat(study.at("/series/0/previewUrl").asString()).startsWith("/api/imaging/studies/");
        assertThat(study.get("patientId").asString()).isEqualTo(patient.id().toString());
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> doctor.get("/api/ocs/orders/" + orderId)
                                .json()
                                .at("/order/status")
                                .asString(),
                        "IN_PROGRESS"::equals);
        assertThat(doctor.get("/api/imaging/orders/" + orderId + "/accession")
                        .json()
                        .get("state")
                        .asString())
                .isEqualTo("ARRIVED");
        assertThat(Files.exists(pacs.worklistDir().resolve(number + ".wl"))).isFalse();
        // an unknown calling AE title may not store
        assertThat(exit(List.of(
                        "storescu",
                        "-aet",
                        "INTRUDER",
                        "-aec",
                        pacs.dicomAet(),
                        "127.0.0.1",
                        String.valueOf(pacs.dicomPort()),
                        ImagingTestData.ispy2Slices().get(0).toString())))
                .isNotZero();
    }

    @Test
    void a_cancelled_imaging_order_leaves_the_worklist() {
        PatientSummaryView patient = users.patient("취소 환자");
        String orderId = chestCtOrder(patient);
        assertThat(doctor.post("/api/ocs/orders/" + orderId + "/send", Map.of()).status())
                .isEqualTo(200);
        String number = Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> doctor.get("/api/imaging/orders/" + orderId + "/accession"), r -> r.status() == 200)
                .json()
                .get("accessionNumber")
                .asString();
        Path entry = orthanc.connection().worklistDir().resolve(number + ".wl");
        assertThat(entry).exists();
        ApiClient.Response cancelled =
                doctor.post("/api/ocs/orders/" + orderId + "/cancel", Map.of("reason", "Patient declined"));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(entry));
        assertThat(doctor.get("/api/imaging/orders/" + orderId + "/accession")
                        .json()
                        .get("state")
                        .asString())
                .isEqualTo("CANCELLED");
    }

    /**
     * A merged or closed record keeps its MRN but takes no new data: an upload for it is refused (409), and a study a
     * modality sends under its MRN is not linked to it but waits for a person's decision.
     */
    @Test
    void an_inactive_record_takes_no_images_and_a_study_with_its_mrn_waits_for_a_person() throws Exception {
        PatientSummaryView patient = users.patient("비활성 영상");
        ApiClient.Response inactivated =
                as("ADMIN_STAFF").post("/api/patients/" + patient.id() + "/inactivate", Map.of("reason", "중복 등록"));
        assertThat(inactivated.status()).as(inactivated.body()).isEqualTo(200);

        ApiClient.Response refused = doctor.upload(
                "/api/imaging/uploads?patientId=" + patient.id() + "&fileName=slice.dcm",
                "application/dicom",
                Files.readAllBytes(ImagingTestData.ispy2Slices().getFirst()));
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.text("code")).isEqualTo("patient.inactive");

        String uid = Modality.newStudyUid();
        Modality.acquire(context, "INACT" + (System.nanoTime() % 100_000L), uid, patient.mrn(), 1);
        StudyRecords.StudyRow row = org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> records.byUid(uid), java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(row.linkStatus()).isEqualTo(StudyRecords.LinkStatus.UNMATCHED);
        assertThat(row.patientId()).isNull();
    }

    /**
     * A "sent" event handled late (its publication retried after a failure) for an order cancelled in the meantime —
     * whose cancel found no accession to withdraw — schedules nothing: no accession, no worklist entry.
     */
    @Test
    void a_late_sent_event_of_a_cancelled_imaging_order_schedules_nothing() {
        PatientSummaryView patient = users.patient("늦은 전송");
        String orderId = chestCtOrder(patient);
        ApiClient.Response cancelled =
                doctor.post("/api/ocs/orders/" + orderId + "/cancel", Map.of("reason", "Ordered twice"));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);

        accessions.scheduled(java.util.UUID.fromString(orderId));

        assertThat(records.accessionOfOrder(java.util.UUID.fromString(orderId))).isEmpty();
        assertThat(doctor.get("/api/imaging/orders/" + orderId + "/accession").status())
                .isEqualTo(404);
    }

    @Test
    void with_orthanc_stopped_imaging_answers_503_and_comes_back() throws Exception {
        PatientSummaryView patient = users.patient("중단 환자");
        // a study of this patient (a copy of one slice with its own study UID and the patient's MRN): linked at once
        Path work = Files.createTempDirectory("cdss-imaging-test");
        Path copy = work.resolve("slice.dcm");
        Files.copy(ImagingTestData.ispy2Slices().get(5), copy);
        run(
                work,
                "dcmodify",
                "-nb",
                "-m",
                "(0020,000d)=" + OrderAccessions.uidOf(java.util.UUID.randomUUID()),
                "-m",
                "(0010,0020)=" + patient.mrn(),
                copy.toString());
        JsonNode mine = upload(doctor, patient, "slice.dcm", Files.readAllBytes(copy));
        org.springframework.util.FileSystemUtils.deleteRecursively(work);
        assertThat(mine.at("/files/0/patientLink").asString()).isEqualTo("LINKED");
        assertThat(doctor.get("/api/imaging/studies?patientId=" + patient.id()).json())
                .hasSize(1);
        orthanc.pause();
        try {
            ApiClient.Response down = doctor.get("/api/imaging/studies?patientId=" + patient.id());
            assertThat(down.status()).as(down.body()).isEqualTo(503);
            assertThat(down.json().get("code").asString()).isEqualTo("imaging.pacs-unavailable");
            ApiClient.Response upload = doctor.upload(
                    "/api/imaging/uploads?patientId=" + patient.id() + "&fileName=x.dcm",
                    "application/dicom",
                    "not even DICOM".getBytes(StandardCharsets.UTF_8));
            assertThat(upload.status()).as(upload.body()).isEqualTo(503);
            assertThat(upload.json().get("code").asString()).isEqualTo("imaging.pacs-unavailable");
            assertThat(upload.body()).doesNotContain("Exception");
            // the rest of CDSS works
            assertThat(doctor.get("/api/patients/" + patient.id()).status()).isEqualTo(200);
        } finally {
            orthanc.restart();
        }
        // back: the study is still there (Orthanc's storage survived the restart)
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> doctor.get("/api/imaging/studies?patientId=" + patient.id()), r -> r.status() == 200);
        assertThat(doctor.get("/api/imaging/studies?patientId=" + patient.id())
                        .json()
                        .at("/0/instanceCount")
                        .asInt())
                .isEqualTo(1);
    }

    private static int distinctGreys(BufferedImage image) {
        java.util.Set<Integer> values = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                values.add(image.getRGB(x, y) & 0xff);
            }
        }
        return values.size();
    }

    private static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
        return out;
    }

    private static int exit(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }
}
