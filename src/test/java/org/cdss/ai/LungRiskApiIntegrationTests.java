package org.cdss.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cdss.patients.PatientSummaryView;
import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The lung-risk assessment through HTTP on H2, PostgreSQL and MariaDB: pre-fill, prediction with its provenance in
 * the ledger, the audited view, decisions, the timeline, the dashboards, bad input, batch jobs and who may do what.
 */
@IntegrationTest
class LungRiskApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    ApiClient doctor;
    ApiClient pharmacist;
    PatientSummaryView patient;

    @BeforeEach
    void clinic() {
        doctor = login(testUsers.staff(Role.DOCTOR).username());
        pharmacist = login(testUsers.staff(Role.PHARMACIST).username());
        patient = testUsers.patient("폐암위험");
    }

    ApiClient login(String username) {
        ApiClient api = new ApiClient(port);
        assertThat(api.login(username, TestUsers.PASSWORD).status()).isEqualTo(200);
        return api;
    }

    static Map<String, Object> inputs(Object age, boolean symptoms) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("sexCode", 1);
        in.put("age", age);
        for (String name : LungRiskEncoding.INPUTS.subList(2, LungRiskEncoding.INPUTS.size())) {
            in.put(name, symptoms);
        }
        return in;
    }

    static Map<String, Object> predict(UUID patientId, Map<String, Object> inputs) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("patientId", patientId);
        body.put("inputs", inputs);
        return body;
    }

    @Test
    void a_doctor_assesses_a_patient_and_the_result_is_in_the_ledger_timeline_and_dashboards() {
        var prefill = doctor.get("/api/ai/lung-risk/prefill?patientId=" + patient.id());
        assertThat(prefill.status()).as(prefill.body()).isEqualTo(200);
        assertThat(prefill.json().has("age")).isTrue();

        long before = dashboardCount();
        var answer = doctor.post("/api/ai/lung-risk/predict", predict(patient.id(), inputs(69, true)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode s = answer.json();
        assertThat(s.get("probability").asDouble()).isBetween(0.0, 1.0);
        assertThat(s.get("band").asString()).isEqualTo("HIGH");
        assertThat(s.get("contributions")).hasSize(15);
        assertThat(s.get("modelId").asString()).isEqualTo("lung-risk");
        assertThat(s.get("modelSha256").asString()).hasSize(64);
        assertThat(s.get("inputSha256").asString()).hasSize(64);
        String id = s.get("id").asString();

        // the view is audited
        assertThat(doctor.get("/api/ai/suggestions/" + id).status()).isEqualTo(200);
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_event WHERE action = 'AI_SUGGESTION_VIEW' AND resource_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);

        // a rejection needs a reason; an acceptance is recorded
        var noReason = doctor.post("/api/ai/suggestions/" + id + "/decision", Map.of("decision", "REJECTED"));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.text("code")).isEqualTo("ai.decision-incomplete");
        var accepted = doctor.post("/api/ai/suggestions/" + id + "/decision", Map.of("decision", "ACCEPTED"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("decision").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.json().get("decisions")).hasSize(1);

        // timeline, dashboard, statistics
        var timeline = doctor.get("/api/patients/" + patient.id() + "/timeline?types=AI_SUGGESTION");
        assertThat(timeline.status()).as(timeline.body()).isEqualTo(200);
        assertThat(timeline.body()).contains(id);
        assertThat(dashboardCount()).isEqualTo(before + 1);
        var dashboard = doctor.get("/api/ai/models/lung-risk/dashboard").json();
        assertThat(dashboard.get("accepted").asLong()).isGreaterThanOrEqualTo(1);
        var statistics = doctor.get("/api/ai/lung-risk/statistics").json();
        assertThat(statistics.get("byBand").get("HIGH").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(statistics.get("bySex").get("MALE").asLong()).isGreaterThanOrEqualTo(1);

        // days are the hospital's (Asia/Seoul): a suggestion made at 08:30 in Seoul on 1 December is stored as
        // 23:30 UTC on 30 November and counts on 1 December
        jdbc.sql("UPDATE ai_suggestion SET created_at = :at WHERE id = :id")
                .param("at", java.time.LocalDateTime.of(2026, 11, 30, 23, 30))
                .param("id", id)
                .update();
        var days = doctor.get("/api/ai/models/lung-risk/dashboard").json().get("days");
        assertThat(days.findValuesAsString("day")).contains("2026-12-01").doesNotContain("2026-11-30");
    }

    long dashboardCount() {
        return doctor.get("/api/ai/models/lung-risk/dashboard")
                .json()
                .get("suggestions")
                .asLong();
    }

    /** ADR 0058: a merged or closed record takes no new clinical data, an AI suggestion included (single or batch). */
    @Test
    void an_inactive_record_gets_no_ai_suggestion() {
        PatientSummaryView merged = testUsers.patient("병합된폐암위험");
        var inactivated = login(testUsers.staff(Role.ADMIN_STAFF).username())
                .post("/api/patients/" + merged.id() + "/inactivate", Map.of("reason", "중복 등록"));
        assertThat(inactivated.status()).as(inactivated.body()).isEqualTo(200);
        var refused = doctor.post("/api/ai/lung-risk/predict", predict(merged.id(), inputs(69, true)));
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.text("code")).isEqualTo("patient.inactive");

        assertThat(batchOfTwoSkippingOne(
                        predict(patient.id(), inputs(60, true)), predict(merged.id(), inputs(61, true))))
                .isEqualTo("patient record inactive");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ai_suggestion WHERE patient_id = :p")
                        .param("p", merged.id().toString())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /** The model saw ages 21–87 only (its card): a child or a very old patient is refused, singly or in a batch. */
    @Test
    void an_age_outside_the_training_range_is_not_scored() {
        var child = doctor.post("/api/ai/lung-risk/predict", predict(patient.id(), inputs(4, true)));
        assertThat(child.status()).as(child.body()).isEqualTo(400);
        assertThat(child.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/inputs/age");
        assertThat(child.body()).contains("21–87");
        assertThat(doctor.post("/api/ai/lung-risk/predict", predict(patient.id(), inputs(87, true)))
                        .status())
                .isEqualTo(200);
        assertThat(batchOfTwoSkippingOne(
                        predict(patient.id(), inputs(21, true)), predict(patient.id(), inputs(95, true))))
                .isEqualTo("age outside the model's training range");
    }

    /** Submits a batch (202) and waits until its job has succeeded; the job's id. */
    String succeededBatch(List<Map<String, Object>> items) {
        var queued = doctor.post("/api/ai/lung-risk/batch", Map.of("items", items));
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        String job = queued.json().get("id").asString();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> doctor.get("/api/ai/jobs/" + job)
                        .json()
                        .get("status")
                        .asString()
                        .equals("SUCCEEDED"));
        return job;
    }

    /** Runs a batch of two items as a job; one is recorded, the other skipped: the reason given for skipping it. */
    String batchOfTwoSkippingOne(Map<String, Object> recorded, Map<String, Object> skipped) {
        JsonNode done = doctor.get("/api/ai/jobs/" + succeededBatch(List.of(recorded, skipped)))
                .json();
        assertThat(done.get("result").get("recorded").asInt()).isEqualTo(1);
        assertThat(done.get("result").get("skipped")).hasSize(1);
        assertThat(done.get("result").get("skipped").get(0).get("index").asInt())
                .isEqualTo(1);
        return done.get("result").get("skipped").get(0).get("reason").asString();
    }

    @Test
    void bad_input_is_400_problem_json_never_a_crash() {
        var tooOld = doctor.post("/api/ai/lung-risk/predict", predict(patient.id(), inputs(130, false)));
        assertThat(tooOld.status()).isEqualTo(400);
        assertThat(tooOld.isProblem()).isTrue();
        var negative = doctor.post("/api/ai/lung-risk/predict", predict(patient.id(), inputs(-1, false)));
        assertThat(negative.status()).isEqualTo(400);
        Map<String, Object> missing = inputs(50, false);
        missing.remove("coughing");
        assertThat(doctor.post("/api/ai/lung-risk/predict", predict(patient.id(), missing))
                        .status())
                .isEqualTo(400);
        var text = doctor.post("/api/ai/lung-risk/predict", predict(patient.id(), inputs("sixty", false)));
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.isProblem()).isTrue();
        Map<String, Object> yes = inputs(50, false);
        yes.put("smoking", "maybe");
        assertThat(doctor.post("/api/ai/lung-risk/predict", predict(patient.id(), yes))
                        .status())
                .isEqualTo(400);
        var nobody = doctor.post("/api/ai/lung-risk/predict", predict(UUID.randomUUID(), inputs(50, false)));
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(nobody.text("code")).isEqualTo("ai.patient-not-found");
    }

    @Test
    void only_doctors_and_nurses_run_the_model_and_a_patient_sees_only_what_was_shared() {
        assertThat(pharmacist
                        .post("/api/ai/lung-risk/predict", predict(patient.id(), inputs(50, false)))
                        .status())
                .isEqualTo(403);
        var own = login(testUsers.patientAccount(patient).username());
        assertThat(own.post("/api/ai/lung-risk/predict", predict(patient.id(), inputs(50, false)))
                        .status())
                .isEqualTo(403);
        var predicted = doctor.post("/api/ai/lung-risk/predict", predict(patient.id(), inputs(50, false)))
                .json();
        String id = predicted.get("id").asString();
        String edited = predicted.get("band").asString().equals("MEDIUM") ? "HIGH" : "MEDIUM";
        assertThat(own.get("/api/patients/" + patient.id() + "/timeline").body())
                .doesNotContain(id);
        doctor.post(
                "/api/ai/suggestions/" + id + "/decision",
                Map.of("decision", "EDITED", "editedBand", edited, "shareWithPatient", true));
        assertThat(own.get("/api/patients/" + patient.id() + "/timeline").body())
                .contains(id);
        // the timeline shows the clinician's band, and no model id or decision code
        var entry = own.get("/api/patients/" + patient.id() + "/timeline?types=AI_SUGGESTION")
                .json()
                .get("content")
                .get(0);
        assertThat(entry.get("id").asString()).isEqualTo(id);
        assertThat(entry.get("code").asString()).isEqualTo(edited);
        assertThat(entry.get("text").asString()).matches("\\d+ %");
        // the chart's AI history lists each suggestion with its decisions: the edited band is the clinician's
        var history =
                doctor.get("/api/ai/suggestions?patientId=" + patient.id()).json();
        JsonNode listed = java.util.stream.StreamSupport.stream(history.spliterator(), false)
                .filter(n -> n.get("id").asString().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(listed.get("decisions")).hasSize(1);
        assertThat(listed.get("decisions").get(0).get("editedBand").asString()).isEqualTo(edited);
        // a later rejection withdraws the share; a rejected result is never shared, even when asked
        doctor.post(
                "/api/ai/suggestions/" + id + "/decision",
                Map.of("decision", "REJECTED", "reason", "symptoms recorded wrongly", "shareWithPatient", true));
        assertThat(own.get("/api/patients/" + patient.id() + "/timeline").body())
                .doesNotContain(id);
    }

    @Test
    void a_thousand_predictions_at_once_are_refused_and_a_batch_runs_as_a_job() {
        List<Map<String, Object>> thousand = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            thousand.add(predict(patient.id(), inputs(40 + i % 40, i % 2 == 0)));
        }
        var refused = doctor.post("/api/ai/lung-risk/batch", Map.of("items", thousand));
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.text("code")).isEqualTo("ai.batch-too-large");

        List<Map<String, Object>> items = new ArrayList<>(thousand.subList(0, 120));
        items.add(predict(UUID.randomUUID(), inputs(55, true))); // a patient that does not exist (any more)
        // progress reaches the owner's browser through the notifications push path, ids and facts only
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        var stream = doctor.stream("/api/notifications/stream");
        Thread.ofVirtual().start(() -> {
            try {
                stream.forEach(lines::add);
            } catch (java.io.UncheckedIOException closedByTheTest) {
                // the test closed the stream
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains("event:ready"));
        String job = succeededBatch(items);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> lines.stream()
                        .anyMatch(l -> l.startsWith("data:") && l.contains(job) && l.contains("SUCCEEDED")));
        assertThat(lines).contains("event:ai-job");
        assertThat(lines.stream().filter(l -> l.startsWith("data:") && l.contains(job) && l.contains("RUNNING")))
                .isNotEmpty();
        assertThat(String.join("\n", lines)).doesNotContain("폐암위험"); // no patient data
        stream.close();
        JsonNode done = doctor.get("/api/ai/jobs/" + job).json();
        assertThat(done.get("progress").asInt()).isEqualTo(100);
        assertThat(done.get("result").get("recorded").asInt()).isEqualTo(120);
        assertThat(done.get("result").get("skipped").get(0).get("reason").asString())
                .isEqualTo("patient not found");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ai_suggestion WHERE job_id = :j")
                        .param("j", job)
                        .query(Long.class)
                        .single())
                .isEqualTo(120L);
        // patient data written by a job is audited like a single prediction: the submission, then one AI_PREDICT row
        // per recorded suggestion, each in the submitter's name
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'AI_BATCH_SUBMIT' AND resource_id = :j")
                        .param("j", job)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_event a WHERE a.action = 'AI_PREDICT' AND a.patient_id IS NOT NULL"
                                        + " AND a.resource_id IN (SELECT s.id FROM ai_suggestion s WHERE s.job_id = :j)"
                                        + " AND a.user_id = (SELECT created_by FROM ai_job WHERE id = :j)")
                        .param("j", job)
                        .query(Long.class)
                        .single())
                .isEqualTo(120L);
        // someone else's job is not found
        var other = login(testUsers.staff(Role.DOCTOR).username());
        assertThat(other.get("/api/ai/jobs/" + job).status()).isEqualTo(404);
    }
}
