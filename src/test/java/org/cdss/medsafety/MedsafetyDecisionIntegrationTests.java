package org.cdss.medsafety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cdss.patients.PatientSummaryView;
import org.cdss.shared.DomainException;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The alert log, the clinician's decisions on alerts (overrides and their audit) and the override analytics. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MedsafetyDecisionIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    AlertLog alertLog;

    ApiClient doctor;
    ApiClient admin;
    String doctorName;
    org.cdss.identity.UserView doctorUser;

    @BeforeAll
    void login() {
        doctorUser = testUsers.staff(Role.DOCTOR);
        doctorName = doctorUser.username();
        doctor = new ApiClient(port);
        assertThat(doctor.login(doctorName, TestUsers.PASSWORD).status()).isEqualTo(200);
        admin = new ApiClient(port);
        assertThat(admin.login(testUsers.staff(Role.ADMIN).username(), TestUsers.PASSWORD)
                        .status())
                .isEqualTo(200);
    }

    JsonNode check(ApiClient client, Map<String, Object> body) {
        var response = client.post("/api/medsafety/check", body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static Map<String, Object> order(String... names) {
        return Map.of(
                "proposed",
                java.util.Arrays.stream(names).map(n -> Map.of("name", n)).toList());
    }

    static JsonNode firstOfType(JsonNode result, String type) {
        for (JsonNode a : result.path("alerts")) {
            if (a.path("type").asString().equals(type)) {
                return a;
            }
        }
        throw new AssertionError("no " + type + " alert in " + result);
    }

    static Map<String, Object> decision(String ruleId, String action, String reason, String comment) {
        Map<String, Object> d = new HashMap<>();
        d.put("ruleId", ruleId);
        d.put("action", action);
        if (reason != null) {
            d.put("reasonCode", reason);
        }
        if (comment != null) {
            d.put("comment", comment);
        }
        return d;
    }

    static Map<String, Object> decisions(JsonNode result, Map<String, Object>... list) {
        return Map.of("checkId", result.path("checkId").asString(), "decisions", List.of(list));
    }

    JsonNode stat(String ruleId) {
        var response = admin.get("/api/admin/medsafety/override-stats");
        assertThat(response.status()).isEqualTo(200);
        for (JsonNode row : response.json()) {
            if (row.path("ruleId").asString().equals(ruleId)) {
                return row;
            }
        }
        return null;
    }

    @Test
    @SuppressWarnings("unchecked")
    void overriding_a_hard_stop_needs_a_reason_and_a_comment() {
        JsonNode result = check(doctor, order("simvastatin", "clarithromycin"));
        assertThat(result.path("checkId").asString()).isNotBlank();
        String rule = firstOfType(result, "INTERACTION").path("ruleId").asString();

        var refused =
                doctor.post("/api/medsafety/decisions", decisions(result, decision(rule, "OVERRIDDEN", null, " ")));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().path("code").asString()).isEqualTo("medsafety.override-reason-required");
        assertThat(refused.json().path("errors").findValuesAsString("pointer"))
                .containsExactlyInAnyOrder("/decisions/0/reasonCode", "/decisions/0/comment");

        var noComment = doctor.post(
                "/api/medsafety/decisions",
                decisions(result, decision(rule, "OVERRIDDEN", "BENEFIT_OUTWEIGHS_RISK", null)));
        assertThat(noComment.status()).isEqualTo(422);
        assertThat(noComment.json().path("code").asString()).isEqualTo("medsafety.override-comment-required");
        assertThat(noComment.json().path("errors").findValuesAsString("pointer"))
                .containsExactly("/decisions/0/comment");

        var ok = doctor.post(
                "/api/medsafety/decisions",
                decisions(result, decision(rule, "OVERRIDDEN", "BENEFIT_OUTWEIGHS_RISK", "short course, CK checked")));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().path("overridden").asInt()).isEqualTo(1);

        var again = doctor.post(
                "/api/medsafety/decisions",
                decisions(result, decision(rule, "OVERRIDDEN", "BENEFIT_OUTWEIGHS_RISK", "again")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("code").asString()).isEqualTo("medsafety.decision-already-decided");
    }

    /**
     * The same alert decided from two tabs at the same moment (accept in one, override in the other): one decision is
     * kept and the other is 409, so the override statistics and the audit trail count it once.
     */
    @Test
    @SuppressWarnings("unchecked")
    void two_decisions_on_one_alert_sent_at_once_keep_one() throws Exception {
        JsonNode result = check(doctor, order("simvastatin", "clarithromycin"));
        String rule = firstOfType(result, "INTERACTION").path("ruleId").asString();
        List<Map<String, Object>> bodies = List.of(
                decisions(result, decision(rule, "ACCEPTED", null, null)),
                decisions(result, decision(rule, "OVERRIDDEN", "BENEFIT_OUTWEIGHS_RISK", "short course, CK checked")),
                decisions(result, decision(rule, "ACCEPTED", null, null)),
                decisions(result, decision(rule, "OVERRIDDEN", "BENEFIT_OUTWEIGHS_RISK", "second tab")));
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(bodies.size());
        List<Integer> statuses = new java.util.ArrayList<>();
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (Map<String, Object> body : bodies) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return doctor.post("/api/medsafety/decisions", body).status();
                }));
            }
            go.countDown();
            for (var answer : answers) {
                statuses.add(answer.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).as("statuses").containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200).count())
                .as("statuses " + statuses)
                .isOne();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM medsafety_alert_decision WHERE check_id = :c AND rule_id = :r")
                        .param("c", result.path("checkId").asString())
                        .param("r", rule)
                        .query(Long.class)
                        .single())
                .isOne();
    }

    /**
     * What decides the race above whatever the timing: a second decision on an alert that passed the "already
     * decided?" read (the other request had not committed yet) is refused by the unique key, as the same 409.
     */
    @Test
    @SuppressWarnings("unchecked")
    void a_second_decision_that_passed_the_read_is_refused_by_the_unique_key() {
        JsonNode result = check(doctor, order("simvastatin", "clarithromycin"));
        UUID checkId = UUID.fromString(result.path("checkId").asString());
        String rule = firstOfType(result, "INTERACTION").path("ruleId").asString();
        assertThat(doctor.post("/api/medsafety/decisions", decisions(result, decision(rule, "ACCEPTED", null, null)))
                        .status())
                .isEqualTo(200);
        CdssPrincipal principal = new CdssPrincipal(
                doctorUser.id(), doctorName, doctorName, java.util.Set.of(Role.DOCTOR), java.util.Set.of(), null);
        AlertLog.Shown shown = alertLog.shown(checkId, principal).get(rule);

        assertThatThrownBy(() -> alertLog.recordDecision(
                        checkId,
                        principal,
                        shown,
                        new AlertDecisionRequest.Decision(
                                rule,
                                AlertDecisionRequest.Action.OVERRIDDEN,
                                OverrideReason.BENEFIT_OUTWEIGHS_RISK,
                                "second tab")))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.problem()).isEqualTo(MedsafetyProblem.DECISION_ALREADY_DECIDED));
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_interruptive_alert_needs_a_reason_and_a_heeded_alert_needs_none() {
        JsonNode result = check(
                doctor,
                Map.of(
                        "proposed",
                        List.of(Map.of("name", "cephalexin")),
                        "allergies",
                        List.of(Map.of("allergenId", "DB01060"))));
        JsonNode alert = firstOfType(result, "ALLERGY");
        assertThat(alert.path("tier").asString()).isEqualTo("INTERRUPTIVE");
        String rule = alert.path("ruleId").asString();
        var refused =
                doctor.post("/api/medsafety/decisions", decisions(result, decision(rule, "OVERRIDDEN", null, null)));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("code").asString()).isEqualTo("medsafety.override-reason-required");
        assertThat(refused.json().path("errors").findValuesAsString("pointer"))
                .containsExactly("/decisions/0/reasonCode");
        // OTHER needs a comment, as the dialog shows (the requirement is in the check result)
        assertThat(alert.at("/override/commentRequiredFor/0").asString()).isEqualTo("OTHER");
        var other =
                doctor.post("/api/medsafety/decisions", decisions(result, decision(rule, "OVERRIDDEN", "OTHER", " ")));
        assertThat(other.json().path("code").asString()).isEqualTo("medsafety.override-comment-required");
        assertThat(doctor.post("/api/medsafety/decisions", decisions(result, decision(rule, "ACCEPTED", null, null)))
                        .status())
                .isEqualTo(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void going_on_with_an_incomplete_check_is_an_explicit_acknowledgement_without_a_reason() {
        JsonNode result = check(doctor, Map.of("proposed", List.of(Map.of("name", "no-such-drug-xyz"))));
        JsonNode alert = firstOfType(result, "INCOMPLETE");
        assertThat(alert.at("/override/blocking").asBoolean()).isTrue();
        assertThat(alert.at("/override/acknowledgementRequired").asBoolean()).isTrue();
        assertThat(alert.at("/override/reasonRequired").asBoolean()).isFalse();
        var acknowledged = doctor.post(
                "/api/medsafety/decisions",
                decisions(result, decision(alert.path("ruleId").asString(), "OVERRIDDEN", null, null)));
        assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void unknown_rules_unknown_checks_and_checks_of_other_users_are_refused() {
        JsonNode result = check(doctor, order("simvastatin", "clarithromycin"));
        var unknownRule = doctor.post(
                "/api/medsafety/decisions", decisions(result, decision("NO-SUCH-RULE", "ACCEPTED", null, null)));
        assertThat(unknownRule.status()).isEqualTo(422);
        assertThat(unknownRule.json().path("code").asString()).isEqualTo("medsafety.decision-unknown-rule");
        assertThat(unknownRule.json().path("errors").findValuesAsString("pointer"))
                .containsExactly("/decisions/0/ruleId");
        var unknownCheck = doctor.post(
                "/api/medsafety/decisions",
                Map.of(
                        "checkId",
                        java.util.UUID.randomUUID().toString(),
                        "decisions",
                        List.of(decision("X", "ACCEPTED", null, null))));
        assertThat(unknownCheck.status()).isEqualTo(404);
        assertThat(unknownCheck.json().path("code").asString()).isEqualTo("medsafety.check-not-found");
        ApiClient nurse = new ApiClient(port);
        nurse.login(testUsers.staff(Role.NURSE).username(), TestUsers.PASSWORD);
        String rule = firstOfType(result, "INTERACTION").path("ruleId").asString();
        assertThat(nurse.post("/api/medsafety/decisions", decisions(result, decision(rule, "ACCEPTED", null, null)))
                        .status())
                .isEqualTo(404);
        var badShape = doctor.post("/api/medsafety/decisions", Map.of("decisions", List.of()));
        assertThat(badShape.status()).isEqualTo(400);
        assertThat(badShape.json().path("errors").findValuesAsString("pointer")).contains("/checkId", "/decisions");
        var badReason = doctor.post(
                "/api/medsafety/decisions", decisions(result, decision(rule, "OVERRIDDEN", "BECAUSE", "x")));
        assertThat(badReason.status()).isEqualTo(400);
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_override_is_audited_with_the_patient() {
        PatientSummaryView patient = testUsers.patient("경고무시");
        JsonNode result = check(
                doctor,
                Map.of(
                        "patientId",
                        patient.id().toString(),
                        "proposed",
                        List.of(Map.of("name", "simvastatin"), Map.of("name", "clarithromycin"))));
        String rule = firstOfType(result, "INTERACTION").path("ruleId").asString();
        assertThat(doctor.post(
                                "/api/medsafety/decisions",
                                decisions(
                                        result,
                                        decision(rule, "OVERRIDDEN", "PATIENT_TOLERATES", "tolerated for years")))
                        .status())
                .isEqualTo(200);
        var page = admin.get("/api/admin/audit?username=" + doctorName + "&action=MEDSAFETY_OVERRIDE");
        JsonNode row = page.json().path("content").get(0);
        assertThat(row.path("patientId").asString()).isEqualTo(patient.id().toString());
        assertThat(row.path("detail").asString())
                .contains("rule=" + rule)
                .contains("reason=PATIENT_TOLERATES")
                .contains("tier=HARD_STOP")
                .doesNotContain("tolerated for years");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_rule_overridden_19_times_in_20_is_flagged_for_review() {
        String rule = null;
        JsonNode before = null;
        for (int i = 0; i < 20; i++) {
            JsonNode result = check(doctor, order("tizanidine", "ciprofloxacin"));
            JsonNode alert = firstOfType(result, "INTERACTION");
            if (rule == null) {
                rule = alert.path("ruleId").asString();
                before = stat(rule); // the row of this check is there already
            }
            String reason = i % 3 == 0 ? "PATIENT_TOLERATES" : "BENEFIT_OUTWEIGHS_RISK";
            var decision = i == 19
                    ? decision(rule, "ACCEPTED", null, null)
                    : decision(rule, "OVERRIDDEN", reason, "monitored");
            assertThat(doctor.post("/api/medsafety/decisions", decisions(result, decision))
                            .status())
                    .isEqualTo(200);
        }
        long shownBefore = before.path("timesShown").asLong() - 1;
        long overriddenBefore = before.path("timesOverridden").asLong();
        JsonNode after = stat(rule);
        assertThat(after.path("timesShown").asLong() - shownBefore).isEqualTo(20);
        assertThat(after.path("timesOverridden").asLong() - overriddenBefore).isEqualTo(19);
        assertThat(after.path("flagged").asBoolean()).isTrue();
        assertThat(after.path("topReasons").findValuesAsString("reasonCode"))
                .startsWith("BENEFIT_OUTWEIGHS_RISK", "PATIENT_TOLERATES");
        assertThat(admin.get("/api/admin/medsafety/override-stats")
                        .json()
                        .get(0)
                        .path("timesShown")
                        .asLong())
                .isGreaterThanOrEqualTo(after.path("timesShown").asLong());
    }

    @Test
    void override_stats_are_for_administrators_only() {
        assertThat(doctor.get("/api/admin/medsafety/override-stats").status()).isEqualTo(403);
        ApiClient pharmacist = new ApiClient(port);
        pharmacist.login(testUsers.staff(Role.PHARMACIST).username(), TestUsers.PASSWORD);
        JsonNode result = check(pharmacist, order("simvastatin", "clarithromycin"));
        String rule = firstOfType(result, "INTERACTION").path("ruleId").asString();
        assertThat(pharmacist
                        .post("/api/medsafety/decisions", decisions(result, decision(rule, "ACCEPTED", null, null)))
                        .status())
                .isEqualTo(200);
        ApiClient frontDesk = new ApiClient(port);
        frontDesk.login(testUsers.staff(Role.ADMIN_STAFF).username(), TestUsers.PASSWORD);
        assertThat(frontDesk
                        .post("/api/medsafety/decisions", decisions(result, decision(rule, "ACCEPTED", null, null)))
                        .status())
                .isEqualTo(403);
    }
}
