package org.cdss.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
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
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint × every role: allowed (anything but 401/403) or denied (403 for a logged-in role, 401 for nobody).
 * A new endpoint that is missing from {@link #EXPECTED} fails this test, so each module extends the matrix.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleEndpointMatrixIntegrationTests {

    /** Who may call what. {@code null} in a set stands for "not logged in". */
    static final Set<Role> ALL_ROLES = EnumSet.allOf(Role.class);
    static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);
    static final Set<Role> REGISTRY = Role.PATIENT_REGISTRY_READERS;
    static final Set<Role> REGISTRY_AND_PATIENT = union(Role.PATIENT_REGISTRY_READERS, EnumSet.of(Role.PATIENT));

    static final Set<Role> PRESCRIBING = EnumSet.of(Role.DOCTOR, Role.NURSE, Role.PHARMACIST);
    static final Set<Role> STAFF = EnumSet.complementOf(EnumSet.of(Role.PATIENT));

    static final Map<String, Access> EXPECTED = new LinkedHashMap<>();

    static {
        publicEndpoint("GET /api/auth/csrf");
        publicEndpoint("POST /api/auth/login");
        publicEndpoint("POST /api/auth/register");
        publicEndpoint("GET /actuator/health");
        publicEndpoint("POST /api/auth/logout"); // ends whatever session there is; see logout_ends_the_session
        roles("GET /api/me", ALL_ROLES);
        roles("POST /api/me/password", ALL_ROLES);
        roles("GET /api/home", ALL_ROLES);
        roles("GET /api/departments", ALL_ROLES);
        roles("GET /api/doctors", ALL_ROLES);
        roles("GET /api/patients", REGISTRY);
        roles("GET /api/patients/{id}", REGISTRY_AND_PATIENT);
        roles("POST /api/patients", EnumSet.of(Role.ADMIN_STAFF, Role.DOCTOR, Role.NURSE));
        roles("PUT /api/patients/{id}", EnumSet.of(Role.ADMIN_STAFF, Role.DOCTOR, Role.NURSE));
        roles("POST /api/patients/{id}/inactivate", EnumSet.of(Role.ADMIN_STAFF, Role.DOCTOR));
        roles("POST /api/patients/{id}/rrn/reveal", EnumSet.of(Role.ADMIN_STAFF, Role.ADMIN));
        roles("GET /api/patients/{id}/history", REGISTRY);
        for (String list : List.of("allergies", "medications", "problems")) {
            roles("GET /api/patients/{id}/" + list, REGISTRY_AND_PATIENT);
            roles("POST /api/patients/{id}/" + list, PRESCRIBING);
            roles("POST /api/patients/{id}/" + list + "/{itemId}/inactivate", PRESCRIBING);
        }
        roles("GET /api/appointments", REGISTRY_AND_PATIENT);
        roles("POST /api/appointments", EnumSet.of(Role.ADMIN_STAFF, Role.DOCTOR, Role.PATIENT));
        roles("GET /api/appointments/{id}", REGISTRY_AND_PATIENT);
        roles("POST /api/appointments/{id}/check-in", EnumSet.of(Role.ADMIN_STAFF, Role.NURSE, Role.DOCTOR));
        roles("POST /api/appointments/{id}/no-show", EnumSet.of(Role.ADMIN_STAFF, Role.NURSE, Role.DOCTOR));
        roles("POST /api/appointments/{id}/start", EnumSet.of(Role.DOCTOR));
        roles("POST /api/appointments/{id}/complete", EnumSet.of(Role.DOCTOR));
        roles("POST /api/appointments/{id}/cancel", EnumSet.of(Role.ADMIN_STAFF, Role.DOCTOR, Role.NURSE,
                Role.PATIENT));
        roles("GET /api/appointments/queue", REGISTRY);
        roles("GET /api/appointments/slots", REGISTRY_AND_PATIENT);
        roles("GET /api/appointments/schedules", REGISTRY);
        roles("POST /api/appointments/schedules", EnumSet.of(Role.ADMIN_STAFF, Role.ADMIN));
        roles("GET /api/dashboard/appointments", REGISTRY);
        // medical records (module records)
        Set<Role> chartReaders = EnumSet.of(Role.DOCTOR, Role.NURSE, Role.PHARMACIST, Role.RADIOLOGIST,
                Role.PATIENT);
        roles("GET /api/patients/{id}/encounters", REGISTRY_AND_PATIENT);
        roles("POST /api/patients/{id}/encounters", EnumSet.of(Role.DOCTOR, Role.NURSE));
        roles("GET /api/patients/{id}/timeline", chartReaders);
        roles("GET /api/encounters/{id}", chartReaders);
        roles("POST /api/encounters/{id}/finish", EnumSet.of(Role.DOCTOR));
        roles("POST /api/encounters/{id}/void", EnumSet.of(Role.DOCTOR));
        roles("POST /api/encounters/{id}/notes", EnumSet.of(Role.DOCTOR));
        roles("PUT /api/encounters/{id}/notes/{noteId}", EnumSet.of(Role.DOCTOR));
        roles("GET /api/encounters/{id}/notes/{noteId}/versions", chartReaders);
        roles("POST /api/encounters/{id}/vitals", EnumSet.of(Role.DOCTOR, Role.NURSE));
        roles("POST /api/encounters/{id}/diagnoses", EnumSet.of(Role.DOCTOR));
        roles("GET /api/notifications/stream", ALL_ROLES);
        // Notifications (issue 5): stored notifications are for staff; patients get none for now.
        roles("GET /api/notifications", STAFF);
        roles("GET /api/notifications/unread-count", STAFF);
        roles("POST /api/notifications/{id}/read", STAFF);
        roles("POST /api/notifications/read-all", STAFF);
        roles("GET /api/admin/users", ADMIN);
        roles("POST /api/admin/users", ADMIN);
        roles("GET /api/admin/users/{id}", ADMIN);
        roles("PUT /api/admin/users/{id}", ADMIN);
        roles("POST /api/admin/users/{id}/deactivate", ADMIN);
        roles("POST /api/admin/users/{id}/activate", ADMIN);
        roles("POST /api/admin/users/{id}/unlock", ADMIN);
        roles("POST /api/admin/users/{id}/reset-password", ADMIN);
        roles("GET /api/admin/audit", ADMIN);
        roles("GET /api/admin/audit/actions", ADMIN);
        roles("GET /v3/api-docs", ADMIN);
        roles("GET /swagger-ui/index.html", ADMIN);
        roles("GET /actuator/prometheus", ADMIN);
        roles("POST /api/medsafety/check", PRESCRIBING);
        roles("GET /api/medsafety/drugs", PRESCRIBING);
        roles("GET /api/medsafety/kb", STAFF);
        // KB browser (issue 4)
        roles("GET /api/medsafety/ingredients", STAFF);
        roles("GET /api/medsafety/ingredients/{drugbankId}", STAFF);
        roles("POST /api/medsafety/decisions", PRESCRIBING);
        roles("GET /api/admin/medsafety/override-stats", ADMIN);
        publicEndpoint("GET /cds-services"); // CDS Hooks discovery, read by EHRs before configuration
        // OCS (issue 5): doctors order, the target department performs, the care team and admins read
        Set<Role> orderReaders = EnumSet.of(Role.DOCTOR, Role.NURSE, Role.PHARMACIST, Role.LAB_TECH,
                Role.RADIOGRAPHER, Role.RADIOLOGIST, Role.ADMIN);
        Set<Role> performers = EnumSet.of(Role.PHARMACIST, Role.LAB_TECH, Role.RADIOGRAPHER, Role.RADIOLOGIST);
        Set<Role> doctor = EnumSet.of(Role.DOCTOR);
        roles("GET /api/ocs/orders", orderReaders);
        roles("POST /api/ocs/orders", doctor);
        roles("GET /api/ocs/orders/mine", doctor);
        roles("GET /api/ocs/orders/worklist", orderReaders);
        roles("GET /api/ocs/orders/statistics", orderReaders);
        roles("GET /api/ocs/orders/{id}", orderReaders);
        roles("PUT /api/ocs/orders/{id}", doctor);
        roles("DELETE /api/ocs/orders/{id}", doctor);
        roles("POST /api/ocs/orders/{id}/send", doctor);
        roles("POST /api/ocs/orders/{id}/cancel", doctor);
        roles("POST /api/ocs/orders/{id}/revise", doctor);
        roles("POST /api/ocs/orders/{id}/start", performers);
        roles("POST /api/ocs/orders/{id}/complete", performers);
        roles("POST /api/ocs/orders/{id}/revalidate", EnumSet.of(Role.DOCTOR, Role.PHARMACIST));
        roles("GET /api/ocs/lab-tests", orderReaders);
        roles("GET /api/admin/ocs/routing", ADMIN);
        roles("PUT /api/admin/ocs/routing/{type}", ADMIN);
        // CDS Hooks services (issue 4): session auth for prescribers; EHRs use a CDS Hooks JWT instead
        roles("POST /cds-services/{id}", PRESCRIBING);
        roles("POST /cds-services/{id}/feedback", PRESCRIBING);
    }

    record Access(boolean anonymous, Set<Role> roles) {
    }

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final Map<Role, ApiClient> sessions = new EnumMap<>(Role.class);

    @BeforeAll
    void loginAsEveryRole() {
        for (Role role : Role.values()) {
            String username;
            if (role == Role.PATIENT) {
                PatientSummaryView patient = testUsers.patient("매트릭스");
                username = testUsers.patientAccount(patient).username();
            } else {
                username = testUsers.staff(role).username();
            }
            ApiClient api = new ApiClient(port);
            assertThat(api.login(username, TestUsers.PASSWORD).status()).isEqualTo(200);
            sessions.put(role, api);
        }
    }

    @Test
    void every_api_endpoint_is_in_the_matrix() {
        Set<String> discovered = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (info.getPathPatternsCondition() == null) {
                return;
            }
            for (String path : info.getPathPatternsCondition().getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                var methods = info.getMethodsCondition().getMethods();
                assertThat(methods).as("endpoint %s must name its HTTP method", path).isNotEmpty();
                methods.forEach(m -> discovered.add(m.name() + " " + path));
            }
        });
        assertThat(EXPECTED.keySet()).containsAll(discovered);
    }

    @Test
    void every_role_gets_exactly_the_access_the_matrix_says() {
        List<String> wrong = new ArrayList<>();
        for (var entry : EXPECTED.entrySet()) {
            if (entry.getKey().equals("POST /api/auth/logout")) {
                continue; // ends the session: checked below with throw-away sessions
            }
            String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            String path = entry.getKey().substring(entry.getKey().indexOf(' ') + 1)
                    .replaceAll("\\{\\w+}", UUID.randomUUID().toString());
            int anonymous = call(new ApiClient(port), method, path);
            check(wrong, entry.getKey(), "anonymous", entry.getValue().anonymous(), anonymous, 401);
            for (Role role : Role.values()) {
                int status = call(sessions.get(role), method, path);
                boolean allowed = entry.getValue().anonymous() || entry.getValue().roles().contains(role);
                check(wrong, entry.getKey(), role.name(), allowed, status, 403);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void logout_ends_the_session() {
        ApiClient someone = new ApiClient(port);
        someone.login(testUsers.staff(Role.NURSE).username(), TestUsers.PASSWORD);
        assertThat(someone.logout().status()).isEqualTo(204);
        assertThat(someone.get("/api/me").status()).isEqualTo(401);
    }

    private static void check(List<String> wrong, String endpoint, String who, boolean allowed, int status,
            int deniedStatus) {
        if (allowed && (status == 401 || status == 403)) {
            wrong.add(endpoint + " as " + who + ": expected allowed, got " + status);
        }
        if (!allowed && status != deniedStatus) {
            wrong.add(endpoint + " as " + who + ": expected " + deniedStatus + ", got " + status);
        }
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

    private static void publicEndpoint(String endpoint) {
        EXPECTED.put(endpoint, new Access(true, ALL_ROLES));
    }

    private static void roles(String endpoint, Set<Role> roles) {
        EXPECTED.put(endpoint, new Access(false, roles));
    }

    @SafeVarargs
    private static Set<Role> union(Set<Role>... sets) {
        Set<Role> all = EnumSet.noneOf(Role.class);
        for (Set<Role> s : sets) {
            all.addAll(s);
        }
        return all;
    }
}
