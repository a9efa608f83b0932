package org.cdss.medsafety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.cdss.patients.PatientDirectory;
import org.cdss.patients.PatientSummaryView;
import org.cdss.patients.Sex;
import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.OrderBodies;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The order send gate enforces exactly what {@link OverridePolicy} tells the UI in each finding's {@code override}
 * (issue 10 item 8): OTHER needs a comment on an interruptive alert, an incomplete check (a child's dose without a
 * weight) needs an explicit, recorded acknowledgement, and the 422 is the documented {@link SafetyBlockedProblem}.
 */
@IntegrationTest
class OverridePolicyIntegrationTests {

    static final UUID PULMONOLOGY = UUID.fromString("0d1f0000-0000-4000-8000-000000000002");
    static final String CEPHALEXIN = "DB00567";
    static final String ACETAMINOPHEN = "DB00316";

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    PatientDirectory patients;

    @Autowired
    JdbcClient jdbc;

    ApiClient doctor;

    @BeforeEach
    void login() {
        doctor = new ApiClient(port);
        assertThat(doctor.login(testUsers.staff(Role.DOCTOR, PULMONOLOGY).username(), TestUsers.PASSWORD)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void an_override_with_other_and_no_comment_is_refused_and_with_a_comment_it_goes_through() {
        PatientSummaryView patient = testUsers.patient("재정의정책");
        ok(
                doctor.post(
                        "/api/patients/" + patient.id() + "/allergies",
                        Map.of("substance", "Penicillin", "reaction", "urticaria", "severity", "SEVERE")),
                201);
        String id = ok(doctor.post("/api/ocs/orders", OrderBodies.medication(patient.id(), CEPHALEXIN, 500)), 201)
                .at("/order/id")
                .asString();

        var refused = doctor.post("/api/ocs/orders/" + id + "/send", Map.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        JsonNode finding = refused.json().at("/findings/0");
        assertThat(finding.path("type").asString()).isEqualTo("ALLERGY");
        assertThat(finding.path("tier").asString()).isEqualTo("INTERRUPTIVE");
        assertThat(finding.at("/override/blocking").asBoolean()).isTrue();
        assertThat(finding.at("/override/reasonRequired").asBoolean()).isTrue();
        assertThat(finding.at("/override/acknowledgementRequired").asBoolean()).isFalse();
        assertThat(finding.at("/override/commentRequiredFor").valueStream().map(JsonNode::asString))
                .containsExactly("OTHER");
        assertThat(finding.at("/override/reasons").valueStream().map(JsonNode::asString))
                .contains("BENEFIT_OUTWEIGHS_RISK", "OTHER");
        assertThat(refused.json().path("checkId").asString()).hasSize(36);

        var noReason = doctor.post("/api/ocs/orders/" + id + "/send", Map.of("override", Map.of()));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().path("code").asString()).isEqualTo("medsafety.override-reason-required");
        assertThat(noReason.json().path("type").asString())
                .isEqualTo("urn:cdss:problem:medsafety.override-reason-required");
        assertThat(noReason.json().path("errors").findValuesAsString("pointer"))
                .containsExactly("/override/reasonCode");

        var otherWithoutComment = doctor.post(
                "/api/ocs/orders/" + id + "/send", Map.of("override", Map.of("reasonCode", "OTHER", "comment", " ")));
        assertThat(otherWithoutComment.status()).isEqualTo(422);
        assertThat(otherWithoutComment.json().path("code").asString()).isEqualTo("medsafety.override-comment-required");
        assertThat(otherWithoutComment.json().path("errors").findValuesAsString("pointer"))
                .containsExactly("/override/comment");
        assertThat(ok(doctor.get("/api/ocs/orders/" + id), 200)
                        .at("/order/status")
                        .asString())
                .isEqualTo("PENDING");

        JsonNode sent = ok(
                doctor.post(
                        "/api/ocs/orders/" + id + "/send",
                        Map.of("override", Map.of("reasonCode", "OTHER", "comment", "Tolerated cefuroxime last year"))),
                200);
        assertThat(sent.at("/order/status").asString()).isEqualTo("SENT");
        assertThat(sent.get("overrides").findValuesAsString("reasonCode")).containsOnly("OTHER");
    }

    /**
     * Issue 14 item 6: the reaction recorded with the patient's allergy reaches the order's check (patients →
     * medsafety): the same penicillin allergy as above, recorded as anaphylaxis, makes cephalexin a hard stop.
     */
    @Test
    void an_allergy_recorded_as_anaphylaxis_makes_the_cross_reactivity_a_hard_stop() {
        PatientSummaryView patient = testUsers.patient("아나필락시스");
        ok(
                doctor.post(
                        "/api/patients/" + patient.id() + "/allergies",
                        Map.of("substance", "Penicillin", "reaction", "Anaphylaxis", "severity", "SEVERE")),
                201);
        String id = ok(doctor.post("/api/ocs/orders", OrderBodies.medication(patient.id(), CEPHALEXIN, 500)), 201)
                .at("/order/id")
                .asString();
        var refused = doctor.post("/api/ocs/orders/" + id + "/send", Map.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        JsonNode finding = refused.json().at("/findings/0");
        assertThat(finding.path("type").asString()).isEqualTo("ALLERGY");
        assertThat(finding.path("severity").asString()).isEqualTo("CONTRAINDICATED");
        assertThat(finding.path("tier").asString()).isEqualTo("HARD_STOP");
        assertThat(finding.path("whatHappens").asString()).contains("severe reaction");
    }

    @Test
    void a_childs_dose_without_a_weight_is_sent_only_after_the_incomplete_check_is_acknowledged() {
        var child = TestUsers.asSystem(() -> patients.register(new PatientDirectory.NewPatient(
                TestUsers.uniqueName("Child"),
                null,
                LocalDate.now().minusYears(6).minusDays(10),
                Sex.M)));
        JsonNode created =
                ok(doctor.post("/api/ocs/orders", OrderBodies.medication(child.id(), ACETAMINOPHEN, 250)), 201);
        String id = created.at("/order/id").asString();
        assertThat(created.at("/safety/complete").asBoolean()).isFalse();

        // before: a MODERATE/SHOWN "check incomplete" did not block, and the order was sent without a word
        var refused = doctor.post("/api/ocs/orders/" + id + "/send", Map.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        JsonNode finding = refused.json().at("/findings/0");
        assertThat(finding.path("type").asString()).isEqualTo("INCOMPLETE");
        assertThat(finding.path("ruleId").asString()).isEqualTo("INCOMPLETE-DOSE-WEIGHT:" + ACETAMINOPHEN);
        assertThat(finding.at("/override/acknowledgementRequired").asBoolean()).isTrue();
        assertThat(finding.at("/override/reasonRequired").asBoolean()).isFalse();

        var notAcknowledged = doctor.post(
                "/api/ocs/orders/" + id + "/send", Map.of("override", Map.of("comment", "weight to follow")));
        assertThat(notAcknowledged.status()).isEqualTo(422);
        assertThat(notAcknowledged.json().path("code").asString())
                .isEqualTo("medsafety.incomplete-acknowledgement-required");
        assertThat(notAcknowledged.json().path("errors").findValuesAsString("pointer"))
                .containsExactly("/override/incompleteAcknowledged");

        JsonNode sent = ok(
                doctor.post(
                        "/api/ocs/orders/" + id + "/send",
                        Map.of("override", Map.of("incompleteAcknowledged", true, "comment", "weight to follow"))),
                200);
        assertThat(sent.at("/order/status").asString()).isEqualTo("SENT");
        assertThat(sent.get("overrides").findValuesAsString("reasonCode"))
                .containsExactly(OverridePolicy.INCOMPLETE_ACKNOWLEDGED);
        long acknowledged = jdbc.sql("SELECT COUNT(*) FROM medsafety_alert_decision WHERE patient_id = :p "
                        + "AND action = 'OVERRIDDEN' AND rule_id = :r")
                .param("p", child.id().toString())
                .param("r", "INCOMPLETE-DOSE-WEIGHT:" + ACETAMINOPHEN)
                .query(Long.class)
                .single();
        assertThat(acknowledged).isEqualTo(1);
    }

    @Test
    void the_refused_send_is_documented_as_a_typed_problem_in_the_openapi_document() {
        ApiClient admin = new ApiClient(port);
        admin.login(testUsers.staff(Role.ADMIN).username(), TestUsers.PASSWORD);
        JsonNode doc = ok(admin.get("/v3/api-docs"), 200);
        JsonNode refused = doc.at("/paths/~1api~1ocs~1orders~1{id}~1send/post/responses/422/content");
        assertThat(refused.at("/application~1problem+json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/SafetyBlockedProblem");
        assertThat(doc.at("/components/schemas/SafetyBlockedProblem/properties/findings/items/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/SafetyFinding");
        assertThat(doc.at("/components/schemas/SafetyFinding/properties/override/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/OverrideRequirement");
        assertThat(doc.at("/components/schemas/SafetyAlert/properties/override/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/OverrideRequirement");
        assertThat(doc.at("/components/schemas/OverrideRequirement/properties").propertyNames())
                .contains("blocking", "acknowledgementRequired", "reasonRequired", "reasons", "commentRequiredFor");
    }

    private static JsonNode ok(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.json();
    }
}
