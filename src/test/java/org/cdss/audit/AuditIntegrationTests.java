package org.cdss.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;
import org.cdss.identity.UserView;
import org.cdss.patients.PatientSummaryView;
import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class AuditIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    ApiClient adminSession() {
        UserView admin = testUsers.staff(Role.ADMIN);
        ApiClient api = new ApiClient(port);
        api.login(admin.username(), TestUsers.PASSWORD);
        return api;
    }

    @Test
    void reading_a_patient_writes_an_audit_row_with_who_what_and_from_where() {
        PatientSummaryView patient = testUsers.patient("감사대상");
        UserView nurse = testUsers.staff(Role.NURSE);
        ApiClient api = new ApiClient(port);
        api.login(nurse.username(), TestUsers.PASSWORD);
        assertThat(api.get("/api/patients/" + patient.id()).status()).isEqualTo(200);

        var page = adminSession().get("/api/admin/audit?username=" + nurse.username() + "&action=PATIENT_READ");

        assertThat(page.status()).isEqualTo(200);
        var row = page.json().path("content").get(0);
        assertThat(row.path("patientId").asString()).isEqualTo(patient.id().toString());
        assertThat(row.path("roles").asString()).isEqualTo("NURSE");
        assertThat(row.path("resourceType").asString()).isEqualTo("Patient");
        assertThat(row.path("outcome").asString()).isEqualTo("SUCCESS");
        assertThat(row.path("ip").asString()).isNotBlank();
        assertThat(row.path("userAgent").asString()).isEqualTo("cdss-tests");
    }

    @Test
    void the_viewer_names_the_user_and_the_patient_and_an_admin_picks_a_patient_by_name_or_mrn() {
        PatientSummaryView patient = testUsers.patient("감사명칭확인");
        UserView nurse = testUsers.staff(Role.NURSE);
        ApiClient api = new ApiClient(port);
        api.login(nurse.username(), TestUsers.PASSWORD);
        assertThat(api.get("/api/patients/" + patient.id()).status()).isEqualTo(200);
        ApiClient admin = adminSession();

        var row = admin.get("/api/admin/audit?username=" + nurse.username() + "&action=PATIENT_READ")
                .json()
                .path("content")
                .get(0);
        assertThat(row.path("userDisplayName").asString()).isEqualTo(nurse.displayName());
        assertThat(row.path("patientName").asString()).isEqualTo("감사명칭확인");
        assertThat(row.path("patientMrn").asString()).isEqualTo(patient.mrn());

        var byName = admin.get("/api/admin/patients?q="
                + java.net.URLEncoder.encode("감사명칭확인", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(byName.status()).isEqualTo(200);
        assertThat(byName.json().findValuesAsString("id"))
                .containsExactly(patient.id().toString());
        var byMrn = admin.get("/api/admin/patients?q=" + patient.mrn());
        assertThat(byMrn.json().findValuesAsString("mrn")).contains(patient.mrn());
        assertThat(admin.get("/api/admin/patients?q=").status()).isEqualTo(400);
        assertThat(api.get("/api/admin/patients?q=" + patient.mrn()).status()).isEqualTo(403);
        var picks = admin.get("/api/admin/audit?action=AUDIT_PATIENT_PICK&size=1");
        assertThat(picks.json().path("page").path("totalElements").asLong()).isGreaterThanOrEqualTo(2);

        // one patient's header, for the page of a patient's portal account: headers only, audited with the patient
        var header = admin.get("/api/admin/patients/" + patient.id());
        assertThat(header.status()).as(header.body()).isEqualTo(200);
        assertThat(header.text("name")).isEqualTo("감사명칭확인");
        assertThat(header.text("mrn")).isEqualTo(patient.mrn());
        assertThat(header.json().has("rrn")).isFalse();
        assertThat(admin.get("/api/admin/patients/" + java.util.UUID.randomUUID())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/admin/patients/" + patient.id()).status()).isEqualTo(403);
        var headerRows = admin.get("/api/admin/audit?action=ADMIN_PATIENT_HEADER&patientId=" + patient.id());
        assertThat(headerRows.json().path("page").path("totalElements").asLong())
                .isEqualTo(1);
    }

    @Test
    void a_patient_reading_another_patient_gets_404_and_the_attempt_is_audited_as_denied() {
        PatientSummaryView own = testUsers.patient("본인");
        PatientSummaryView other = testUsers.patient("타인");
        UserView account = testUsers.patientAccount(own);
        ApiClient api = new ApiClient(port);
        api.login(account.username(), TestUsers.PASSWORD);

        assertThat(api.get("/api/patients/" + own.id()).status()).isEqualTo(200);
        var denied = api.get("/api/patients/" + other.id());
        assertThat(denied.status()).isEqualTo(404);
        var missing = api.get("/api/patients/" + java.util.UUID.randomUUID());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("detail")).isEqualTo(denied.text("detail")); // no existence leak

        var audit = adminSession().get("/api/admin/audit?username=" + account.username() + "&outcome=DENIED");
        assertThat(audit.json().path("page").path("totalElements").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void logins_and_failed_logins_are_audited_and_filterable_by_date_range() {
        UserView doctor = testUsers.staff(Role.DOCTOR);
        new ApiClient(port).login(doctor.username(), "wrong-password-x");
        new ApiClient(port).login(doctor.username(), TestUsers.PASSWORD);
        ApiClient admin = adminSession();
        Instant from = Instant.now().minus(1, ChronoUnit.HOURS);
        Instant to = Instant.now().plus(1, ChronoUnit.HOURS);

        var inRange = admin.get("/api/admin/audit?username=" + doctor.username() + "&from=" + from + "&to=" + to);
        assertThat(inRange.json().path("content").findValuesAsString("action")).contains("LOGIN", "LOGIN_FAILED");
        var outOfRange = admin.get("/api/admin/audit?username=" + doctor.username() + "&to=" + from);
        assertThat(outOfRange.json().path("page").path("totalElements").asLong())
                .isZero();
        assertThat(admin.get("/api/admin/audit/actions")
                        .json()
                        .valueStream()
                        .map(n -> n.asString())
                        .toList())
                .contains("LOGIN", "LOGIN_FAILED");
    }

    @Test
    void the_audit_trail_is_paginated_newest_first() {
        ApiClient admin = adminSession();
        var page = admin.get("/api/admin/audit?size=2&page=0");
        assertThat(page.json().path("content").size()).isEqualTo(2);
        Instant first = Instant.parse(
                page.json().path("content").get(0).path("occurredAt").asString());
        Instant second = Instant.parse(
                page.json().path("content").get(1).path("occurredAt").asString());
        assertThat(first).isAfterOrEqualTo(second);
        assertThat(page.json().path("page").path("totalPages").asInt()).isGreaterThan(1);
    }

    /** Append-only: no code path updates or deletes audit rows. */
    @Test
    void no_main_code_updates_or_deletes_audit_rows() throws Exception {
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            var offenders = files.filter(Files::isRegularFile)
                    .filter(p -> {
                        try {
                            String text = Files.readString(p).toLowerCase().replaceAll("\\s+", " ");
                            return text.contains("update audit_event")
                                    || text.contains("delete from audit_event")
                                    || text.contains("truncate table audit_event");
                        } catch (java.io.IOException e) {
                            return false;
                        }
                    })
                    .toList();
            assertThat(offenders).isEmpty();
        }
        // record, and the request-scoped batch (ADR 0049), which only holds rows and then inserts them
        assertThat(Stream.of(AuditLog.class.getDeclaredMethods())
                        .filter(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers()))
                        .map(m -> m.getName()))
                .containsOnly("record", "openBatch", "flushBatch");
        assertThat(Stream.of(AuditLog.Batch.class.getDeclaredMethods())
                        .filter(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers()))
                        .map(m -> m.getName()))
                .containsOnly("close");
    }
}
