package org.cdss.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.cdss.patients.PatientSummaryView;
import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Which orders each principal sees, on every read path (detail, message thread, recent labs, list, worklists,
 * statistics, the patient's timeline):
 * principal × order type × status → visible or not, written out below. One patient has an order of every type in
 * every state (pending draft, sent, completed, withdrawn before sending); department staff belong to every target
 * department, so what they see is decided by the order types they perform, not by their departments alone.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderAccessMatrixIntegrationTests {

    static final UUID PULMONOLOGY = UUID.fromString("0d1f0000-0000-4000-8000-000000000002");
    static final UUID RADIOLOGY = UUID.fromString("0d1f0000-0000-4000-8000-000000000004");
    static final UUID PHARMACY = UUID.fromString("0d1f0000-0000-4000-8000-000000000006");
    static final UUID LABORATORY = UUID.fromString("0d1f0000-0000-4000-8000-000000000007");
    static final List<UUID> TARGETS = List.of(PHARMACY, LABORATORY, RADIOLOGY);

    static final List<String> TYPES = List.of("MEDICATION", "LAB_TEST", "IMAGING", "TISSUE_EXAM");

    /**
     * Visible states per order type: P pending (draft), S sent, C completed, W withdrawn before it was sent; "-" none.
     * A principal that may not use an endpoint at all is in {@link #READ_PATHS}.
     */
    static final Map<String, String[]> VISIBLE = new LinkedHashMap<>();

    static {
        //                                       MEDICATION  LAB_TEST  IMAGING  TISSUE_EXAM
        VISIBLE.put("DOCTOR", new String[] {"PSCW", "PSCW", "PSCW", "PSCW"});
        VISIBLE.put("NURSE", new String[] {"PSCW", "PSCW", "PSCW", "PSCW"});
        VISIBLE.put("ADMIN", new String[] {"PSCW", "PSCW", "PSCW", "PSCW"});
        VISIBLE.put("PHARMACIST", new String[] {"SC", "-", "-", "-"});
        VISIBLE.put("LAB_TECH", new String[] {"-", "SC", "-", "SC"});
        VISIBLE.put("RADIOGRAPHER", new String[] {"-", "-", "SC", "-"});
        VISIBLE.put("RADIOLOGIST", new String[] {"-", "-", "SC", "-"});
        VISIBLE.put("PHARMACIST of pulmonology", new String[] {"-", "-", "-", "-"});
        VISIBLE.put("ADMIN_STAFF", new String[] {"-", "-", "-", "-"});
        VISIBLE.put("PATIENT (own)", new String[] {"SC", "SC", "SC", "SC"});
        VISIBLE.put("PATIENT (another)", new String[] {"-", "-", "-", "-"});
    }

    /** Which read paths each principal may use at all (403 otherwise; the timeline is 404 for another patient). */
    static final Map<String, String> READ_PATHS = new LinkedHashMap<>();

    static {
        READ_PATHS.put("DOCTOR", "detail list worklist statistics timeline");
        READ_PATHS.put("NURSE", "detail list worklist statistics timeline");
        READ_PATHS.put("ADMIN", "detail list worklist statistics");
        READ_PATHS.put("PHARMACIST", "detail list worklist statistics timeline");
        READ_PATHS.put("LAB_TECH", "detail list worklist statistics");
        READ_PATHS.put("RADIOGRAPHER", "detail list worklist statistics");
        READ_PATHS.put("RADIOLOGIST", "detail list worklist statistics timeline");
        READ_PATHS.put("PHARMACIST of pulmonology", "detail list worklist statistics timeline");
        READ_PATHS.put("ADMIN_STAFF", "");
        READ_PATHS.put("PATIENT (own)", "timeline");
        READ_PATHS.put("PATIENT (another)", "");
    }

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    PatientSummaryView patient;
    Instant start;
    Instant end;
    /** order id → "TYPE/STATE" (state letter as in {@link #VISIBLE}). */
    final Map<String, String> orders = new LinkedHashMap<>();

    final Map<String, ApiClient> principals = new LinkedHashMap<>();

    @BeforeAll
    void ordersOfEveryTypeInEveryState() {
        start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        patient = testUsers.patient("접근행렬");
        ApiClient doctor = login(testUsers.staff(Role.DOCTOR, PULMONOLOGY).username());
        for (String type : TYPES) {
            for (String state : List.of("P", "S", "C", "W")) {
                String id = ok(doctor.post("/api/ocs/orders", order(type, state)), 201)
                        .at("/order/id")
                        .asString();
                if (!state.equals("P") && !state.equals("W")) {
                    ok(doctor.post("/api/ocs/orders/" + id + "/send", Map.of()), 200);
                }
                if (state.equals("W")) {
                    ok(doctor.delete("/api/ocs/orders/" + id), 200);
                }
                if (state.equals("C")) {
                    // the performer's own path (results, dispensing) is tested elsewhere; here only the state counts
                    jdbc.sql("UPDATE clinical_order SET status = 'COMPLETED', started_at = sent_at, "
                                    + "completed_at = sent_at WHERE id = :id")
                            .param("id", id)
                            .update();
                }
                orders.put(id, type + "/" + state);
            }
        }
        end = Instant.now().plusSeconds(1);

        UUID[] targets = TARGETS.toArray(UUID[]::new);
        principals.put("DOCTOR", login(testUsers.staff(Role.DOCTOR, PULMONOLOGY).username()));
        principals.put("NURSE", login(testUsers.staff(Role.NURSE, PULMONOLOGY).username()));
        principals.put("ADMIN", login(testUsers.staff(Role.ADMIN).username()));
        for (String role : List.of("PHARMACIST", "LAB_TECH", "RADIOGRAPHER", "RADIOLOGIST")) {
            principals.put(
                    role, login(testUsers.staff(Role.valueOf(role), targets).username()));
        }
        principals.put(
                "PHARMACIST of pulmonology",
                login(testUsers.staff(Role.PHARMACIST, PULMONOLOGY).username()));
        principals.put("ADMIN_STAFF", login(testUsers.staff(Role.ADMIN_STAFF).username()));
        principals.put("PATIENT (own)", login(testUsers.patientAccount(patient).username()));
        principals.put(
                "PATIENT (another)",
                login(testUsers.patientAccount(testUsers.patient("다른환자")).username()));
        assertThat(principals.keySet()).containsExactlyElementsOf(VISIBLE.keySet());
    }

    @Test
    void the_detail_answers_only_for_visible_orders() {
        List<String> wrong = new ArrayList<>();
        principals.forEach((who, api) -> orders.forEach((id, cell) -> {
            int status = api.get("/api/ocs/orders/" + id).status();
            int expected = !may(who, "detail") ? 403 : visible(who, cell) ? 200 : 404;
            if (status != expected) {
                wrong.add(who + " GET order " + cell + ": expected " + expected + ", got " + status);
            }
        }));
        assertThat(wrong).isEmpty();
    }

    /**
     * The order's message thread and the patient's recent labs beside it take the same decision as the detail: a
     * draft withdrawn before it was sent (CANCELLED, never sent) stays the prescriber's, so department staff get 404
     * there as on the detail (they once got it, deciding "sent" from the status).
     */
    @Test
    void the_message_thread_and_recent_labs_answer_only_for_visible_orders() {
        List<String> wrong = new ArrayList<>();
        principals.forEach((who, api) -> orders.forEach((id, cell) -> {
            int expected = !may(who, "detail") ? 403 : visible(who, cell) ? 200 : 404;
            for (String path : List.of("messages", "recent-labs")) {
                int status = api.get("/api/ocs/orders/" + id + "/" + path).status();
                if (status != expected) {
                    wrong.add(
                            who + " GET " + path + " of order " + cell + ": expected " + expected + ", got " + status);
                }
            }
        }));
        assertThat(wrong).isEmpty();
    }

    @Test
    void lists_show_exactly_the_visible_orders() {
        List<String> wrong = new ArrayList<>();
        principals.forEach((who, api) -> {
            var response = api.get("/api/ocs/orders?size=200&patientId=" + patient.id());
            if (!may(who, "list")) {
                expectStatus(wrong, who + " list", response, 403);
                return;
            }
            compare(wrong, who + " list", ids(ok(response, 200)), expected(who, "PSCW"));
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void worklists_show_the_visible_open_and_completed_orders_of_the_department() {
        List<String> wrong = new ArrayList<>();
        principals.forEach((who, api) -> {
            Set<String> seen = new TreeSet<>();
            for (UUID department : TARGETS) {
                var response =
                        api.get("/api/ocs/orders/worklist?includeCompleted=true&size=200&department=" + department);
                if (!may(who, "worklist")) {
                    expectStatus(wrong, who + " worklist", response, 403);
                    continue;
                }
                if (who.equals("PHARMACIST of pulmonology")) {
                    expectStatus(wrong, who + " worklist of another department", response, 403);
                    continue;
                }
                seen.addAll(ids(ok(response, 200)));
            }
            if (may(who, "worklist")) {
                compare(wrong, who + " worklists", seen, expected(who, "SC"));
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void statistics_count_exactly_the_visible_orders() {
        List<String> wrong = new ArrayList<>();
        String period = "from=" + start + "&to=" + end;
        principals.forEach((who, api) -> {
            var response = api.get("/api/ocs/orders/statistics?" + period);
            if (!may(who, "statistics")) {
                expectStatus(wrong, who + " statistics", response, 403);
                return;
            }
            JsonNode stats = ok(response, 200);
            // the whole period is this class's (other classes' orders may fall into it): compare with the list
            JsonNode all = ok(api.get("/api/ocs/orders?size=1&" + period), 200);
            long listed = all.at("/page/totalElements").asLong();
            if (stats.get("total").asLong() != listed) {
                wrong.add(who + " statistics total " + stats.get("total") + " but the list has " + listed);
            }
            Map<String, Long> ours = new LinkedHashMap<>();
            for (String cell : expected(who, "PSCW").stream().map(orders::get).toList()) {
                ours.merge(cell.substring(0, cell.indexOf('/')), 1L, Long::sum);
            }
            for (String type : TYPES) {
                long counted = stats.at("/byType/" + type).asLong(0);
                long mine = ours.getOrDefault(type, 0L);
                if (mine > 0 ? counted < mine : counted > 0 && !careTeam(who)) {
                    wrong.add(who + " statistics byType " + type + " = " + counted + ", visible here " + mine);
                }
            }
            if (!careTeam(who) && stats.at("/byStatus/PENDING").asLong(0) > 0) {
                wrong.add(who + " statistics count drafts");
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void the_patient_timeline_shows_exactly_the_visible_orders_and_results() {
        List<String> wrong = new ArrayList<>();
        principals.forEach((who, api) -> {
            var response = api.get("/api/patients/" + patient.id() + "/timeline?types=ORDER,RESULT&size=100");
            if (who.equals("PATIENT (another)")) {
                expectStatus(wrong, who + " timeline", response, 404);
                return;
            }
            if (!may(who, "timeline")) {
                expectStatus(wrong, who + " timeline", response, 403);
                return;
            }
            JsonNode page = ok(response, 200);
            Set<String> ordered = new TreeSet<>();
            Set<String> results = new TreeSet<>();
            page.get("content")
                    .forEach(e -> (e.get("type").asString().equals("ORDER") ? ordered : results)
                            .add(e.get("id").asString()));
            compare(wrong, who + " timeline ORDER", ordered, expected(who, "PSCW"));
            Set<String> completedNotMedication = new TreeSet<>(expected(who, "C"));
            completedNotMedication.removeIf(id -> orders.get(id).startsWith("MEDICATION/"));
            compare(wrong, who + " timeline RESULT", results, completedNotMedication);
            long total = page.at("/page/totalElements").asLong();
            if (total != ordered.size() + results.size()) {
                wrong.add(who + " timeline counts " + total + " entries, shows " + (ordered.size() + results.size()));
            }
        });
        assertThat(wrong).isEmpty();
    }

    // --- the matrix ---

    private boolean visible(String who, String cell) {
        String type = cell.substring(0, cell.indexOf('/'));
        String state = cell.substring(cell.indexOf('/') + 1);
        return VISIBLE.get(who)[TYPES.indexOf(type)].contains(state);
    }

    /** This class's orders visible to the principal, among those in the given states. */
    private Set<String> expected(String who, String states) {
        Set<String> ids = new TreeSet<>();
        orders.forEach((id, cell) -> {
            if (visible(who, cell) && states.contains(cell.substring(cell.indexOf('/') + 1))) {
                ids.add(id);
            }
        });
        return ids;
    }

    private static boolean may(String who, String path) {
        return List.of(READ_PATHS.get(who).split(" ")).contains(path);
    }

    private static boolean careTeam(String who) {
        return Set.of("DOCTOR", "NURSE", "ADMIN").contains(who);
    }

    private void compare(List<String> wrong, String what, Set<String> seen, Set<String> expected) {
        Set<String> ours = new HashSet<>(seen);
        ours.retainAll(orders.keySet());
        if (!ours.equals(expected)) {
            Set<String> extra = new TreeSet<>(ours);
            extra.removeAll(expected);
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(ours);
            wrong.add(what + ": shows " + extra.stream().map(orders::get).toList() + " it must not, misses "
                    + missing.stream().map(orders::get).toList());
        }
    }

    private static void expectStatus(List<String> wrong, String what, ApiClient.Response response, int status) {
        if (response.status() != status) {
            wrong.add(what + ": expected " + status + ", got " + response.status());
        }
    }

    private static Set<String> ids(JsonNode page) {
        return new TreeSet<>(page.at("/content").findValuesAsString("id"));
    }

    /** An order of the type; medications of a drug per state, so that no safety rule stands in the way of sending. */
    private Map<String, Object> order(String type, String state) {
        Map<String, Object[]> drugs = Map.of(
                "P",
                new Object[] {"DB01060", 500},
                "S",
                new Object[] {"DB00641", 20},
                "C",
                new Object[] {"DB00316", 500},
                "W",
                new Object[] {"DB00682", 5});
        return switch (type) {
            case "MEDICATION" ->
                Map.of(
                        "patientId",
                        patient.id(),
                        "type",
                        type,
                        "priority",
                        "ROUTINE",
                        "medication",
                        Map.of(
                                "drugId",
                                drugs.get(state)[0],
                                "dose",
                                drugs.get(state)[1],
                                "doseUnit",
                                "mg",
                                "route",
                                "PO",
                                "frequency",
                                "QD",
                                "durationDays",
                                7,
                                "quantity",
                                7));
            case "LAB_TEST" ->
                Map.of(
                        "patientId",
                        patient.id(),
                        "type",
                        type,
                        "priority",
                        "ROUTINE",
                        "labTest",
                        Map.of("testCode", "CBC"));
            case "IMAGING" ->
                Map.of(
                        "patientId",
                        patient.id(),
                        "type",
                        type,
                        "priority",
                        "ROUTINE",
                        "indication",
                        "Cough",
                        "imaging",
                        Map.of(
                                "modality",
                                "CR",
                                "bodyPart",
                                "Chest",
                                "laterality",
                                "NOT_APPLICABLE",
                                "contrast",
                                false));
            case "TISSUE_EXAM" ->
                Map.of(
                        "patientId",
                        patient.id(),
                        "type",
                        type,
                        "priority",
                        "ROUTINE",
                        "tissueExam",
                        Map.of("specimen", "Biopsy", "site", "Lung", "clinicalQuestion", "Malignancy?"));
            default -> throw new IllegalArgumentException(type);
        };
    }

    private ApiClient login(String username) {
        ApiClient api = new ApiClient(port);
        assertThat(api.login(username, TestUsers.PASSWORD).status()).isEqualTo(200);
        return api;
    }

    private static JsonNode ok(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.json();
    }
}
