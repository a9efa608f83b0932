package org.cdss.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.cdss.patients.PatientSummaryView;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every path the application serves × every role (and nobody logged in), written out literally below; the production
 * role sets are deliberately not imported, so that a change to them shows up here as a failure to look at.
 *
 * <p>The served paths are discovered from every request-mapping handler mapping of the running application (the
 * controllers, springdoc, the actuator endpoints): a path missing from {@link #MATRIX} fails, and so does a row
 * whose path is no longer served. A cell is checked by calling the endpoint (unknown ids, an empty JSON body):
 * <ul>
 * <li>allowed: the call succeeded (2xx; 3xx for the Swagger UI's redirect) or was refused on its content — 400
 * (validation), 404 for an unknown id (only where the path has an id), 409 or 422 — and never 5xx;</li>
 * <li>denied: 403 for a logged-in role, 401 for nobody logged in.</li>
 * </ul>
 * The per-patient cells ({@link #patient_data_of_another_patient_is_404}) use real data of two patients.
 *
 * <p>To add an endpoint: add its row to {@link #MATRIX} — {@code row("METHOD /path/{id}", WHO)}, with WHO one of the
 * groups below or the role names separated by spaces ({@code ANONYMOUS} for public endpoints).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleEndpointMatrixIntegrationTests {

    // --- who: role names as the API writes them ---
    static final String ROLES = "DOCTOR NURSE PHARMACIST LAB_TECH RADIOGRAPHER RADIOLOGIST ADMIN_STAFF ADMIN PATIENT";
    /** Public: anyone, logged in or not. */
    static final String ANONYMOUS = "anonymous " + ROLES;

    static final String LOGGED_IN = ROLES;
    static final String STAFF = "DOCTOR NURSE PHARMACIST LAB_TECH RADIOGRAPHER RADIOLOGIST ADMIN_STAFF ADMIN";
    static final String ADMIN = "ADMIN";
    static final String DOCTOR = "DOCTOR";
    static final String REGISTRY = "DOCTOR NURSE PHARMACIST LAB_TECH RADIOGRAPHER RADIOLOGIST ADMIN_STAFF";
    static final String REGISTRY_AND_PATIENT = REGISTRY + " PATIENT";
    static final String PRESCRIBING = "DOCTOR NURSE PHARMACIST";
    static final String CLINICAL = "DOCTOR NURSE PHARMACIST LAB_TECH RADIOGRAPHER RADIOLOGIST";
    static final String CHART = "DOCTOR NURSE PHARMACIST RADIOLOGIST PATIENT";
    static final String ORDER_READERS = "DOCTOR NURSE PHARMACIST LAB_TECH RADIOGRAPHER RADIOLOGIST ADMIN";
    static final String PERFORMERS = "PHARMACIST LAB_TECH RADIOGRAPHER RADIOLOGIST";
    static final String AI_RUNNERS = "DOCTOR NURSE";
    static final String IMAGING_VIEWERS = "DOCTOR NURSE RADIOGRAPHER RADIOLOGIST PATIENT";
    static final String IMAGING_UPLOADERS = "DOCTOR RADIOGRAPHER RADIOLOGIST";

    /** Endpoint → who may call it. */
    static final Map<String, String> MATRIX = new LinkedHashMap<>();

    static {
        // identity: login, session, own account
        row("GET /api/auth/csrf", ANONYMOUS);
        row("POST /api/auth/login", ANONYMOUS);
        row("POST /api/auth/register", ANONYMOUS);
        row("POST /api/auth/logout", ANONYMOUS); // see logout_ends_the_session
        row("GET /api/me", LOGGED_IN);
        row("POST /api/me/password", LOGGED_IN);
        row("GET /api/home", LOGGED_IN);
        row("GET /api/departments", LOGGED_IN);
        row("GET /api/doctors", LOGGED_IN);
        // identity: administration
        row("GET /api/admin/users", ADMIN);
        row("POST /api/admin/users", ADMIN);
        row("GET /api/admin/users/{id}", ADMIN);
        row("PUT /api/admin/users/{id}", ADMIN);
        row("POST /api/admin/users/{id}/deactivate", ADMIN);
        row("POST /api/admin/users/{id}/activate", ADMIN);
        row("POST /api/admin/users/{id}/unlock", ADMIN);
        row("POST /api/admin/users/{id}/reset-password", ADMIN);
        row("GET /api/admin/audit", ADMIN);
        row("GET /api/admin/audit/actions", ADMIN);
        // patients: registry and clinical lists
        row("GET /api/patients", REGISTRY);
        row("POST /api/patients", "ADMIN_STAFF DOCTOR NURSE");
        row("GET /api/patients/{id}", REGISTRY_AND_PATIENT);
        row("PUT /api/patients/{id}", "ADMIN_STAFF DOCTOR NURSE");
        row("POST /api/patients/{id}/inactivate", "ADMIN_STAFF DOCTOR");
        row("POST /api/patients/{id}/rrn/reveal", "ADMIN_STAFF ADMIN");
        row("POST /api/patients/{id}/portal-activation-code", "ADMIN_STAFF ADMIN");
        row("GET /api/patients/{id}/history", REGISTRY);
        row("POST /api/patients/duplicates/check", "ADMIN_STAFF DOCTOR NURSE");
        row("POST /api/patients/{id}/allergies/none-confirmed", "DOCTOR NURSE PHARMACIST");
        row("GET /api/patients/{id}/merged", REGISTRY);
        row("GET /api/admin/patient-duplicates", ADMIN);
        row("POST /api/admin/patient-duplicates/merge", ADMIN);
        row("GET /api/admin/patients", ADMIN);
        row("GET /api/admin/patients/{id}", ADMIN);
        row("GET /api/patients/{id}/allergies", CLINICAL + " PATIENT");
        row("GET /api/patients/{id}/medications", CHART);
        row("GET /api/patients/{id}/problems", CHART);
        for (String list : List.of("allergies", "medications", "problems")) {
            row("POST /api/patients/{id}/" + list, PRESCRIBING);
            row("POST /api/patients/{id}/" + list + "/{itemId}/inactivate", PRESCRIBING);
        }
        // scheduling
        row("GET /api/appointments", REGISTRY_AND_PATIENT);
        row("POST /api/appointments", "ADMIN_STAFF DOCTOR PATIENT");
        row("GET /api/appointments/{id}", REGISTRY_AND_PATIENT);
        row("POST /api/appointments/{id}/check-in", "ADMIN_STAFF NURSE DOCTOR");
        row("POST /api/appointments/{id}/no-show", "ADMIN_STAFF NURSE DOCTOR");
        row("POST /api/appointments/{id}/start", DOCTOR);
        row("POST /api/appointments/{id}/complete", DOCTOR);
        row("POST /api/appointments/{id}/cancel", "ADMIN_STAFF DOCTOR NURSE PATIENT");
        row("GET /api/appointments/queue", REGISTRY);
        row("GET /api/appointments/slots", REGISTRY_AND_PATIENT);
        row("GET /api/appointments/schedules", REGISTRY);
        row("POST /api/appointments/schedules", "ADMIN_STAFF ADMIN");
        row("GET /api/dashboard/appointments", REGISTRY);
        // records
        row("GET /api/patients/{id}/encounters", REGISTRY_AND_PATIENT);
        row("POST /api/patients/{id}/encounters", "DOCTOR NURSE");
        row("GET /api/patients/{id}/timeline", CHART);
        row("GET /api/patients/{id}/weight", CHART);
        row("GET /api/encounters/{id}", CHART);
        row("POST /api/encounters/{id}/finish", DOCTOR);
        row("POST /api/encounters/{id}/void", DOCTOR);
        row("POST /api/encounters/{id}/notes", DOCTOR);
        row("PUT /api/encounters/{id}/notes/{noteId}", DOCTOR);
        row("GET /api/encounters/{id}/notes/{noteId}/versions", CHART);
        row("POST /api/encounters/{id}/vitals", "DOCTOR NURSE");
        row("POST /api/encounters/{id}/diagnoses", DOCTOR);
        row("GET /api/encounters/{id}/note-draft", DOCTOR);
        row("PUT /api/encounters/{id}/note-draft", DOCTOR);
        row("DELETE /api/encounters/{id}/note-draft", DOCTOR);
        // notifications: the live stream (SSE) for everyone logged in, the stored ones for staff
        row("GET /api/notifications/stream", LOGGED_IN);
        row("GET /api/notifications", STAFF);
        row("GET /api/notifications/unread-count", STAFF);
        row("POST /api/notifications/{id}/read", STAFF);
        row("POST /api/notifications/read-all", STAFF);
        // medication safety and the knowledge base
        row("POST /api/medsafety/check", PRESCRIBING);
        row("GET /api/medsafety/drugs", "DOCTOR NURSE PHARMACIST ADMIN");
        row("GET /api/medsafety/kb", STAFF);
        row("GET /api/medsafety/kb/reference-set", STAFF);
        row("GET /api/medsafety/ingredients", STAFF);
        row("GET /api/medsafety/ingredients/{drugbankId}", STAFF);
        row("POST /api/medsafety/decisions", PRESCRIBING);
        row("GET /api/admin/medsafety/override-stats", ADMIN);
        // CDS Hooks: discovery is public; the services take a session of a prescriber (or a CDS Hooks JWT)
        row("GET /cds-services", ANONYMOUS);
        // SMART on FHIR discovery of the authorization server (ADR 0044): public, it holds no data
        row("GET /.well-known/smart-configuration", ANONYMOUS);
        // the consent page of a SMART app launch (ADR 0048): staff signed in, like the authorization endpoint
        row("GET /oauth2/consent", STAFF);
        row("POST /cds-services/{id}", PRESCRIBING);
        row("POST /cds-services/{id}/feedback", PRESCRIBING);
        // orders (OCS)
        row("GET /api/ocs/orders", ORDER_READERS);
        row("POST /api/ocs/orders", DOCTOR);
        row("GET /api/ocs/orders/mine", DOCTOR);
        row("GET /api/ocs/orders/worklist", ORDER_READERS);
        row("GET /api/ocs/orders/statistics", ORDER_READERS);
        row("GET /api/ocs/orders/{id}", ORDER_READERS);
        row("PUT /api/ocs/orders/{id}", DOCTOR);
        row("DELETE /api/ocs/orders/{id}", DOCTOR);
        row("POST /api/ocs/orders/{id}/send", DOCTOR);
        row("POST /api/ocs/orders/{id}/cancel", DOCTOR);
        row("POST /api/ocs/orders/{id}/revise", DOCTOR);
        row("POST /api/ocs/orders/{id}/start", PERFORMERS);
        row("POST /api/ocs/orders/{id}/complete", PERFORMERS);
        row("POST /api/ocs/orders/{id}/revalidate", "DOCTOR PHARMACIST");
        row("POST /api/ocs/orders/{id}/return", PERFORMERS);
        row("GET /api/ocs/orders/{id}/messages", ORDER_READERS);
        row("GET /api/ocs/orders/{id}/recent-labs", ORDER_READERS);
        row("POST /api/ocs/orders/{id}/messages", "DOCTOR " + PERFORMERS);
        row("GET /api/ocs/lab-tests", ORDER_READERS);
        row("GET /api/admin/ocs/routing", ADMIN);
        row("PUT /api/admin/ocs/routing/{type}", ADMIN);
        row("GET /api/ocs/favourites", DOCTOR);
        row("POST /api/ocs/favourites", DOCTOR);
        row("PUT /api/ocs/favourites/{id}/label", DOCTOR);
        row("DELETE /api/ocs/favourites/{id}", DOCTOR);
        row("GET /api/ocs/order-sets", DOCTOR);
        row("GET /api/admin/ocs/order-sets", ADMIN);
        row("POST /api/admin/ocs/order-sets", ADMIN);
        row("PUT /api/admin/ocs/order-sets/{id}", ADMIN);
        row("DELETE /api/admin/ocs/order-sets/{id}", ADMIN);
        // knowledge hub: evidence for all staff (no patient data), documents uploaded by their authors
        row("GET /api/knowledge/pubmed/search", STAFF);
        row("GET /api/knowledge/pubmed/articles/{pmid}", STAFF);
        row("GET /api/knowledge/documents", STAFF);
        row("POST /api/knowledge/documents", "DOCTOR PHARMACIST ADMIN");
        row("GET /api/knowledge/documents/{id}", STAFF);
        row("POST /api/knowledge/documents/{id}/versions", "DOCTOR PHARMACIST ADMIN");
        row("GET /api/knowledge/documents/{id}/versions/{version}/content", STAFF);
        row("GET /api/knowledge/feeds", STAFF);
        row("GET /api/knowledge/feeds/items", STAFF);
        row("POST /api/knowledge/feeds/items/{id}/read", STAFF);
        row("GET /api/admin/knowledge/feeds", ADMIN);
        row("POST /api/admin/knowledge/feeds", ADMIN);
        row("POST /api/admin/knowledge/feeds/{id}/refresh", ADMIN);
        row("POST /api/admin/knowledge/feeds/{id}/deactivate", ADMIN);
        row("GET /api/knowledge/evidence", STAFF);
        row("GET /api/knowledge/saved-articles", STAFF);
        row("PUT /api/knowledge/saved-articles/{pmid}", STAFF);
        row("DELETE /api/knowledge/saved-articles/{pmid}", STAFF);
        // AI (issue 12): cards for staff; running models, suggestions and jobs for doctors and nurses
        row("GET /api/ai/models", STAFF);
        row("GET /api/ai/models/{id}", STAFF);
        row("GET /api/ai/models/{id}/dashboard", "DOCTOR NURSE ADMIN");
        row("GET /api/ai/lung-risk/statistics", "DOCTOR NURSE ADMIN");
        row("GET /api/ai/lung-risk/prefill", AI_RUNNERS);
        row("POST /api/ai/lung-risk/predict", AI_RUNNERS);
        row("POST /api/ai/lung-risk/batch", AI_RUNNERS);
        row("GET /api/ai/suggestions", AI_RUNNERS);
        row("GET /api/ai/suggestions/{id}", AI_RUNNERS);
        row("POST /api/ai/suggestions/{id}/decision", AI_RUNNERS);
        row("GET /api/ai/jobs", AI_RUNNERS);
        row("GET /api/ai/jobs/{id}", AI_RUNNERS);
        row("POST /api/ai/jobs/{id}/cancel", AI_RUNNERS);
        // RIS (issue 11): reading for radiology staff, writing for radiologists, reports read by whom the service
        // decides (radiology, the ordering doctor's department, administrators, the patient for their own)
        row("GET /api/ris/worklist", "RADIOLOGIST RADIOGRAPHER");
        row("GET /api/ris/orders/{orderId}", "RADIOLOGIST RADIOGRAPHER");
        row("GET /api/ris/reports", "DOCTOR NURSE RADIOGRAPHER RADIOLOGIST ADMIN");
        row("POST /api/ris/reports", "RADIOLOGIST");
        row("GET /api/ris/reports/{id}", "DOCTOR NURSE RADIOGRAPHER RADIOLOGIST ADMIN PATIENT");
        row("POST /api/ris/reports/{id}/sign", "RADIOLOGIST");
        row("POST /api/ris/reports/{id}/addenda", "RADIOLOGIST");
        row("POST /api/ris/reports/{id}/key-images", "RADIOLOGIST");
        row("DELETE /api/ris/reports/{id}/key-images/{keyImageId}", "RADIOLOGIST");
        row("GET /api/ris/reports/{id}/pdf", "DOCTOR NURSE RADIOGRAPHER RADIOLOGIST ADMIN PATIENT");
        row("GET /api/ris/portal/reports", "PATIENT");
        // API documentation (springdoc)
        row("GET /v3/api-docs", ADMIN);
        row("GET /v3/api-docs.yaml", ADMIN);
        row("GET /v3/api-docs/swagger-config", ADMIN);
        row("GET /swagger-ui.html", ADMIN);
        // imaging (PACS, issue 11)
        row("POST /api/imaging/uploads", IMAGING_UPLOADERS);
        row("GET /api/imaging/studies", IMAGING_VIEWERS);
        row("GET /api/imaging/studies/unlinked", IMAGING_UPLOADERS);
        row("GET /api/imaging/studies/{id}", IMAGING_VIEWERS);
        row("POST /api/imaging/studies/{id}/link", IMAGING_UPLOADERS);
        row("GET /api/imaging/studies/{id}/series/{seriesUid}/instances/{index}/preview", IMAGING_VIEWERS);
        row("GET /api/imaging/studies/{id}/series/{seriesUid}/images/{sopUid}/preview", IMAGING_VIEWERS);
        row("GET /api/imaging/studies/{id}/download", IMAGING_VIEWERS);
        row("GET /api/imaging/studies/{id}/dicomweb/series/{seriesUid}/metadata", IMAGING_VIEWERS);
        row("POST /api/imaging/volumes", IMAGING_UPLOADERS);
        row("GET /api/imaging/reconciliation", "RADIOGRAPHER RADIOLOGIST");
        row("GET /api/imaging/volumes", IMAGING_VIEWERS);
        row("GET /api/imaging/volumes/{id}/file", IMAGING_VIEWERS);
        row(
                "GET /api/imaging/studies/{id}/dicomweb/series/{seriesUid}/instances/{sopUid}/frames/{frame}",
                IMAGING_VIEWERS);
        row("GET /api/imaging/orders/{orderId}/accession", "DOCTOR NURSE RADIOGRAPHER RADIOLOGIST");
        row("GET /swagger-ui/index.html", ADMIN);
        // actuator: health and info for probes, the rest for administrators
        row("GET /actuator", ADMIN);
        row("GET /actuator/health", ANONYMOUS);
        row("GET /actuator/health/**", ANONYMOUS);
        row("GET /actuator/info", ANONYMOUS);
        row("GET /actuator/prometheus", ADMIN);
        row("GET /actuator/metrics", ADMIN);
        row("GET /actuator/metrics/{requiredMetricName}", ADMIN);
    }

    // --- per-patient cells: who asks for which of patient A's data, and the answer ---
    // Patient A and B have accounts; A has an allergy, an encounter and a sent lab order, whose notification went to
    // the laboratory's technician. {A}, {encounter}, {order}, {notification} are that data's ids. A refusal because of
    // whose data it is is 404 (its existence does not leak); a role that may not use the endpoint at all is 403
    // whatever the id.
    static final List<String[]> PER_PATIENT = new ArrayList<>();

    static {
        //   who                         request                                  answer
        cell("patient A", "GET /api/patients/{A}", 200);
        cell("patient B", "GET /api/patients/{A}", 404);
        cell("patient A", "GET /api/patients/{A}/allergies", 200);
        cell("patient B", "GET /api/patients/{A}/allergies", 404);
        cell("patient B", "GET /api/patients/{A}/medications", 404);
        cell("patient B", "GET /api/patients/{A}/problems", 404);
        cell("patient A", "GET /api/patients/{A}/encounters", 200);
        cell("patient B", "GET /api/patients/{A}/encounters", 404);
        cell("patient A", "GET /api/encounters/{encounter}", 200);
        cell("patient B", "GET /api/encounters/{encounter}", 404);
        cell("patient A", "GET /api/patients/{A}/timeline", 200);
        cell("patient B", "GET /api/patients/{A}/timeline", 404);
        cell("patient B", "GET /api/ocs/orders/{order}", 403);
        cell("patient B", "POST /api/notifications/{notification}/read", 403);
        cell("lab tech of laboratory", "GET /api/ocs/orders/{order}", 200);
        cell("pharmacist of pharmacy", "GET /api/ocs/orders/{order}", 404);
        cell("radiographer of radiology", "GET /api/ocs/orders/{order}", 404);
        cell("pharmacist of pharmacy", "POST /api/ocs/orders/{order}/start", 404);
        cell("nurse", "POST /api/notifications/{notification}/read", 404);
        cell("lab tech of laboratory", "POST /api/notifications/{notification}/read", 204);
    }

    static void cell(String who, String request, int answer) {
        PER_PATIENT.add(new String[] {who, request, Integer.toString(answer)});
    }

    /** Rows that no handler mapping lists (static resources), and served paths that are not endpoints. */
    static final Set<String> NOT_DISCOVERED = Set.of(
            "GET /swagger-ui/index.html", // a static resource
            "POST /api/auth/logout"); // answered by the security filter chain

    static final Set<String> NOT_ENDPOINTS =
            Set.of("* /error"); // the container's error page, rendered for failed requests (problem+json for /api)

    /** Path variables that are not ids: what to put in their place. */
    static final Map<String, String> PLACEHOLDERS = Map.of(
            "**",
            "readiness",
            "{requiredMetricName}",
            "no.such.metric",
            "{type}",
            "NO_SUCH_TYPE",
            "{drugbankId}",
            "DB99999",
            "{seriesUid}",
            "1.2.3",
            "{index}",
            "0",
            "{sopUid}",
            "1.2.3.4",
            "{frame}",
            "1");

    static void row(String endpoint, String who) {
        if (MATRIX.put(endpoint, who) != null) {
            throw new IllegalStateException("twice in the matrix: " + endpoint);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    ApplicationContext context;

    final Map<String, ApiClient> sessions = new LinkedHashMap<>();

    @BeforeAll
    void loginAsEveryRole() {
        for (String role : ROLES.split(" ")) {
            String username = role.equals("PATIENT")
                    ? testUsers.patientAccount(testUsers.patient("매트릭스")).username()
                    : testUsers.staff(role).username();
            sessions.put(role, login(username));
        }
    }

    @Test
    void every_served_path_is_in_the_matrix_and_every_row_is_served() {
        Set<String> served = served();
        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(MATRIX.keySet());
        missing.removeAll(NOT_ENDPOINTS);
        assertThat(missing).as("served but not in the matrix").isEmpty();
        Set<String> stale = new TreeSet<>(MATRIX.keySet());
        stale.removeAll(served);
        stale.removeAll(NOT_DISCOVERED);
        assertThat(stale).as("in the matrix but not served").isEmpty();
    }

    @Test
    void the_matrix_knows_every_role() {
        JsonNode roles = ok(sessions.get("ADMIN").get("/v3/api-docs"), 200)
                .at("/components/schemas/MeView/properties/roles/items/enum");
        List<String> documented = new ArrayList<>();
        roles.forEach(r -> documented.add(r.asString()));
        assertThat(documented).containsExactlyInAnyOrder(ROLES.split(" "));
    }

    @Test
    void every_role_gets_exactly_the_access_the_matrix_says() {
        List<String> wrong = new ArrayList<>();
        for (var entry : MATRIX.entrySet()) {
            String endpoint = entry.getKey();
            if (endpoint.equals("POST /api/auth/logout")) {
                continue; // ends the session: checked below with throw-away sessions
            }
            Set<String> who = Set.of(entry.getValue().split(" "));
            check(wrong, endpoint, "anonymous", who.contains("anonymous"), new ApiClient(port), 401);
            for (String role : ROLES.split(" ")) {
                check(wrong, endpoint, role, who.contains(role), sessions.get(role), 403);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void logout_ends_the_session() {
        ApiClient someone = login(testUsers.staff("NURSE").username());
        assertThat(someone.logout().status()).isEqualTo(204);
        assertThat(someone.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void patient_data_of_another_patient_is_404() {
        UUID laboratory = UUID.fromString("0d1f0000-0000-4000-8000-000000000007");
        Map<String, ApiClient> who = new LinkedHashMap<>();
        PatientSummaryView a = testUsers.patient("환자가");
        PatientSummaryView b = testUsers.patient("환자나");
        who.put("patient A", login(testUsers.patientAccount(a).username()));
        who.put("patient B", login(testUsers.patientAccount(b).username()));
        who.put(
                "lab tech of laboratory",
                login(testUsers.staff("LAB_TECH", laboratory).username()));
        who.put(
                "pharmacist of pharmacy",
                login(testUsers
                        .staff("PHARMACIST", UUID.fromString("0d1f0000-0000-4000-8000-000000000006"))
                        .username()));
        who.put(
                "radiographer of radiology",
                login(testUsers
                        .staff("RADIOGRAPHER", UUID.fromString("0d1f0000-0000-4000-8000-000000000004"))
                        .username()));
        who.put("nurse", login(testUsers.staff("NURSE").username()));
        ApiClient doctor = login(testUsers
                .staff("DOCTOR", UUID.fromString("0d1f0000-0000-4000-8000-000000000002"))
                .username());

        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("{A}", a.id().toString());
        ok(
                doctor.post(
                        "/api/patients/" + a.id() + "/allergies",
                        Map.of("substance", "Penicillin", "severity", "SEVERE")),
                201);
        ids.put(
                "{encounter}",
                ok(
                                doctor.post(
                                        "/api/patients/" + a.id() + "/encounters",
                                        Map.of("departmentId", "0d1f0000-0000-4000-8000-000000000002")),
                                201)
                        .at("/encounter/id")
                        .asString());
        String order = ok(
                        doctor.post(
                                "/api/ocs/orders",
                                Map.of(
                                        "patientId",
                                        a.id(),
                                        "type",
                                        "LAB_TEST",
                                        "priority",
                                        "ROUTINE",
                                        "labTest",
                                        Map.of("testCode", "CBC"))),
                        201)
                .at("/order/id")
                .asString();
        ok(doctor.post("/api/ocs/orders/" + order + "/send", Map.of()), 200);
        ids.put("{order}", order);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> {
                    JsonNode inbox = ok(who.get("lab tech of laboratory").get("/api/notifications"), 200);
                    List<String> mine = new ArrayList<>();
                    inbox.get("content").forEach(n -> {
                        if (n.get("subjectId").asString().equals(order)) {
                            mine.add(n.get("id").asString());
                        }
                    });
                    assertThat(mine).isNotEmpty();
                    ids.put("{notification}", mine.getFirst());
                });
        // the patient's own timeline shows the sent order: the 404 of patient B hides something that is there
        assertThat(ok(who.get("patient A").get("/api/patients/" + a.id() + "/timeline?types=ORDER"), 200)
                        .at("/content")
                        .findValuesAsString("id"))
                .contains(order);

        List<String> wrong = new ArrayList<>();
        for (String[] cell : PER_PATIENT) {
            String method = cell[1].substring(0, cell[1].indexOf(' '));
            String path = cell[1].substring(cell[1].indexOf(' ') + 1);
            for (var id : ids.entrySet()) {
                path = path.replace(id.getKey(), id.getValue());
            }
            int status = call(who.get(cell[0]), method, path);
            if (status != Integer.parseInt(cell[2])) {
                wrong.add(cell[0] + " " + cell[1] + ": expected " + cell[2] + ", got " + status);
            }
        }
        assertThat(wrong).isEmpty();
    }

    // --- the calls ---

    private void check(
            List<String> wrong, String endpoint, String who, boolean allowed, ApiClient api, int deniedStatus) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
        String path = concrete(pattern);
        int status = call(api, method, path);
        if (allowed && !answered(status, pattern)) {
            wrong.add(endpoint + " as " + who + ": expected allowed (2xx, 400, 404 for an unknown id, 409, 422), got "
                    + status);
        }
        if (!allowed && status != deniedStatus) {
            wrong.add(endpoint + " as " + who + ": expected " + deniedStatus + ", got " + status);
        }
    }

    /** Success or a refusal on the content; never an error of the server, never a refusal of the caller. */
    private static boolean answered(int status, String pattern) {
        if (status >= 200 && status < 300) {
            return true;
        }
        if (status >= 300 && status < 400) {
            return !pattern.startsWith("/api/"); // the Swagger UI's welcome page redirects to the UI
        }
        return status == 400 || status == 409 || status == 422 || (status == 404 && pattern.contains("{"));
    }

    private static String concrete(String pattern) {
        String path = pattern;
        for (var p : PLACEHOLDERS.entrySet()) {
            path = path.replace(p.getKey(), p.getValue());
        }
        return path.replaceAll("\\{\\w+}", UUID.randomUUID().toString());
    }

    private static int call(ApiClient api, String method, String path) {
        api.ensureCsrf();
        if (path.endsWith("/stream")) {
            return api.streamStatus(path);
        }
        return switch (method) {
            case "GET" -> api.get(path).status();
            case "POST" -> api.post(path, "{}").status();
            case "PUT" -> api.put(path, "{}").status();
            case "DELETE" -> api.delete(path).status();
            default -> throw new IllegalArgumentException(method);
        };
    }

    /** "METHOD /path" of every handler method of every request-mapping handler mapping ("*" for any method). */
    private Set<String> served() {
        Set<String> served = new TreeSet<>();
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()
                .forEach(mapping -> mapping.getHandlerMethods().keySet().forEach(info -> {
                    Set<String> paths = info.getPatternValues();
                    var methods = info.getMethodsCondition().getMethods();
                    for (String path : paths) {
                        if (methods.isEmpty()) {
                            served.add("* " + path);
                        }
                        methods.forEach(m -> served.add(m.name() + " " + path));
                    }
                }));
        return served;
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
