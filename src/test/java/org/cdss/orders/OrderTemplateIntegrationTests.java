package org.cdss.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * Order templates (ADR 0038) over HTTP, on H2, PostgreSQL and MariaDB: a doctor's own favourites, a department's
 * order sets edited by administrators (validation, name clash, stale version, audit) and seen only by the doctors
 * of that department.
 */
@IntegrationTest
class OrderTemplateIntegrationTests {

    static final UUID PULMONOLOGY = UUID.fromString("0d1f0000-0000-4000-8000-000000000002");
    static final UUID RADIOLOGY = UUID.fromString("0d1f0000-0000-4000-8000-000000000004");

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    ApiClient doctor;
    ApiClient otherDoctor;
    ApiClient radiologyDoctor;
    ApiClient admin;

    @BeforeEach
    void users() {
        doctor = login(testUsers.staff(Role.DOCTOR, PULMONOLOGY).username());
        otherDoctor = login(testUsers.staff(Role.DOCTOR, PULMONOLOGY).username());
        radiologyDoctor = login(testUsers.staff(Role.DOCTOR, RADIOLOGY).username());
        admin = login(testUsers.staff(Role.ADMIN).username());
    }

    @Test
    void a_doctor_keeps_own_favourites_checked_against_the_catalogues() {
        JsonNode added = ok(doctor.post("/api/ocs/favourites", medication("DB00641", 20)), 201);
        String id = added.get("id").asString();
        assertThat(added.get("itemName").asString()).isEqualToIgnoringCase("Simvastatin");
        assertThat(added.at("/template/medication/frequency").asString()).isEqualTo("QD");
        ok(doctor.post("/api/ocs/favourites", lab("CBC")), 201);

        JsonNode mine = ok(doctor.get("/api/ocs/favourites"), 200);
        assertThat(mine.findValuesAsString("itemName")).hasSize(2).contains("CBC panel");
        // the Korean name is kept beside the English one, so that each UI shows its reader's
        assertThat(mine.findValuesAsString("itemNameKo")).contains("일반혈액검사");
        assertThat(added.get("itemNameKo").asString()).isNotBlank();
        assertThat(ok(otherDoctor.get("/api/ocs/favourites"), 200).size()).isZero();

        // the doctor names it; another doctor cannot; blank goes back to the product's name; a name too long is 400
        JsonNode renamed = ok(doctor.put("/api/ocs/favourites/" + id + "/label", Map.of("label", "  고지혈증 기본  ")), 200);
        assertThat(renamed.get("label").asString()).isEqualTo("고지혈증 기본");
        assertThat(renamed.get("itemName").asString()).isEqualToIgnoringCase("Simvastatin");
        assertThat(ok(doctor.get("/api/ocs/favourites"), 200).findValuesAsString("label"))
                .contains("고지혈증 기본");
        assertThat(otherDoctor
                        .put("/api/ocs/favourites/" + id + "/label", Map.of("label", "x"))
                        .status())
                .isEqualTo(404);
        assertThat(doctor.put("/api/ocs/favourites/" + id + "/label", Map.of("label", "x".repeat(121)))
                        .status())
                .isEqualTo(400);
        assertThat(auditCount("ORDER_FAVOURITE_RENAME", id)).isEqualTo(1);
        JsonNode cleared = ok(doctor.put("/api/ocs/favourites/" + id + "/label", Map.of("label", " ")), 200);
        assertThat(cleared.path("label").isNull() || cleared.path("label").isMissingNode())
                .isTrue();

        // another doctor cannot remove it; the owner can, once
        assertThat(otherDoctor.delete("/api/ocs/favourites/" + id).status()).isEqualTo(404);
        assertThat(doctor.delete("/api/ocs/favourites/" + id).status()).isEqualTo(204);
        assertThat(doctor.delete("/api/ocs/favourites/" + id).status()).isEqualTo(404);
        assertThat(ok(doctor.get("/api/ocs/favourites"), 200).findValuesAsString("itemName"))
                .containsExactly("CBC panel");

        // unknown drug and test: 422 with a pointer; a payload of another type: 400
        JsonNode unknownDrug = problem(doctor.post("/api/ocs/favourites", medication("DB99999", 20)), 422);
        assertThat(unknownDrug.get("code").asString()).isEqualTo("order.unknown-reference");
        assertThat(unknownDrug.toString()).contains("/medication/drugId");
        assertThat(problem(doctor.post("/api/ocs/favourites", lab("NOPE")), 422)
                        .get("code")
                        .asString())
                .isEqualTo("order.unknown-reference");
        Map<String, Object> mismatched = new HashMap<>(lab("CBC"));
        mismatched.put("type", "MEDICATION");
        assertThat(problem(doctor.post("/api/ocs/favourites", mismatched), 400)
                        .get("code")
                        .asString())
                .isEqualTo("validation");
        assertThat(auditCount("ORDER_FAVOURITE_ADD", null)).isPositive();
        assertThat(auditCount("ORDER_FAVOURITE_REMOVE", id)).isEqualTo(1);
    }

    @Test
    void administrators_edit_department_order_sets_that_the_departments_doctors_see() {
        String name = "Pneumonia work-up " + UUID.randomUUID().toString().substring(0, 8);
        JsonNode created = ok(
                admin.post(
                        "/api/admin/ocs/order-sets",
                        orderSet(PULMONOLOGY, name, null, lab("CBC"), medication("DB01211", 500))),
                201);
        String id = created.get("id").asString();
        assertThat(created.get("version").asLong()).isZero();
        assertThat(created.at("/items/0/itemName").asString()).isEqualTo("CBC panel");
        assertThat(created.at("/items/0/itemNameKo").asString()).isEqualTo("일반혈액검사");
        assertThat(created.at("/items/1/template/medication/drugId").asString()).isEqualTo("DB01211");

        assertThat(ok(doctor.get("/api/ocs/order-sets"), 200).findValuesAsString("id"))
                .contains(id);
        assertThat(ok(radiologyDoctor.get("/api/ocs/order-sets"), 200).findValuesAsString("id"))
                .doesNotContain(id);

        // same name in the same department: 409 with the module's code
        assertThat(problem(admin.post("/api/admin/ocs/order-sets", orderSet(PULMONOLOGY, name, null, lab("CRP"))), 409)
                        .get("code")
                        .asString())
                .isEqualTo("order.order-set-name-taken");
        // an unknown drug in the second item names that item
        JsonNode badItem = problem(
                admin.post(
                        "/api/admin/ocs/order-sets",
                        orderSet(PULMONOLOGY, name + " b", null, lab("CRP"), medication("DB99999", 1))),
                422);
        assertThat(badItem.toString()).contains("/items/1/medication/drugId");
        // no items: 400
        assertThat(admin.post("/api/admin/ocs/order-sets", orderSet(PULMONOLOGY, name + " c", null))
                        .status())
                .isEqualTo(400);

        JsonNode updated =
                ok(admin.put("/api/admin/ocs/order-sets/" + id, orderSet(PULMONOLOGY, name, 0L, lab("CRP"))), 200);
        assertThat(updated.get("version").asLong()).isEqualTo(1);
        assertThat(updated.get("items").findValuesAsString("itemName")).containsExactly("C reactive protein");
        assertThat(problem(
                                admin.put(
                                        "/api/admin/ocs/order-sets/" + id, orderSet(PULMONOLOGY, name, 0L, lab("CBC"))),
                                409)
                        .get("code")
                        .asString())
                .isEqualTo("stale-version");

        assertThat(admin.delete("/api/admin/ocs/order-sets/" + id).status()).isEqualTo(204);
        assertThat(admin.delete("/api/admin/ocs/order-sets/" + id).status()).isEqualTo(404);
        assertThat(ok(doctor.get("/api/ocs/order-sets"), 200).findValuesAsString("id"))
                .doesNotContain(id);
        assertThat(auditCount("ORDER_SET_CREATE", id)).isEqualTo(1);
        assertThat(auditCount("ORDER_SET_UPDATE", id)).isEqualTo(1);
        assertThat(auditCount("ORDER_SET_DELETE", id)).isEqualTo(1);
        // doctors do not edit order sets
        assertThat(doctor.get("/api/admin/ocs/order-sets").status()).isEqualTo(403);
    }

    private static Map<String, Object> medication(String drugId, int dose) {
        return Map.of(
                "type",
                "MEDICATION",
                "priority",
                "ROUTINE",
                "medication",
                Map.of(
                        "drugId",
                        drugId,
                        "dose",
                        dose,
                        "doseUnit",
                        "mg",
                        "route",
                        "PO",
                        "frequency",
                        "QD",
                        "durationDays",
                        7));
    }

    private static Map<String, Object> lab(String code) {
        return Map.of("type", "LAB_TEST", "priority", "ROUTINE", "labTest", Map.of("testCode", code));
    }

    @SafeVarargs
    private static Map<String, Object> orderSet(
            UUID department, String name, Long version, Map<String, Object>... items) {
        Map<String, Object> body = new HashMap<>();
        body.put("departmentId", department);
        body.put("name", name);
        body.put("items", List.of(items));
        if (version != null) {
            body.put("version", version);
        }
        return body;
    }

    private long auditCount(String action, String resourceId) {
        if (resourceId == null) {
            return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = :a")
                    .param("a", action)
                    .query(Long.class)
                    .single();
        }
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = :a AND resource_id = :r")
                .param("a", action)
                .param("r", resourceId)
                .query(Long.class)
                .single();
    }

    private ApiClient login(String username) {
        ApiClient api = new ApiClient(port);
        assertThat(api.login(username, TestUsers.PASSWORD).status()).isEqualTo(200);
        return api;
    }

    private static JsonNode problem(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.json();
    }

    private static JsonNode ok(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.json();
    }
}
