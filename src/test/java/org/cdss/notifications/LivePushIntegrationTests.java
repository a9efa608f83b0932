package org.cdss.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.cdss.identity.UserView;
import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Appointment changes reach the connected browsers of the department within a second of the commit, and the day's counts follow. */
@IntegrationTest
class LivePushIntegrationTests {

    static final UUID PULMONOLOGY = UUID.fromString("0d1f0000-0000-4000-8000-000000000002");
    static final UUID SURGERY = UUID.fromString("0d1f0000-0000-4000-8000-000000000003");

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    ApiClient login(UserView user) {
        ApiClient api = new ApiClient(port);
        assertThat(api.login(user.username(), TestUsers.PASSWORD).status()).isEqualTo(200);
        return api;
    }

    @Test
    void a_booking_is_pushed_to_the_departments_nurse_and_not_to_another_department() throws Exception {
        UserView doctor = testUsers.staff(Role.DOCTOR, PULMONOLOGY);
        ApiClient desk = login(testUsers.staff(Role.ADMIN_STAFF));
        ApiClient pulmonologyNurse = login(testUsers.staff(Role.NURSE, PULMONOLOGY));
        ApiClient surgeryNurse = login(testUsers.staff(Role.NURSE, SURGERY));
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(3);
        desk.post(
                "/api/appointments/schedules",
                Map.of(
                        "doctorId",
                        doctor.id(),
                        "departmentId",
                        PULMONOLOGY,
                        "dayOfWeek",
                        day.getDayOfWeek().name(),
                        "startTime",
                        "09:00",
                        "endTime",
                        "10:00",
                        "slotMinutes",
                        30));

        List<String> pulmonologyLines = new CopyOnWriteArrayList<>();
        List<String> surgeryLines = new CopyOnWriteArrayList<>();
        var pulmonologyStream = pulmonologyNurse.stream("/api/notifications/stream");
        var surgeryStream = surgeryNurse.stream("/api/notifications/stream");
        Thread.ofVirtual().start(() -> collect(pulmonologyStream, pulmonologyLines));
        Thread.ofVirtual().start(() -> collect(surgeryStream, surgeryLines));
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> pulmonologyLines.contains("event:ready") && surgeryLines.contains("event:ready"));

        var booked = desk.post(
                "/api/appointments",
                Map.of(
                        "patientId",
                        testUsers.patient("실시간").id(),
                        "doctorId",
                        doctor.id(),
                        "departmentId",
                        PULMONOLOGY,
                        "localStart",
                        day.atTime(9, 30).toString()));
        assertThat(booked.status()).isEqualTo(201);

        Awaitility.await()
                .atMost(Duration.ofSeconds(1))
                .until(() -> pulmonologyLines.stream()
                        .anyMatch(l -> l.startsWith("data:") && l.contains(booked.text("id"))));
        assertThat(pulmonologyLines).contains("event:appointment");
        assertThat(String.join("\n", pulmonologyLines)).doesNotContain("실시간"); // ids only, no names
        assertThat(surgeryLines).noneMatch(l -> l.contains(booked.text("id")));
        pulmonologyStream.close();
        surgeryStream.close();
    }

    private static void collect(java.util.stream.Stream<String> stream, List<String> into) {
        try {
            stream.forEach(into::add);
        } catch (java.io.UncheckedIOException closedByTheTest) {
            // the test closed the stream
        }
    }

    @Test
    void the_days_counts_follow_the_appointments() {
        UserView doctor = testUsers.staff(Role.DOCTOR, SURGERY);
        ApiClient desk = login(testUsers.staff(Role.ADMIN_STAFF));
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(4);
        desk.post(
                "/api/appointments/schedules",
                Map.of(
                        "doctorId",
                        doctor.id(),
                        "departmentId",
                        SURGERY,
                        "dayOfWeek",
                        day.getDayOfWeek().name(),
                        "startTime",
                        "14:00",
                        "endTime",
                        "16:00",
                        "slotMinutes",
                        30));
        String before = desk.get("/api/dashboard/appointments?date=" + day + "&departmentId=" + SURGERY)
                .body();
        long total0 = ApiClient.JSON.readTree(before).path("all").path("total").asLong();
        var a = desk.post(
                "/api/appointments",
                Map.of(
                        "patientId",
                        testUsers.patient("통계1").id(),
                        "doctorId",
                        doctor.id(),
                        "departmentId",
                        SURGERY,
                        "localStart",
                        day.atTime(14, 0).toString()));
        desk.post(
                "/api/appointments",
                Map.of(
                        "patientId",
                        testUsers.patient("통계2").id(),
                        "doctorId",
                        doctor.id(),
                        "departmentId",
                        SURGERY,
                        "localStart",
                        day.atTime(15, 30).toString()));
        desk.post("/api/appointments/" + a.text("id") + "/cancel", Map.of("reason", "x"));

        var stats = desk.get("/api/dashboard/appointments?date=" + day + "&departmentId=" + SURGERY)
                .json();

        assertThat(stats.path("all").path("total").asLong()).isEqualTo(total0 + 1);
        assertThat(stats.path("all").path("cancelled").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(stats.path("byHour").findValuesAsString("hour")).contains("15");
        ApiClient doctorApi = login(doctor);
        var mine =
                doctorApi.get("/api/dashboard/appointments?date=" + day).json().path("mine");
        assertThat(mine.path("total").asLong()).isEqualTo(1);
        assertThat(mine.path("scheduled").asLong()).isEqualTo(1);
    }
}
