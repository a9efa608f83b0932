package org.cdss.radiology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.cdss.imaging.Modality;
import org.cdss.patients.PatientSummaryView;
import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The RIS on a real database (H2, PostgreSQL, MariaDB through the surefire executions): the reading worklist, a draft
 * report signed and then immutable with addenda, signing completing the imaging order and notifying the ordering
 * doctor (urgently for a critical finding), BI-RADS rules, version conflicts, two radiologists signing one draft at
 * once, the PDF, the timeline, and the audit of every view. The order is started by hand (the radiographer's existing
 * transition), as the PACS half links studies in parallel.
 */
@IntegrationTest
class RisIntegrationTests {

    static final UUID PULMONOLOGY = UUID.fromString("0d1f0000-0000-4000-8000-000000000002");
    static final UUID SURGERY = UUID.fromString("0d1f0000-0000-4000-8000-000000000003");
    static final UUID RADIOLOGY = UUID.fromString("0d1f0000-0000-4000-8000-000000000004");
    static final UUID PHARMACY = UUID.fromString("0d1f0000-0000-4000-8000-000000000006");

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    PatientSummaryView patient;
    ApiClient doctor;
    ApiClient radiologist;
    ApiClient radiographer;

    @BeforeEach
    void people() {
        patient = testUsers.patient("판독환자");
        doctor = login(testUsers.staff(Role.DOCTOR, PULMONOLOGY).username());
        radiologist =
                login(testUsers.staffNamed(Role.RADIOLOGIST, "김영상", RADIOLOGY).username());
        radiographer = login(testUsers.staff(Role.RADIOGRAPHER, RADIOLOGY).username());
    }

    /**
     * ADR 0051: under H2 2.4.240, radiology_report's IN-list CHECK (V31) stayed bound to the session that created it —
     * Flyway's connection from this pool — and every report insert failed once the pool had retired that connection
     * (30 minutes after a fresh start). The pool here replaces all its connections first, as it does by then.
     */
    @Test
    void reports_are_written_and_signed_after_the_pool_replaced_the_connections_it_migrated_on() throws Exception {
        context.getBean(javax.sql.DataSource.class)
                .unwrap(com.zaxxer.hikari.HikariDataSource.class)
                .getHikariPoolMXBean()
                .softEvictConnections();
        String order = acquiredOrder("CT", "Chest", "ROUTINE");
        JsonNode draft = ok(radiologist.post("/api/ris/reports", draft(order, null, "No nodule.", false)), 201);
        JsonNode signed = ok(sign(radiologist, draft), 200);
        assertThat(signed.get("status").asString()).isEqualTo("SIGNED");
    }

    @Test
    void draft_is_signed_then_immutable_and_corrected_by_signed_addenda() {
        String order = acquiredOrder("CT", "Chest", "ROUTINE");
        JsonNode draft = ok(radiologist.post("/api/ris/reports", draft(order, null, null, false)), 201);
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("fhirStatus").asString()).isEqualTo("preliminary");
        assertThat(draft.get("code").asString()).isEqualTo("18747-6");
        String id = draft.get("id").asString();

        // the second save needs the version the radiologist saw
        JsonNode updated = ok(
                radiologist.post(
                        "/api/ris/reports",
                        withVersion(draft(order, null, "No nodule. Clear lungs.", false), draft.get("version"))),
                200);
        assertThat(updated.get("impression").asString()).isEqualTo("No nodule. Clear lungs.");
        problem(
                radiologist.post(
                        "/api/ris/reports", withVersion(draft(order, null, "stale", false), draft.get("version"))),
                409,
                "stale-version");

        JsonNode signed = ok(sign(radiologist, id, updated.get("version").asLong()), 200);
        assertThat(signed.get("status").asString()).isEqualTo("SIGNED");
        assertThat(signed.get("fhirStatus").asString()).isEqualTo("final");
        assertThat(signed.get("signedByName").asString()).isEqualTo("김영상");
        assertThat(signed.get("signedAt").isNull()).isFalse();

        // immutable: no edit, no second signature
        problem(
                radiologist.post(
                        "/api/ris/reports", withVersion(draft(order, null, "changed", false), signed.get("version"))),
                409,
                "report.already-signed");
        problem(sign(radiologist, id, signed.get("version").asLong()), 409, "report.already-signed");
        assertThat(ok(radiologist.get("/api/ris/reports/" + id), 200)
                        .get("impression")
                        .asString())
                .isEqualTo("No nodule. Clear lungs.");

        JsonNode first = ok(
                radiologist.post("/api/ris/reports/" + id + "/addenda", Map.of("body", "Small left effusion.")), 201);
        JsonNode second = ok(
                radiologist.post("/api/ris/reports/" + id + "/addenda", Map.of("body", "Compared with prior.")), 201);
        assertThat(first.get("fhirStatus").asString()).isEqualTo("appended");
        assertThat(second.get("addenda").findValuesAsString("body"))
                .containsExactly("Small left effusion.", "Compared with prior.");
        assertThat(second.at("/addenda/0/signedByName").asString()).isEqualTo("김영상");
        assertThat(second.get("impression").asString()).isEqualTo("No nodule. Clear lungs.");

        // an addendum only to a signed report
        String other = acquiredOrder("CT", "Abdomen", "ROUTINE");
        String otherDraft = ok(radiologist.post("/api/ris/reports", draft(other, null, null, false)), 201)
                .get("id")
                .asString();
        problem(
                radiologist.post("/api/ris/reports/" + otherDraft + "/addenda", Map.of("body", "x")),
                409,
                "report.not-signed");
        problem(radiologist.get("/api/ris/reports/" + UUID.randomUUID()), 404, "report.not-found");
    }

    @Test
    void key_images_are_the_chosen_instances_however_the_series_is_later_ordered_fixed_by_the_signature_and_printed()
            throws Exception {
        Modality.require();
        // a breast MR sent; the scanner sends three slices of the series first
        String order = sentOrder("MR", "Breast", "ROUTINE");
        JsonNode accession = Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> doctor.get("/api/imaging/orders/" + order + "/accession"), r -> r.status() == 200)
                .json();
        String accessionNumber = accession.get("accessionNumber").asString();
        String studyUid = accession.get("studyInstanceUid").asString();
        Modality.acquire(context, accessionNumber, studyUid, patient.mrn(), List.of(6, 7, 8));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> doctor.get("/api/ocs/orders/" + order)
                                .json()
                                .at("/order/status")
                                .asString(),
                        "IN_PROGRESS"::equals);
        JsonNode study = ok(radiologist.get("/api/imaging/studies?orderId=" + order), 200)
                .get(0);
        String studyId = study.get("id").asString();
        String series = study.at("/series/0/seriesInstanceUid").asString();
        List<String> before = instancesInOrder(studyId, series);
        assertThat(before).hasSize(3);
        String chosen = before.get(0);
        String other = before.get(2);

        JsonNode draft = ok(radiologist.post("/api/ris/reports", draft(order, 4, "Suspicious mass.", false)), 201);
        String id = draft.get("id").asString();
        assertThat(draft.get("keyImages")).isEmpty();
        Map<String, Object> first = keyImage(studyId, series, chosen);
        ok(radiologist.post("/api/ris/reports/" + id + "/key-images", first), 201);
        // marking the same image again changes nothing
        ok(radiologist.post("/api/ris/reports/" + id + "/key-images", first), 201);
        JsonNode two =
                ok(radiologist.post("/api/ris/reports/" + id + "/key-images", keyImage(studyId, series, other)), 201);
        assertThat(two.get("keyImages").findValuesAsString("sopInstanceUid")).containsExactly(chosen, other);
        assertThat(two.at("/keyImages/0/instanceIndex").isNull()).isTrue();
        assertThat(two.at("/keyImages/0/instanceNumber").isNumber()).isTrue();

        // the rest of the series arrives afterwards, with lower instance numbers: every position shifts
        Modality.acquire(context, accessionNumber, studyUid, patient.mrn(), List.of(0, 1, 2));
        List<String> after = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> instancesInOrder(studyId, series), l -> l.size() == 6);
        assertThat(after.indexOf(chosen))
                .as("the chosen image moved in the series")
                .isNotEqualTo(before.indexOf(chosen));

        // an image of another order's study, an instance not in the series, a bad UID: refused; radiologists only
        problem(
                radiologist.post(
                        "/api/ris/reports/" + id + "/key-images",
                        keyImage(UUID.randomUUID().toString(), series, chosen)),
                404,
                "imaging.study-not-found");
        problem(
                radiologist.post("/api/ris/reports/" + id + "/key-images", keyImage(studyId, series, chosen + ".9")),
                404,
                "imaging.study-not-found");
        assertThat(radiologist
                        .post("/api/ris/reports/" + id + "/key-images", keyImage(studyId, "../x", chosen))
                        .status())
                .isEqualTo(400);
        assertThat(radiographer
                        .post("/api/ris/reports/" + id + "/key-images", first)
                        .status())
                .isEqualTo(403);
        String removed = two.at("/keyImages/1/id").asString();
        JsonNode one = ok(radiologist.delete("/api/ris/reports/" + id + "/key-images/" + removed), 200);
        assertThat(one.get("keyImages")).hasSize(1);
        problem(radiologist.delete("/api/ris/reports/" + id + "/key-images/" + removed), 404, "report.not-found");
        JsonNode again =
                ok(radiologist.post("/api/ris/reports/" + id + "/key-images", keyImage(studyId, series, other)), 201);

        // signed: fixed; the ordering doctor and the patient see the radiologist's choice, whatever its position now
        JsonNode signed = ok(sign(radiologist, id, again.get("version").asLong()), 200);
        assertThat(signed.get("keyImages").findValuesAsString("sopInstanceUid")).containsExactly(chosen, other);
        problem(radiologist.post("/api/ris/reports/" + id + "/key-images", first), 409, "report.already-signed");
        problem(
                radiologist.delete("/api/ris/reports/" + id + "/key-images/"
                        + signed.at("/keyImages/0/id").asString()),
                409,
                "report.already-signed");
        JsonNode seen = ok(doctor.get("/api/ris/reports/" + id), 200);
        assertThat(seen.at("/keyImages/0/sopInstanceUid").asString()).isEqualTo(chosen);
        String url = seen.at("/keyImages/0/previewUrl").asString();
        assertThat(url).contains(chosen);
        var picture = doctor.bytes(url);
        assertThat(picture.statusCode()).isEqualTo(200);
        assertThat(picture.headers().firstValue("ETag")).hasValue("\"" + chosen + "\"");
        ApiClient own = login(testUsers.patientAccount(patient).username());
        JsonNode portal = ok(own.get("/api/ris/portal/reports"), 200);
        assertThat(portal.at("/0/keyImages/0/sopInstanceUid").asString()).isEqualTo(chosen);
        assertThat(own.bytes(portal.at("/0/keyImages/0/previewUrl").asString()).statusCode())
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM radiology_report_key_image WHERE report_id = :r")
                        .param("r", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        // audited: three marks (the repeated one is no change) and one removal
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE action LIKE 'RIS_KEY_IMAGE_%' AND resource_id = :id "
                                + "AND patient_id = :p")
                        .param("id", id)
                        .param("p", patient.id().toString())
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder(
                        "RIS_KEY_IMAGE_ADD", "RIS_KEY_IMAGE_ADD", "RIS_KEY_IMAGE_ADD", "RIS_KEY_IMAGE_REMOVE");

        // the PDF carries the two key images, captioned with their image numbers
        var pdf = doctor.bytes("/api/ris/reports/" + id + "/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument read = Loader.loadPDF(pdf.body())) {
            assertThat(imageXObjects(read)).isEqualTo(2);
            assertThat(new PDFTextStripper().getText(read))
                    .contains(
                            "Image " + signed.at("/keyImages/0/instanceNumber").asInt());
        }
        // a key image marked before V43 (by its position, no SOP UID) is shown by position and printed too
        jdbc.sql(
                        "INSERT INTO radiology_report_key_image (id, report_id, study_id, series_uid, instance_index, added_by, "
                                + "added_at) VALUES (:id, :r, :s, :series, 1, :by, :at)")
                .param("id", UUID.randomUUID().toString())
                .param("r", id)
                .param("s", studyId)
                .param("series", series)
                .param("by", UUID.randomUUID().toString())
                .param("at", org.cdss.shared.db.UtcTimestamps.toColumn(java.time.Instant.now()))
                .update();
        JsonNode legacy = ok(doctor.get("/api/ris/reports/" + id), 200).at("/keyImages/2");
        assertThat(legacy.get("sopInstanceUid").isNull()).isTrue();
        assertThat(legacy.get("instanceIndex").asInt()).isEqualTo(1);
        assertThat(legacy.get("previewUrl").asString()).endsWith("/instances/1/preview");
        assertThat(doctor.bytes(legacy.get("previewUrl").asString()).statusCode())
                .isEqualTo(200);
        try (PDDocument read =
                Loader.loadPDF(doctor.bytes("/api/ris/reports/" + id + "/pdf").body())) {
            assertThat(imageXObjects(read)).isEqualTo(3);
            assertThat(new PDFTextStripper().getText(read)).contains("Position 2");
        }
        // with the PACS down the PDF is still there, text only, saying the images could not be included
        Modality.pause(context);
        try {
            var down = doctor.bytes("/api/ris/reports/" + id + "/pdf");
            assertThat(down.statusCode()).isEqualTo(200);
            try (PDDocument read = Loader.loadPDF(down.body())) {
                assertThat(imageXObjects(read)).isZero();
                String text = new PDFTextStripper().getText(read);
                assertThat(text).contains("could not be included").contains("Suspicious mass.");
            }
        } finally {
            Modality.restart(context);
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> doctor.get("/api/imaging/studies?orderId=" + order).status() == 200);
    }

    @Test
    void signing_completes_the_order_and_notifies_the_ordering_doctor_critical_findings_urgently() {
        String order = acquiredOrder("CT", "Head", "STAT");
        JsonNode draft =
                ok(radiologist.post("/api/ris/reports", draft(order, null, "Acute subdural haematoma.", true)), 201);
        JsonNode signed = ok(sign(radiologist, draft), 200);

        JsonNode completed = ok(doctor.get("/api/ocs/orders/" + order), 200);
        assertThat(completed.at("/order/status").asString()).isEqualTo("COMPLETED");
        assertThat(completed.get("resultText").asString())
                .contains("Acute subdural haematoma.")
                .contains("CRITICAL FINDING")
                .contains("김영상")
                .doesNotContain(signed.get("id").asString());

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<String> kinds = new ArrayList<>();
            List<Boolean> urgent = new ArrayList<>();
            ok(doctor.get("/api/notifications?size=100"), 200).get("content").forEach(n -> {
                if (n.get("subjectId").asString().equals(order)) {
                    kinds.add(n.get("kind").asString());
                    urgent.add(n.get("urgent").asBoolean());
                }
            });
            assertThat(kinds).contains("CRITICAL_RESULT", "ORDER_COMPLETED");
            assertThat(urgent).contains(true);
        });

        // a normal report: a non-urgent result
        String routine = acquiredOrder("CR", "Chest", "ROUTINE");
        JsonNode plain = ok(radiologist.post("/api/ris/reports", draft(routine, null, "Normal chest.", false)), 201);
        String plainId = plain.get("id").asString();
        ok(sign(radiologist, plainId, plain.get("version").asLong()), 200);
        ok(
                radiologist.post(
                        "/api/ris/reports/" + plainId + "/addenda",
                        Map.of("body", "Missed rib fracture.", "critical", true)),
                201);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<String> kinds = new ArrayList<>();
            ok(doctor.get("/api/notifications?size=100"), 200).get("content").forEach(n -> {
                if (n.get("subjectId").asString().equals(routine)) {
                    kinds.add(n.get("kind").asString() + (n.get("urgent").asBoolean() ? "!" : ""));
                }
            });
            // the signature's result, and the critical addendum's urgent one
            assertThat(kinds).contains("RESULT_AVAILABLE", "ORDER_COMPLETED", "CRITICAL_RESULT!");
        });

        // the worklist no longer shows a signed study
        assertThat(ok(radiologist.get("/api/ris/worklist?size=200"), 200)
                        .get("content")
                        .findValuesAsString("orderId"))
                .doesNotContain(order, routine);
    }

    @Test
    void the_worklist_shows_acquired_studies_of_the_department_by_priority_with_their_report_status() {
        String sent = sentOrder("MR", "Brain", "STAT");
        String routine = acquiredOrder("MR", "Knee", "ROUTINE");
        String stat = acquiredOrder("CT", "Chest", "STAT");
        ok(radiologist.post("/api/ris/reports", draft(routine, null, null, false)), 201);

        JsonNode page = ok(radiologist.get("/api/ris/worklist?size=200"), 200);
        List<String> ids = page.get("content").findValuesAsString("orderId");
        assertThat(ids).contains(routine, stat).doesNotContain(sent);
        assertThat(ids.indexOf(stat)).isLessThan(ids.indexOf(routine));
        JsonNode item = item(page, routine);
        assertThat(item.get("reportStatus").asString()).isEqualTo("DRAFT");
        assertThat(item.get("patientName").asString()).isEqualTo("판독환자");
        assertThat(item.get("patientMrn").isNull()).isFalse();
        assertThat(item.get("indication").asString()).isEqualTo("Rule out malignancy");
        assertThat(item.get("acquiredAt").isNull()).isFalse();
        assertThat(item(page, stat).get("reportStatus").isNull()).isTrue();
        assertThat(page.at("/page/totalElements").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(ok(radiologist.get("/api/ris/worklist?size=1"), 200)
                        .get("content")
                        .size())
                .isEqualTo(1);

        assertThat(ok(radiographer.get("/api/ris/worklist?size=200"), 200)
                        .get("content")
                        .findValuesAsString("orderId"))
                .contains(routine);
        assertThat(doctor.get("/api/ris/worklist").status()).isEqualTo(403);
        ApiClient elsewhere = login(testUsers.staff(Role.RADIOLOGIST, SURGERY).username());
        assertThat(ok(elsewhere.get("/api/ris/worklist?size=200"), 200)
                        .get("content")
                        .findValuesAsString("orderId"))
                .doesNotContain(routine, stat);

        // a report only for an acquired study
        problem(radiologist.post("/api/ris/reports", draft(sent, null, null, false)), 409, "report.order-not-acquired");
    }

    @Test
    void breast_studies_need_a_bi_rads_category_from_0_to_6_and_other_studies_have_none() {
        String breast = acquiredOrder("MR", "Breast", "ROUTINE");
        problem(radiologist.post("/api/ris/reports", draft(breast, 7, null, false)), 422, "report.invalid-birads");
        problem(radiologist.post("/api/ris/reports", draft(breast, -1, null, false)), 422, "report.invalid-birads");
        JsonNode draft =
                ok(radiologist.post("/api/ris/reports", draft(breast, null, "Mass in the left breast.", false)), 201);
        assertThat(draft.get("breastImaging").asBoolean()).isTrue();
        assertThat(draft.get("code").asString()).isEqualTo("24590-2");
        problem(sign(radiologist, draft), 422, "report.invalid-birads");
        JsonNode categorised = ok(
                radiologist.post(
                        "/api/ris/reports",
                        withVersion(draft(breast, 4, "Mass in the left breast.", false), draft.get("version"))),
                200);
        JsonNode signed = ok(
                sign(
                        radiologist,
                        draft.get("id").asString(),
                        categorised.get("version").asLong()),
                200);
        assertThat(signed.get("biradsCategory").asInt()).isEqualTo(4);

        String chest = acquiredOrder("CT", "Chest", "ROUTINE");
        problem(radiologist.post("/api/ris/reports", draft(chest, 2, null, false)), 422, "report.invalid-birads");
        JsonNode empty = ok(radiologist.post("/api/ris/reports", Map.of("orderId", chest)), 201);
        problem(sign(radiologist, empty), 422, "report.incomplete");
    }

    @Test
    void of_two_radiologists_signing_one_draft_at_once_exactly_one_wins() throws Exception {
        String order = acquiredOrder("CT", "Chest", "URGENT");
        JsonNode draft = ok(radiologist.post("/api/ris/reports", draft(order, null, "Pneumonia.", false)), 201);
        String id = draft.get("id").asString();
        long version = draft.get("version").asLong();
        List<ApiClient> readers = List.of(
                radiologist, login(testUsers.staff(Role.RADIOLOGIST, RADIOLOGY).username()));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ApiClient.Response>> answers = new ArrayList<>();
            for (ApiClient reader : readers) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return sign(reader, id, version);
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<ApiClient.Response> f : answers) {
                ApiClient.Response r = f.get();
                statuses.add(r.status());
                if (r.status() != 200) {
                    assertThat(r.isProblem()).as(r.toString()).isTrue();
                }
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM order_transition WHERE order_id = :o AND to_status = 'COMPLETED'")
                        .param("o", order)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void reports_are_read_by_radiology_the_ordering_doctors_department_admins_and_the_patient_once_signed() {
        String order = acquiredOrder("CT", "Chest", "ROUTINE");
        JsonNode draft = ok(radiologist.post("/api/ris/reports", draft(order, null, "Clear.", false)), 201);
        String id = draft.get("id").asString();
        ApiClient patientPortal = login(testUsers.patientAccount(patient).username());

        // a draft: radiology and administrators only
        assertThat(radiographer.get("/api/ris/reports/" + id).status()).isEqualTo(200);
        assertThat(doctor.get("/api/ris/reports/" + id).status()).isEqualTo(404);
        assertThat(doctor.get("/api/ris/reports?orderId=" + order).json().size())
                .isZero();
        assertThat(patientPortal.get("/api/ris/reports/" + id).status()).isEqualTo(404);
        assertThat(patientPortal.get("/api/ris/portal/reports").json().size()).isZero();
        problem(doctor.get("/api/ris/reports/" + id + "/pdf"), 404, "report.not-found");
        problem(radiologist.get("/api/ris/reports/" + id + "/pdf"), 409, "report.not-signed");

        ok(sign(radiologist, id, draft.get("version").asLong()), 200);
        Map<String, ApiClient> who = new java.util.LinkedHashMap<>();
        who.put("radiologist of radiology", radiologist);
        who.put("radiographer of radiology", radiographer);
        who.put("ordering doctor", doctor);
        who.put(
                "doctor of pulmonology",
                login(testUsers.staff(Role.DOCTOR, PULMONOLOGY).username()));
        who.put(
                "nurse of pulmonology",
                login(testUsers.staff(Role.NURSE, PULMONOLOGY).username()));
        who.put("admin", login(testUsers.staff(Role.ADMIN).username()));
        who.put("patient (own)", patientPortal);
        who.put("doctor of surgery", login(testUsers.staff(Role.DOCTOR, SURGERY).username()));
        who.put("nurse of surgery", login(testUsers.staff(Role.NURSE, SURGERY).username()));
        who.put(
                "radiologist of surgery",
                login(testUsers.staff(Role.RADIOLOGIST, SURGERY).username()));
        who.put("pharmacist", login(testUsers.staff(Role.PHARMACIST, PHARMACY).username()));
        who.put("front office", login(testUsers.staff(Role.ADMIN_STAFF).username()));
        who.put(
                "patient (another)",
                login(testUsers.patientAccount(testUsers.patient("다른환자")).username()));
        Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        expected.put("radiologist of radiology", 200);
        expected.put("radiographer of radiology", 200);
        expected.put("ordering doctor", 200);
        expected.put("doctor of pulmonology", 200);
        expected.put("nurse of pulmonology", 200);
        expected.put("admin", 200);
        expected.put("patient (own)", 200);
        expected.put("doctor of surgery", 404);
        expected.put("nurse of surgery", 404);
        expected.put("radiologist of surgery", 404);
        expected.put("pharmacist", 403);
        expected.put("front office", 403);
        expected.put("patient (another)", 404);
        Map<String, Integer> actual = new java.util.LinkedHashMap<>();
        Map<String, Integer> pdfs = new java.util.LinkedHashMap<>();
        who.forEach((name, api) -> {
            actual.put(name, api.get("/api/ris/reports/" + id).status());
            pdfs.put(name, api.get("/api/ris/reports/" + id + "/pdf").status());
        });
        assertThat(actual).containsExactlyEntriesOf(expected);
        assertThat(pdfs).containsExactlyEntriesOf(expected);

        // the portal lists the patient's own signed reports only
        assertThat(patientPortal.get("/api/ris/portal/reports").json().findValuesAsString("id"))
                .containsExactly(id);
        assertThat(who.get("patient (another)")
                        .get("/api/ris/portal/reports")
                        .json()
                        .size())
                .isZero();
        assertThat(doctor.get("/api/ris/portal/reports").status()).isEqualTo(403);
        // staff lists follow the same rule
        assertThat(doctor.get("/api/ris/reports?patientId=" + patient.id())
                        .json()
                        .findValuesAsString("id"))
                .contains(id);
        assertThat(who.get("doctor of surgery")
                        .get("/api/ris/reports?patientId=" + patient.id())
                        .json()
                        .size())
                .isZero();

        // every view is audited, with the patient
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action IN ('RIS_REPORT_READ','RIS_REPORT_PDF') "
                                + "AND resource_id = :id AND patient_id = :p")
                        .param("id", id)
                        .param("p", patient.id().toString())
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(2L * 7);
        // and so is every refused attempt (404 to the caller)
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action IN ('RIS_REPORT_READ','RIS_REPORT_PDF') "
                                + "AND resource_id = :id AND outcome = 'DENIED'")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(2L * 4);
    }

    @Test
    void the_signed_report_is_a_pdf_and_appears_in_the_patients_timeline_with_its_addenda() {
        String order = acquiredOrder("MG", "Breast", "ROUTINE");
        JsonNode draft =
                ok(radiologist.post("/api/ris/reports", draft(order, 2, "양성 석회화. Benign calcifications.", false)), 201);
        String id = draft.get("id").asString();
        ok(sign(radiologist, id, draft.get("version").asLong()), 200);
        ok(radiologist.post("/api/ris/reports/" + id + "/addenda", Map.of("body", "추가 보고")), 201);

        ApiClient.Response pdf = doctor.get("/api/ris/reports/" + id + "/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF");
        if (java.nio.file.Files.isReadable(java.nio.file.Path.of("/usr/share/fonts/truetype/nanum/NanumGothic.ttf"))) {
            // Korean is set in the embedded NanumGothic subset (its name is in the uncompressed font dictionary)
            assertThat(pdf.body()).contains("NanumGothic");
        }

        JsonNode timeline = ok(
                doctor.get("/api/patients/" + patient.id() + "/timeline?types=RADIOLOGY_REPORT,RADIOLOGY_ADDENDUM"),
                200);
        List<String> types = timeline.get("content").findValuesAsString("type");
        assertThat(types).containsExactlyInAnyOrder("RADIOLOGY_REPORT", "RADIOLOGY_ADDENDUM");
        assertThat(timeline.get("content").findValuesAsString("id")).containsOnly(id);
        ApiClient own = login(testUsers.patientAccount(patient).username());
        assertThat(ok(own.get("/api/patients/" + patient.id() + "/timeline?types=RADIOLOGY_REPORT"), 200)
                        .get("content")
                        .findValuesAsString("id"))
                .containsExactly(id);
    }

    // --- helpers ---

    /** The SOP Instance UIDs of a series in instance-number order, read now (the viewer's WADO-RS metadata). */
    private List<String> instancesInOrder(String studyId, String series) {
        JsonNode metadata = ok(
                radiologist.get("/api/imaging/studies/" + studyId + "/dicomweb/series/" + series + "/metadata"), 200);
        List<Map.Entry<Integer, String>> list = new ArrayList<>();
        for (JsonNode i : metadata) {
            list.add(Map.entry(
                    i.at("/00200013/Value/0").asInt(), i.at("/00080018/Value/0").asString()));
        }
        list.sort(Map.Entry.comparingByKey());
        return list.stream().map(Map.Entry::getValue).toList();
    }

    private static Map<String, Object> keyImage(String studyId, String series, String sop) {
        return Map.of("studyId", studyId, "seriesInstanceUid", series, "sopInstanceUid", sop);
    }

    private static int imageXObjects(PDDocument pdf) throws java.io.IOException {
        int images = 0;
        for (PDPage page : pdf.getPages()) {
            for (COSName name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                    images++;
                }
            }
        }
        return images;
    }

    /** An imaging order sent by the doctor and started by the radiographer (acquired). */
    private String acquiredOrder(String modality, String bodyPart, String priority) {
        String id = sentOrder(modality, bodyPart, priority);
        long version = ok(doctor.get("/api/ocs/orders/" + id), 200)
                .at("/order/version")
                .asLong();
        ok(radiographer.post("/api/ocs/orders/" + id + "/start", Map.of("version", version)), 200);
        return id;
    }

    private String sentOrder(String modality, String bodyPart, String priority) {
        Map<String, Object> body = Map.of(
                "patientId",
                patient.id(),
                "type",
                "IMAGING",
                "priority",
                priority,
                "indication",
                "Rule out malignancy",
                "imaging",
                Map.of("modality", modality, "bodyPart", bodyPart, "laterality", "NOT_APPLICABLE", "contrast", false));
        String id =
                ok(doctor.post("/api/ocs/orders", body), 201).at("/order/id").asString();
        ok(doctor.post("/api/ocs/orders/" + id + "/send", Map.of()), 200);
        return id;
    }

    private static Map<String, Object> draft(String orderId, Integer birads, String impression, boolean critical) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("orderId", orderId);
        body.put("findings", "Findings text.");
        body.put("impression", impression);
        body.put("recommendation", "Follow-up in 12 months.");
        body.put("biradsCategory", birads);
        body.put("critical", critical);
        return body;
    }

    private static Map<String, Object> withVersion(Map<String, Object> body, JsonNode version) {
        Map<String, Object> copy = new java.util.HashMap<>(body);
        copy.put("version", version.asLong());
        return copy;
    }

    /** Signs the report at the version the given answer shows. */
    private static ApiClient.Response sign(ApiClient api, JsonNode report) {
        return sign(api, report.get("id").asString(), report.get("version").asLong());
    }

    private static ApiClient.Response sign(ApiClient api, String id, long version) {
        return api.post("/api/ris/reports/" + id + "/sign", Map.of("version", version));
    }

    private static JsonNode item(JsonNode page, String orderId) {
        for (JsonNode n : page.get("content")) {
            if (n.get("orderId").asString().equals(orderId)) {
                return n;
            }
        }
        throw new AssertionError("not on the worklist: " + orderId);
    }

    private static JsonNode ok(ApiClient.Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        return r.json();
    }

    private static void problem(ApiClient.Response r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.isProblem()).as(r.toString()).isTrue();
        assertThat(r.text("code")).as(r.toString()).isEqualTo(code);
    }

    private ApiClient login(String username) {
        ApiClient api = new ApiClient(port);
        assertThat(api.login(username, TestUsers.PASSWORD).status()).isEqualTo(200);
        return api;
    }
}
