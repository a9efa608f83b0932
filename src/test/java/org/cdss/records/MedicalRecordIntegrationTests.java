package org.cdss.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import tools.jackson.databind.JsonNode;

/**
 * Encounters, SOAP notes, vitals, diagnoses and the timeline through HTTP, on H2, PostgreSQL and MariaDB: life
 * cycle with the appointment, validation, BMI, optimistic locking, stored-as-text notes, IDOR and audit.
 */
@IntegrationTest
class MedicalRecordIntegrationTests {

    static final UUID PULMONOLOGY = UUID.fromString("0d1f0000-0000-4000-8000-000000000002");

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    UserView doctor;
    ApiClient doctorApi;
    ApiClient nurseApi;
    ApiClient frontDesk;
    PatientSummaryView patient;

    @BeforeEach
    void clinic() {
        doctor = testUsers.staff(Role.DOCTOR, PULMONOLOGY);
        doctorApi = login(doctor.username());
        nurseApi = login(testUsers.staff(Role.NURSE, PULMONOLOGY).username());
        frontDesk = login(testUsers.staff(Role.ADMIN_STAFF).username());
        patient = testUsers.patient("기록");
    }

    ApiClient login(String username) {
        ApiClient api = new ApiClient(port);
        assertThat(api.login(username, TestUsers.PASSWORD).status()).isEqualTo(200);
        return api;
    }

    String walkIn(PatientSummaryView who) {
        var opened = doctorApi.post("/api/patients/" + who.id() + "/encounters", Map.of("departmentId", PULMONOLOGY));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().get("encounter").get("id").asString();
    }

    String bookAndCheckIn() {
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(7);
        assertThat(frontDesk
                        .post(
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
                                        "12:00",
                                        "slotMinutes",
                                        30))
                        .status())
                .isEqualTo(201);
        var booked = frontDesk.post(
                "/api/appointments",
                Map.of(
                        "patientId",
                        patient.id(),
                        "doctorId",
                        doctor.id(),
                        "departmentId",
                        PULMONOLOGY,
                        "localStart",
                        day.atTime(9, 0).toString(),
                        "reason",
                        "기침"));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String id = booked.text("id");
        assertThat(frontDesk.post("/api/appointments/" + id + "/check-in", null).status())
                .isEqualTo(200);
        return id;
    }

    @Test
    void starting_a_consultation_opens_one_encounter_and_completing_it_finishes_the_encounter() {
        String appointment = bookAndCheckIn();
        assertThat(doctorApi
                        .post("/api/appointments/" + appointment + "/start", null)
                        .status())
                .isEqualTo(200);

        var first =
                doctorApi.post("/api/patients/" + patient.id() + "/encounters", Map.of("appointmentId", appointment));
        var again =
                doctorApi.post("/api/patients/" + patient.id() + "/encounters", Map.of("appointmentId", appointment));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode encounter = first.json().get("encounter");
        assertThat(encounter.get("status").asString()).isEqualTo("OPEN");
        assertThat(encounter.get("departmentId").asString()).isEqualTo(PULMONOLOGY.toString());
        assertThat(encounter.get("doctorId").asString()).isEqualTo(doctor.id().toString());
        assertThat(again.json().get("encounter").get("id").asString())
                .isEqualTo(encounter.get("id").asString());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM encounter WHERE appointment_id = ?")
                        .param(appointment)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        assertThat(doctorApi
                        .post("/api/appointments/" + appointment + "/complete", null)
                        .status())
                .isEqualTo(200);
        var read = doctorApi.get("/api/encounters/" + encounter.get("id").asString());
        assertThat(read.json().get("encounter").get("status").asString()).isEqualTo("FINISHED");
        assertThat(read.json().get("encounter").get("endedAt").isNull()).isFalse();
    }

    @Test
    void an_encounter_cannot_be_opened_for_someone_elses_appointment() {
        String appointment = bookAndCheckIn();
        PatientSummaryView other = testUsers.patient("다른");
        var wrong = doctorApi.post("/api/patients/" + other.id() + "/encounters", Map.of("appointmentId", appointment));
        assertThat(wrong.status()).isEqualTo(404);
    }

    @Test
    void vitals_get_a_server_computed_bmi_and_out_of_range_values_are_400_with_pointers() {
        String encounter = walkIn(patient);
        var recorded = nurseApi.post(
                "/api/encounters/" + encounter + "/vitals",
                Map.of(
                        "systolic",
                        128,
                        "diastolic",
                        82,
                        "heartRate",
                        76,
                        "temperatureC",
                        36.6,
                        "spo2",
                        97,
                        "heightCm",
                        175,
                        "weightKg",
                        70));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().get("bmi").decimalValue()).isEqualByComparingTo("22.9");

        var bad = nurseApi.post(
                "/api/encounters/" + encounter + "/vitals", Map.of("systolic", 1200, "diastolic", 80, "spo2", 130));
        assertThat(bad.status()).isEqualTo(400);
        List<String> pointers = new ArrayList<>();
        bad.json().get("errors").forEach(e -> pointers.add(e.get("pointer").asString()));
        assertThat(pointers).containsExactlyInAnyOrder("/systolic", "/spo2");

        // each in its range, together impossible: a body-mass index of 1000 is refused, not a 500 at the column
        var impossible =
                nurseApi.post("/api/encounters/" + encounter + "/vitals", Map.of("heightCm", 30, "weightKg", 90));
        assertThat(impossible.status()).as(impossible.body()).isEqualTo(400);
        List<String> both = new ArrayList<>();
        impossible.json().get("errors").forEach(e -> both.add(e.get("pointer").asString()));
        assertThat(both).containsExactlyInAnyOrder("/heightCm", "/weightKg");
    }

    @Test
    void a_stale_note_amendment_is_409_and_the_first_amendment_is_kept() {
        String encounter = walkIn(patient);
        var note = doctorApi.post(
                "/api/encounters/" + encounter + "/notes", Map.of("subjective", "기침 3일", "assessment", "급성 기관지염"));
        assertThat(note.status()).as(note.body()).isEqualTo(201);
        String noteId = note.text("id");
        long version = note.json().get("version").asLong();
        ApiClient otherDoctor = login(testUsers.staff(Role.DOCTOR, PULMONOLOGY).username());

        var mine = doctorApi.put(
                "/api/encounters/" + encounter + "/notes/" + noteId,
                Map.of("version", version, "assessment", "급성 기관지염, 호전"));
        var theirs = otherDoctor.put(
                "/api/encounters/" + encounter + "/notes/" + noteId,
                Map.of("version", version, "assessment", "폐렴 의심", "reason", "흉부 X선 결과 반영"));

        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(theirs.status()).isEqualTo(409);
        assertThat(theirs.text("type")).isEqualTo("urn:cdss:problem:stale-version");
        var detail = doctorApi.get("/api/encounters/" + encounter).json();
        assertThat(detail.get("notes").get(0).get("assessment").asString()).isEqualTo("급성 기관지염, 호전");
    }

    @Test
    void amending_a_note_appends_a_version_and_the_original_text_is_never_lost() {
        String encounter = walkIn(patient);
        var note = doctorApi.post(
                "/api/encounters/" + encounter + "/notes", Map.of("subjective", "기침 3일", "assessment", "급성 기관지염"));
        String noteId = note.text("id");
        UserView colleague = testUsers.staff(Role.DOCTOR, PULMONOLOGY);
        ApiClient otherDoctor = login(colleague.username());

        var own = doctorApi.put(
                "/api/encounters/" + encounter + "/notes/" + noteId,
                Map.of("version", 0, "subjective", "기침 3일", "assessment", "급성 기관지염, 호전"));
        var theirs = otherDoctor.put(
                "/api/encounters/" + encounter + "/notes/" + noteId,
                Map.of("version", 1, "subjective", "기침 3일", "assessment", "폐렴", "reason", "흉부 X선 판독 반영"));

        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(theirs.status()).as(theirs.body()).isEqualTo(200);
        assertThat(theirs.json().get("version").asLong()).isEqualTo(2);
        assertThat(theirs.text("assessment")).isEqualTo("폐렴");
        assertThat(theirs.text("authoredBy")).isEqualTo(doctor.displayName());
        assertThat(theirs.text("amendedBy")).isEqualTo(colleague.displayName());

        var versions = doctorApi.get("/api/encounters/" + encounter + "/notes/" + noteId + "/versions");
        assertThat(versions.status()).as(versions.body()).isEqualTo(200);
        JsonNode list = versions.json();
        assertThat(list).hasSize(3);
        assertThat(list.get(0).get("version").asLong()).isZero();
        assertThat(list.get(0).get("assessment").asString()).isEqualTo("급성 기관지염");
        assertThat(list.get(0).get("writtenBy").asString()).isEqualTo(doctor.displayName());
        assertThat(list.get(0).get("reason").isNull()).isTrue();
        assertThat(list.get(1).get("assessment").asString()).isEqualTo("급성 기관지염, 호전");
        assertThat(list.get(2).get("assessment").asString()).isEqualTo("폐렴");
        assertThat(list.get(2).get("writtenBy").asString()).isEqualTo(colleague.displayName());
        assertThat(list.get(2).get("reason").asString()).isEqualTo("흉부 X선 판독 반영");
        assertThat(list.get(2).get("writtenAt").isNull()).isFalse();
        // in the database too: one row per version, the original's text as first written
        assertThat(jdbc.sql("SELECT assessment FROM clinical_note_version WHERE note_id = ? ORDER BY version")
                        .param(noteId)
                        .query(String.class)
                        .list())
                .containsExactly("급성 기관지염", "급성 기관지염, 호전", "폐렴");
        // the encounter shows the current version; the patient reads the history of their own note
        assertThat(doctorApi
                        .get("/api/encounters/" + encounter)
                        .json()
                        .get("notes")
                        .get(0)
                        .get("assessment")
                        .asString())
                .isEqualTo("폐렴");
        ApiClient portal = login(testUsers.patientAccount(patient).username());
        assertThat(portal.get("/api/encounters/" + encounter + "/notes/" + noteId + "/versions")
                        .json())
                .hasSize(3);
        assertThat(frontDesk
                        .get("/api/encounters/" + encounter + "/notes/" + noteId + "/versions")
                        .status())
                .isEqualTo(403);
        assertThat(doctorApi
                        .get("/api/encounters/" + encounter + "/notes/" + UUID.randomUUID() + "/versions")
                        .text("code"))
                .isEqualTo("record.not-found");
    }

    @Test
    void another_doctor_amends_a_note_only_with_a_reason_and_a_stale_version_is_still_409() {
        String encounter = walkIn(patient);
        String noteId = doctorApi
                .post("/api/encounters/" + encounter + "/notes", Map.of("plan", "경과 관찰"))
                .text("id");
        ApiClient otherDoctor = login(testUsers.staff(Role.DOCTOR, PULMONOLOGY).username());

        var withoutReason = otherDoctor.put(
                "/api/encounters/" + encounter + "/notes/" + noteId, Map.of("version", 0, "plan", "항생제 추가"));
        var blankReason = otherDoctor.put(
                "/api/encounters/" + encounter + "/notes/" + noteId,
                Map.of("version", 0, "plan", "항생제 추가", "reason", "  "));
        var withReason = otherDoctor.put(
                "/api/encounters/" + encounter + "/notes/" + noteId,
                Map.of("version", 0, "plan", "항생제 추가", "reason", "객담 배양 결과"));
        var stale = doctorApi.put(
                "/api/encounters/" + encounter + "/notes/" + noteId, Map.of("version", 0, "plan", "경과 관찰, 2주 후"));

        assertThat(withoutReason.status()).isEqualTo(422);
        assertThat(withoutReason.text("code")).isEqualTo("record.amendment-reason-required");
        assertThat(withoutReason.text("type")).isEqualTo("urn:cdss:problem:record.amendment-reason-required");
        assertThat(withoutReason.json().get("errors").get(0).get("pointer").asString())
                .isEqualTo("/reason");
        assertThat(blankReason.text("code")).isEqualTo("record.amendment-reason-required");
        assertThat(withReason.status()).as(withReason.body()).isEqualTo(200);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("code")).isEqualTo("stale-version");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM clinical_note_version WHERE note_id = ?")
                        .param(noteId)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void note_text_is_stored_as_typed_and_ten_thousand_characters_fit_but_not_more() {
        String encounter = walkIn(patient);
        String script = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        String longText = "가".repeat(10_000);
        var stored = doctorApi.post(
                "/api/encounters/" + encounter + "/notes", Map.of("subjective", script, "plan", longText));
        var tooLong = doctorApi.post("/api/encounters/" + encounter + "/notes", Map.of("plan", "a".repeat(10_001)));

        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        var read = doctorApi
                .get("/api/encounters/" + encounter)
                .json()
                .get("notes")
                .get(0);
        assertThat(read.get("subjective").asString()).isEqualTo(script);
        assertThat(read.get("plan").asString()).hasSize(10_000).isEqualTo(longText);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").get(0).get("pointer").asString())
                .isEqualTo("/plan");
    }

    @Test
    void diagnoses_are_coded_and_only_one_is_primary() {
        String encounter = walkIn(patient);
        var primary = doctorApi.post(
                "/api/encounters/" + encounter + "/diagnoses",
                Map.of("code", "J20.9", "description", "급성 기관지염", "primary", true));
        var secondPrimary = doctorApi.post(
                "/api/encounters/" + encounter + "/diagnoses",
                Map.of("code", "J45.9", "description", "천식", "primary", true));
        var secondary = doctorApi.post(
                "/api/encounters/" + encounter + "/diagnoses",
                Map.of("code", "J45.9", "description", "천식", "primary", false));
        var badCode = doctorApi.post(
                "/api/encounters/" + encounter + "/diagnoses",
                Map.of("code", "asthma", "description", "천식", "primary", false));

        assertThat(primary.status()).as(primary.body()).isEqualTo(201);
        assertThat(secondPrimary.status()).isEqualTo(409);
        assertThat(secondPrimary.text("code")).isEqualTo("record.primary-diagnosis-exists");
        assertThat(secondary.status()).isEqualTo(201);
        assertThat(badCode.status()).isEqualTo(400);
        var list =
                frontDesk.get("/api/patients/" + patient.id() + "/encounters").json();
        assertThat(list.get(0).get("diagnoses")).hasSize(2);
        assertThat(list.get(0).get("diagnoses").get(0).get("code").asString()).isEqualTo("J20.9");
    }

    /** Two doctors marking a primary diagnosis of one encounter at the same moment: one is primary, one 409. */
    @Test
    void two_primary_diagnoses_sent_at_once_leave_one_primary() throws Exception {
        String encounter = walkIn(patient);
        ApiClient otherDoctor = login(testUsers.staff(Role.DOCTOR, PULMONOLOGY).username());
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
            for (ApiClient api : List.of(doctorApi, otherDoctor)) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return api.post(
                                    "/api/encounters/" + encounter + "/diagnoses",
                                    Map.of("code", "J18.9", "description", "폐렴", "primary", true))
                            .status();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM encounter_diagnosis WHERE encounter_id = :e AND is_primary = TRUE")
                        .param("e", encounter)
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void a_voided_encounter_takes_no_more_entries() {
        String encounter = walkIn(patient);
        var voided = doctorApi.post("/api/encounters/" + encounter + "/void", Map.of("reason", "wrong patient"));
        assertThat(voided.json().get("encounter").get("status").asString()).isEqualTo("ENTERED_IN_ERROR");
        var refused = doctorApi.post("/api/encounters/" + encounter + "/notes", Map.of("plan", "x"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("code")).isEqualTo("record.encounter-voided");
        var finish = doctorApi.post("/api/encounters/" + encounter + "/finish", null);
        assertThat(finish.status()).isEqualTo(409);
        assertThat(finish.text("code")).isEqualTo("record.invalid-transition");
    }

    @Test
    void a_patient_reads_their_own_record_and_gets_404_for_anyone_elses() {
        String mine = walkIn(patient);
        doctorApi.post("/api/encounters/" + mine + "/notes", Map.of("assessment", "본인 기록"));
        PatientSummaryView other = testUsers.patient("타인");
        String theirs = walkIn(other);
        ApiClient portal = login(testUsers.patientAccount(patient).username());

        assertThat(portal.get("/api/patients/" + patient.id() + "/encounters").json())
                .hasSize(1);
        assertThat(portal.get("/api/encounters/" + mine)
                        .json()
                        .get("notes")
                        .get(0)
                        .get("assessment")
                        .asString())
                .isEqualTo("본인 기록");
        assertThat(portal.get("/api/patients/" + patient.id() + "/timeline").status())
                .isEqualTo(200);

        assertThat(portal.get("/api/patients/" + other.id() + "/encounters").status())
                .isEqualTo(404);
        assertThat(portal.get("/api/encounters/" + theirs).status()).isEqualTo(404);
        assertThat(portal.get("/api/patients/" + other.id() + "/timeline").status())
                .isEqualTo(404);
        assertThat(portal.get("/api/encounters/" + UUID.randomUUID()).text("code"))
                .isEqualTo("record.not-found");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'ENCOUNTER_READ' AND outcome = 'DENIED' "
                                + "AND resource_id = ?")
                        .param(theirs)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void every_read_and_write_is_audited() {
        String encounter = walkIn(patient);
        doctorApi.post("/api/encounters/" + encounter + "/notes", Map.of("plan", "경과 관찰"));
        nurseApi.post("/api/encounters/" + encounter + "/vitals", Map.of("heartRate", 70));
        doctorApi.post(
                "/api/encounters/" + encounter + "/diagnoses",
                Map.of("code", "R05", "description", "기침", "primary", true));
        doctorApi.get("/api/encounters/" + encounter);
        frontDesk.get("/api/patients/" + patient.id() + "/encounters");
        doctorApi.get("/api/patients/" + patient.id() + "/timeline");

        List<String> actions = jdbc.sql("SELECT action FROM audit_event WHERE patient_id = ? AND outcome = 'SUCCESS'")
                .param(patient.id().toString())
                .query(String.class)
                .list();
        assertThat(actions)
                .contains(
                        "ENCOUNTER_CREATE",
                        "NOTE_CREATE",
                        "VITALS_CREATE",
                        "DIAGNOSIS_CREATE",
                        "ENCOUNTER_READ",
                        "ENCOUNTER_LIST",
                        "TIMELINE_READ");
    }

    @Test
    void front_office_reads_visits_but_not_chart_content() {
        String encounter = walkIn(patient);
        assertThat(frontDesk
                        .get("/api/patients/" + patient.id() + "/encounters")
                        .status())
                .isEqualTo(200);
        assertThat(frontDesk.get("/api/encounters/" + encounter).status()).isEqualTo(403);
        assertThat(frontDesk.get("/api/patients/" + patient.id() + "/timeline").status())
                .isEqualTo(403);
    }

    @Test
    void the_timeline_is_newest_first_filtered_by_type_and_paginated() {
        String encounter = walkIn(patient);
        doctorApi.post("/api/encounters/" + encounter + "/notes", Map.of("assessment", "첫 기록"));
        nurseApi.post(
                "/api/encounters/" + encounter + "/vitals", Map.of("heartRate", 70, "systolic", 120, "diastolic", 80));
        doctorApi.post(
                "/api/encounters/" + encounter + "/diagnoses",
                Map.of("code", "R05", "description", "기침", "primary", true));
        doctorApi.post("/api/encounters/" + encounter + "/notes", Map.of("assessment", "둘째 기록"));

        var all = doctorApi.get("/api/patients/" + patient.id() + "/timeline").json();
        assertThat(all.get("page").get("totalElements").asLong()).isEqualTo(5);
        List<String> instants = new ArrayList<>();
        all.get("content").forEach(e -> instants.add(e.get("occurredAt").asString()));
        assertThat(instants)
                .isSortedAccordingTo(
                        java.util.Comparator.<String>naturalOrder().reversed().thenComparing((a, b) -> 0));

        var notes = doctorApi
                .get("/api/patients/" + patient.id() + "/timeline?types=NOTE&size=1")
                .json();
        assertThat(notes.get("page").get("totalElements").asLong()).isEqualTo(2);
        assertThat(notes.get("page").get("totalPages").asInt()).isEqualTo(2);
        assertThat(notes.get("content")).hasSize(1);
        assertThat(notes.get("content").get(0).get("text").asString()).isEqualTo("둘째 기록");
        var second = doctorApi
                .get("/api/patients/" + patient.id() + "/timeline?types=NOTE&size=1&page=1")
                .json();
        assertThat(second.get("content").get(0).get("text").asString()).isEqualTo("첫 기록");

        var vitals = doctorApi
                .get("/api/patients/" + patient.id() + "/timeline?types=VITALS,DIAGNOSIS")
                .json();
        Map<String, String> byType = new HashMap<>();
        vitals.get("content")
                .forEach(e -> byType.put(e.get("type").asString(), e.get("text").asString()));
        assertThat(byType).containsEntry("VITALS", "BP 120/80 · HR 70").containsEntry("DIAGNOSIS", "기침");

        var future = doctorApi
                .get("/api/patients/" + patient.id() + "/timeline?from=2999-01-01T00:00:00Z")
                .json();
        assertThat(future.get("content")).isEmpty();
        assertThat(doctorApi
                        .get("/api/patients/" + patient.id() + "/timeline?types=BOGUS")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void the_timeline_shows_the_visits_appointment_linked_to_its_encounter() {
        String appointment = bookAndCheckIn();
        assertThat(doctorApi
                        .post("/api/appointments/" + appointment + "/start", null)
                        .status())
                .isEqualTo(200);
        String encounter = doctorApi
                .post("/api/patients/" + patient.id() + "/encounters", Map.of("appointmentId", appointment))
                .json()
                .get("encounter")
                .get("id")
                .asString();

        var appointments = doctorApi
                .get("/api/patients/" + patient.id() + "/timeline?types=APPOINTMENT")
                .json();
        assertThat(appointments.get("page").get("totalElements").asLong()).isEqualTo(1);
        JsonNode entry = appointments.get("content").get(0);
        assertThat(entry.get("type").asString()).isEqualTo("APPOINTMENT");
        assertThat(entry.get("id").asString()).isEqualTo(appointment);
        assertThat(entry.get("encounterId").asString()).isEqualTo(encounter);
        assertThat(entry.get("code").asString()).isEqualTo("IN_CONSULTATION");
        assertThat(entry.get("text").asString()).isEqualTo("기침");
        assertThat(entry.get("actor").asString()).isEqualTo(doctor.displayName());

        var all = doctorApi.get("/api/patients/" + patient.id() + "/timeline").json();
        List<String> types = new ArrayList<>();
        all.get("content").forEach(e -> types.add(e.get("type").asString()));
        assertThat(types).containsExactlyInAnyOrder("APPOINTMENT", "ENCOUNTER");
        var before = doctorApi
                .get("/api/patients/" + patient.id() + "/timeline?types=APPOINTMENT&to=2000-01-01T00:00:00Z")
                .json();
        assertThat(before.get("page").get("totalElements").asLong()).isZero();
        assertThat(before.get("content")).isEmpty();
        assertThat(login(testUsers.patientAccount(patient).username())
                        .get("/api/patients/" + patient.id() + "/timeline?types=APPOINTMENT")
                        .json()
                        .get("content"))
                .hasSize(1);
    }
}
