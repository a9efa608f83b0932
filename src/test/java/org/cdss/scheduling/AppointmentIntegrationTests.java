package org.cdss.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cdss.identity.UserView;
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

/** Booking, time zones, the double-booking race and the life cycle, on H2, PostgreSQL and MariaDB. */
@IntegrationTest
class AppointmentIntegrationTests {

    static final UUID PULMONOLOGY = UUID.fromString("0d1f0000-0000-4000-8000-000000000002");
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    UserView doctor;
    ApiClient frontDesk;
    ApiClient doctorApi;
    LocalDate clinicDay;

    @BeforeEach
    void clinicWithOneDoctor() {
        doctor = testUsers.staff(Role.DOCTOR, PULMONOLOGY);
        frontDesk = login(testUsers.staff(Role.ADMIN_STAFF).username());
        doctorApi = login(doctor.username());
        // eight days ahead: a weekday other than today's, whose hours the waiting-queue test defines for this doctor
        // (one doctor's clinic hours on one weekday may not overlap)
        clinicDay = LocalDate.now(SEOUL).plusDays(8);
        clinicHours(doctor, 30);
    }

    /** The doctor's clinic hours on {@link #clinicDay}'s weekday, 09:00-12:00 in slots of this length. */
    void clinicHours(UserView who, int slotMinutes) {
        var schedule = frontDesk.post(
                "/api/appointments/schedules",
                Map.of(
                        "doctorId",
                        who.id(),
                        "departmentId",
                        PULMONOLOGY,
                        "dayOfWeek",
                        clinicDay.getDayOfWeek().name(),
                        "startTime",
                        "09:00",
                        "endTime",
                        "12:00",
                        "slotMinutes",
                        slotMinutes));
        assertThat(schedule.status()).as(schedule.body()).isEqualTo(201);
    }

    ApiClient login(String username) {
        ApiClient api = new ApiClient(port);
        assertThat(api.login(username, TestUsers.PASSWORD).status()).isEqualTo(200);
        return api;
    }

    ApiClient.Response book(ApiClient api, PatientSummaryView patient, LocalDateTime localStart) {
        return api.post(
                "/api/appointments",
                Map.of(
                        "patientId",
                        patient.id(),
                        "doctorId",
                        doctor.id(),
                        "departmentId",
                        PULMONOLOGY,
                        "localStart",
                        localStart.toString(),
                        "reason",
                        "기침"));
    }

    /** Runs {@code clerks} bookings released at the same moment; each answer as "booked" or its problem code. */
    static List<String> atOnce(int clerks, java.util.function.IntFunction<ApiClient.Response> booking)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clerks);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < clerks; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    go.await();
                    var answer = booking.apply(n);
                    return answer.status() == 201 ? "booked" : answer.text("code");
                }));
            }
            go.countDown();
            List<String> statuses = new ArrayList<>();
            for (Future<String> f : results) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void nine_oclock_seoul_is_stored_as_utc_and_read_back_as_nine_oclock_seoul() {
        PatientSummaryView patient = testUsers.patient("시간대");
        var booked = book(frontDesk, patient, clinicDay.atTime(9, 0));

        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        assertThat(booked.text("localStart")).isEqualTo(clinicDay.atTime(9, 0) + ":00");
        assertThat(booked.text("startsAt"))
                .isEqualTo(clinicDay.atTime(0, 0).toInstant(ZoneOffset.UTC).toString());
        LocalDateTime stored = jdbc.sql("SELECT starts_at FROM appointment WHERE id = ?")
                .param(booked.text("id"))
                .query(LocalDateTime.class)
                .single();
        assertThat(stored).isEqualTo(clinicDay.atTime(0, 0)); // UTC wall time in the database
        var readBack = frontDesk.get("/api/appointments/" + booked.text("id"));
        assertThat(readBack.text("localStart")).isEqualTo(clinicDay.atTime(9, 0) + ":00");
        assertThat(readBack.text("zone")).isEqualTo("Asia/Seoul");
    }

    @Test
    void many_clerks_booking_the_same_slot_at_once_leave_exactly_one_appointment() throws Exception {
        int clerks = 8;
        List<ApiClient> sessions = new ArrayList<>();
        List<PatientSummaryView> patients = new ArrayList<>();
        for (int i = 0; i < clerks; i++) {
            sessions.add(login(testUsers.staff(Role.ADMIN_STAFF).username()));
            patients.add(testUsers.patient("경쟁" + i));
        }
        List<String> statuses = atOnce(clerks, n -> book(sessions.get(n), patients.get(n), clinicDay.atTime(10, 30)));

        assertThat(statuses).filteredOn("booked"::equals).hasSize(1);
        assertThat(statuses).filteredOn("appointment.slot-taken"::equals).hasSize(clerks - 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appointment WHERE doctor_id = ?")
                        .param(doctor.id().toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    /** A patient is in one place at a time, also when clerks book them with several doctors at the same moment. */
    @Test
    void one_patient_booked_with_several_doctors_at_once_gets_one_appointment() throws Exception {
        int clerks = 4;
        List<UserView> doctors = new ArrayList<>(List.of(doctor));
        for (int i = 1; i < clerks; i++) {
            UserView other = testUsers.staff(Role.DOCTOR, PULMONOLOGY);
            clinicHours(other, 30);
            doctors.add(other);
        }
        PatientSummaryView patient = testUsers.patient("동시예약");
        List<ApiClient> sessions = new ArrayList<>();
        for (int i = 0; i < clerks; i++) {
            sessions.add(login(testUsers.staff(Role.ADMIN_STAFF).username()));
        }
        List<String> statuses = atOnce(
                clerks,
                n -> sessions.get(n)
                        .post(
                                "/api/appointments",
                                Map.of(
                                        "patientId", patient.id(),
                                        "doctorId", doctors.get(n).id(),
                                        "departmentId", PULMONOLOGY,
                                        "localStart", clinicDay.atTime(9, 30).toString())));

        assertThat(statuses).filteredOn("booked"::equals).hasSize(1);
        assertThat(statuses).filteredOn("appointment.patient-busy"::equals).hasSize(clerks - 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appointment WHERE patient_id = ?")
                        .param(patient.id().toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void a_cancelled_appointment_frees_its_slot() {
        var first = book(frontDesk, testUsers.patient("취소"), clinicDay.atTime(11, 0));
        var taken = book(frontDesk, testUsers.patient("대기"), clinicDay.atTime(11, 0));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text("code")).isEqualTo("appointment.slot-taken");
        assertThat(taken.text("type")).isEqualTo("urn:cdss:problem:appointment.slot-taken");
        assertThat(frontDesk
                        .post("/api/appointments/" + first.text("id") + "/cancel", Map.of("reason", "환자 요청"))
                        .status())
                .isEqualTo(200);
        assertThat(book(frontDesk, testUsers.patient("대기2"), clinicDay.atTime(11, 0))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void bookings_in_the_past_or_outside_the_doctors_hours_are_refused() {
        PatientSummaryView patient = testUsers.patient("규칙");
        var outside = book(frontDesk, patient, clinicDay.atTime(13, 0));
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.text("code")).isEqualTo("appointment.outside-hours");
        assertThat(outside.json().path("errors").get(0).path("pointer").asString())
                .isEqualTo("/localStart");
        var offGrid = book(frontDesk, patient, clinicDay.atTime(9, 10));
        assertThat(offGrid.text("code")).isEqualTo("appointment.outside-hours");
        var past = book(frontDesk, patient, clinicDay.minusDays(14).atTime(9, 0));
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.text("code")).isEqualTo("appointment.in-the-past");
    }

    @Test
    void the_life_cycle_is_enforced_on_the_server() {
        var booked = book(frontDesk, testUsers.patient("진료"), clinicDay.atTime(9, 30));
        String id = booked.text("id");
        var tooEarly = doctorApi.post("/api/appointments/" + id + "/complete", null);
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.text("code")).isEqualTo("appointment.invalid-transition");
        assertThat(frontDesk.post("/api/appointments/" + id + "/check-in", null).text("status"))
                .isEqualTo("CHECKED_IN");
        ApiClient otherDoctor = login(testUsers.staff(Role.DOCTOR, PULMONOLOGY).username());
        assertThat(otherDoctor.post("/api/appointments/" + id + "/start", null).status())
                .isEqualTo(403);
        assertThat(doctorApi.post("/api/appointments/" + id + "/start", null).text("status"))
                .isEqualTo("IN_CONSULTATION");
        assertThat(doctorApi.post("/api/appointments/" + id + "/complete", null).text("status"))
                .isEqualTo("COMPLETED");
        var again = frontDesk.post("/api/appointments/" + id + "/cancel", Map.of("reason", "x"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("appointment.invalid-transition");
        assertThat(frontDesk
                        .post("/api/appointments/" + id + "/cancel", Map.of())
                        .status())
                .isEqualTo(400);

        // a no-show is final and frees the slot: not before the appointment's time, or the place would be given away
        var ahead = book(frontDesk, testUsers.patient("미방문"), clinicDay.atTime(10, 0));
        var early = frontDesk.post("/api/appointments/" + ahead.text("id") + "/no-show", null);
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.text("code")).isEqualTo("appointment.not-yet-started");
        assertThat(book(frontDesk, testUsers.patient("대기환자"), clinicDay.atTime(10, 0))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void the_department_list_and_filters_show_the_days_appointments() {
        book(frontDesk, testUsers.patient("목록1"), clinicDay.atTime(9, 0));
        book(frontDesk, testUsers.patient("목록2"), clinicDay.atTime(9, 30));
        var list = frontDesk.get(
                "/api/appointments?date=" + clinicDay + "&departmentId=" + PULMONOLOGY + "&doctorId=" + doctor.id());
        assertThat(list.json().size()).isEqualTo(2);
        assertThat(list.json().get(0).path("localStart").asString()).endsWith("09:00:00");
        assertThat(list.json().get(0).path("patientName").asString()).isEqualTo("목록1");
        var slots = frontDesk.get("/api/appointments/slots?doctorId=" + doctor.id() + "&departmentId=" + PULMONOLOGY
                + "&date=" + clinicDay);
        assertThat(slots.json().size()).isEqualTo(6);
        assertThat(slots.json().get(0).path("free").asBoolean()).isFalse();
        assertThat(slots.json().get(2).path("free").asBoolean()).isTrue();
    }

    @Test
    void a_patient_books_and_sees_only_their_own_appointments() {
        PatientSummaryView own = testUsers.patient("포털본인");
        PatientSummaryView other = testUsers.patient("포털타인");
        ApiClient portal = login(testUsers.patientAccount(own).username());
        var others = book(frontDesk, other, clinicDay.atTime(10, 0));

        var mine = book(portal, own, clinicDay.atTime(9, 0));
        assertThat(mine.status()).isEqualTo(201);
        assertThat(book(portal, other, clinicDay.atTime(9, 30)).status()).isEqualTo(404);
        var someoneElses = portal.get("/api/appointments/" + others.text("id"));
        assertThat(someoneElses.status()).isEqualTo(404);
        assertThat(someoneElses.text("code")).isEqualTo("appointment.not-found");
        assertThat(portal.post("/api/appointments/" + others.text("id") + "/cancel", Map.of("reason", "x"))
                        .status())
                .isEqualTo(404);
        var list = portal.get("/api/appointments?date=" + clinicDay + "&days=1");
        assertThat(list.json().findValuesAsString("patientId"))
                .containsOnly(own.id().toString());
        assertThat(portal.post("/api/appointments/" + mine.text("id") + "/cancel", Map.of("reason", "일정 변경"))
                        .text("status"))
                .isEqualTo("CANCELLED");
    }

    /**
     * The portal books for a patient holding fewer than five upcoming appointments (cdss.portal.max-upcoming): the
     * sixth is refused at the portal, the front office books it; a cancelled one frees its place under the cap.
     */
    @Test
    void the_portal_books_at_most_five_upcoming_appointments() {
        PatientSummaryView own = testUsers.patient("포털상한");
        ApiClient portal = login(testUsers.patientAccount(own).username());
        List<String> booked = new java.util.ArrayList<>();
        for (int week = 0; week < 5; week++) {
            var answer = book(portal, own, clinicDay.plusWeeks(week).atTime(9, 0));
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            booked.add(answer.text("id"));
        }
        var sixth = book(portal, own, clinicDay.plusWeeks(5).atTime(9, 0));
        assertThat(sixth.status()).as(sixth.body()).isEqualTo(422);
        assertThat(sixth.text("code")).isEqualTo("appointment.portal-limit");
        assertThat(sixth.body()).contains("5");

        assertThat(portal.post("/api/appointments/" + booked.getFirst() + "/cancel", Map.of("reason", "일정 변경"))
                        .status())
                .isEqualTo(200);
        assertThat(book(portal, own, clinicDay.plusWeeks(5).atTime(9, 0)).status())
                .isEqualTo(201);
        assertThat(book(frontDesk, own, clinicDay.plusWeeks(6).atTime(9, 0)).status())
                .as("staff book beyond the portal's cap")
                .isEqualTo(201);
    }

    /**
     * Clinic hours that overlap the doctor's other hours on that weekday (here 09:10–11:50 inside 09:00–12:00, in any
     * department) would let two patients be booked into the same minutes at different slot starts: refused.
     */
    @Test
    void overlapping_clinic_hours_of_one_doctor_are_refused() {
        Map<String, Object> overlapping = new java.util.HashMap<>(Map.of(
                "doctorId",
                doctor.id(),
                "departmentId",
                PULMONOLOGY,
                "dayOfWeek",
                clinicDay.getDayOfWeek().name(),
                "startTime",
                "09:10",
                "endTime",
                "11:50",
                "slotMinutes",
                20));
        var refused = frontDesk.post("/api/appointments/schedules", overlapping);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.text("code")).isEqualTo("schedule.overlaps");
        // right after the morning hours, and the same hours of another doctor, are fine
        overlapping.put("startTime", "12:00");
        overlapping.put("endTime", "13:00");
        assertThat(frontDesk.post("/api/appointments/schedules", overlapping).status())
                .isEqualTo(201);
        overlapping.put("doctorId", testUsers.staff(Role.DOCTOR, PULMONOLOGY).id());
        overlapping.put("startTime", "09:10");
        overlapping.put("endTime", "11:50");
        assertThat(frontDesk.post("/api/appointments/schedules", overlapping).status())
                .isEqualTo(201);
    }

    /** A patient is in one place at a time: not booked with a second doctor for minutes that overlap. */
    @Test
    void a_patient_is_not_booked_with_two_doctors_at_once() {
        var other = testUsers.staff(Role.DOCTOR, PULMONOLOGY);
        clinicHours(other, 15);
        PatientSummaryView patient = testUsers.patient("겹침");
        assertThat(book(frontDesk, patient, clinicDay.atTime(9, 0)).status()).isEqualTo(201); // 09:00-09:30
        java.util.function.Function<LocalDateTime, ApiClient.Response> withOther = at -> frontDesk.post(
                "/api/appointments",
                Map.of(
                        "patientId",
                        patient.id(),
                        "doctorId",
                        other.id(),
                        "departmentId",
                        PULMONOLOGY,
                        "localStart",
                        at.toString()));
        var clash = withOther.apply(clinicDay.atTime(9, 15));
        assertThat(clash.status()).as(clash.body()).isEqualTo(409);
        assertThat(clash.text("code")).isEqualTo("appointment.patient-busy");
        assertThat(withOther.apply(clinicDay.atTime(9, 30)).status()).isEqualTo(201);
    }

    @Test
    void the_waiting_queue_orders_checked_in_patients_by_appointment_time() {
        // today's slots must not run past Seoul's midnight: close to it, wait for the new day (never skip in CI)
        LocalDateTime start = LocalDateTime.now(SEOUL);
        if (!start.toLocalTime().isBefore(java.time.LocalTime.of(23, 35))) {
            LocalDate nextDay = start.toLocalDate().plusDays(1);
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofMinutes(26))
                    .pollInterval(java.time.Duration.ofSeconds(5))
                    .until(() -> !LocalDate.now(SEOUL).isBefore(nextDay));
        }
        LocalDate today = LocalDate.now(SEOUL);
        DayOfWeek dow = today.getDayOfWeek();
        frontDesk.post(
                "/api/appointments/schedules",
                Map.of(
                        "doctorId",
                        doctor.id(),
                        "departmentId",
                        PULMONOLOGY,
                        "dayOfWeek",
                        dow.name(),
                        "startTime",
                        "00:00",
                        "endTime",
                        "23:55",
                        "slotMinutes",
                        5));
        LocalDateTime now = LocalDateTime.now(SEOUL);
        LocalDateTime later = now.withMinute((now.getMinute() / 5) * 5)
                .withSecond(0)
                .withNano(0)
                .plusMinutes(10);
        var second = book(frontDesk, testUsers.patient("대기열2"), later.plusMinutes(5));
        var first = book(frontDesk, testUsers.patient("대기열1"), later);
        frontDesk.post("/api/appointments/" + second.text("id") + "/check-in", null);
        frontDesk.post("/api/appointments/" + first.text("id") + "/check-in", null);

        var queue = frontDesk.get("/api/appointments/queue?doctorId=" + doctor.id());

        assertThat(queue.json().findValuesAsString("id")).containsExactly(first.text("id"), second.text("id"));
    }
}
