package org.cdss.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
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

/**
 * Visit note drafts (ADR 0033) through HTTP on H2, PostgreSQL and MariaDB: autosave replaces, the draft is the
 * author's own, saving the note deletes it, a voided visit refuses it, oversize text is 400, reads and writes are
 * audited.
 */
@IntegrationTest
class NoteDraftIntegrationTests {

    static final UUID PULMONOLOGY = UUID.fromString("0d1f0000-0000-4000-8000-000000000002");

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    ApiClient doctorApi;
    ApiClient otherDoctor;
    PatientSummaryView patient;
    String encounter;

    @BeforeEach
    void visit() {
        doctorApi = login(testUsers.staff(Role.DOCTOR, PULMONOLOGY).username());
        otherDoctor = login(testUsers.staff(Role.DOCTOR, PULMONOLOGY).username());
        patient = testUsers.patient("초안");
        var opened =
                doctorApi.post("/api/patients/" + patient.id() + "/encounters", Map.of("departmentId", PULMONOLOGY));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        encounter = opened.json().get("encounter").get("id").asString();
    }

    ApiClient login(String username) {
        ApiClient api = new ApiClient(port);
        assertThat(api.login(username, TestUsers.PASSWORD).status()).isEqualTo(200);
        return api;
    }

    String draftUrl() {
        return "/api/encounters/" + encounter + "/note-draft";
    }

    @Test
    void an_autosave_replaces_the_draft_which_only_its_author_reads_and_saving_the_note_deletes_it() {
        assertThat(doctorApi.get(draftUrl()).status()).isEqualTo(204);

        var first = doctorApi.put(draftUrl(), Map.of("subjective", "기침 3일"));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        var second = doctorApi.put(draftUrl(), Map.of("subjective", "기침 3일, 발열", "plan", "CBC"));
        assertThat(second.status()).as(second.body()).isEqualTo(200);

        var read = doctorApi.get(draftUrl());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("subjective").asString()).isEqualTo("기침 3일, 발열");
        assertThat(read.json().get("plan").asString()).isEqualTo("CBC");
        assertThat(read.json().get("savedAt").asString()).isNotBlank();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM note_draft WHERE encounter_id = ?")
                        .param(encounter)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        // another doctor has no draft here (and does not see this one)
        assertThat(otherDoctor.get(draftUrl()).status()).isEqualTo(204);

        var note = doctorApi.post(
                "/api/encounters/" + encounter + "/notes", Map.of("subjective", "기침 3일, 발열", "plan", "CBC"));
        assertThat(note.status()).as(note.body()).isEqualTo(201);
        assertThat(doctorApi.get(draftUrl()).status()).isEqualTo(204);

        java.util.List<String> actions = jdbc.sql(
                        "SELECT action FROM audit_event WHERE patient_id = ? AND outcome = 'SUCCESS'")
                .param(patient.id().toString())
                .query(String.class)
                .list();
        assertThat(actions).contains("NOTE_DRAFT_SAVE", "NOTE_DRAFT_READ", "NOTE_CREATE");
    }

    @Test
    void discarding_deletes_the_draft_and_an_unknown_visit_is_404() {
        assertThat(doctorApi.put(draftUrl(), Map.of("assessment", "URI")).status())
                .isEqualTo(200);
        assertThat(doctorApi.delete(draftUrl()).status()).isEqualTo(204);
        assertThat(doctorApi.get(draftUrl()).status()).isEqualTo(204);
        assertThat(doctorApi
                        .get("/api/encounters/" + UUID.randomUUID() + "/note-draft")
                        .status())
                .isEqualTo(404);
        assertThat(doctorApi
                        .put("/api/encounters/" + UUID.randomUUID() + "/note-draft", Map.of("plan", "x"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void oversize_text_is_400_with_its_pointer_and_a_voided_visit_refuses_drafts() {
        Map<String, Object> body = new HashMap<>();
        body.put("plan", "x".repeat(10_001));
        var tooLong = doctorApi.put(draftUrl(), body);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("plan");

        var voided = doctorApi.post("/api/encounters/" + encounter + "/void", Map.of("reason", "wrong patient"));
        assertThat(voided.status()).as(voided.body()).isEqualTo(200);
        assertThat(doctorApi.put(draftUrl(), Map.of("plan", "CBC")).status()).isEqualTo(409);
    }

    @Test
    void an_autosave_that_crosses_the_note_save_does_not_bring_the_draft_back() {
        // a new note's autosave arriving after the note is written: refused, nothing stored
        var note = doctorApi.post("/api/encounters/" + encounter + "/notes", Map.of("subjective", "기침 3일"));
        assertThat(note.status()).as(note.body()).isEqualTo(201);
        String noteId = note.json().get("id").asString();
        var late = doctorApi.put(draftUrl(), Map.of("subjective", "기침"));
        assertThat(late.status()).as(late.body()).isEqualTo(409);
        assertThat(late.text("code")).isEqualTo("stale-version");
        assertThat(doctorApi.get(draftUrl()).status()).isEqualTo(204);

        // an amendment's draft is kept while its version is the note's current one
        var typing = doctorApi.put(draftUrl(), Map.of("noteId", noteId, "noteVersion", 0, "subjective", "기침 3일, 발열"));
        assertThat(typing.status()).as(typing.body()).isEqualTo(200);
        assertThat(typing.json().get("noteVersion").asLong()).isEqualTo(0L);
        assertThat(doctorApi.get(draftUrl()).json().get("subjective").asString())
                .isEqualTo("기침 3일, 발열");

        var amended = doctorApi.put(
                "/api/encounters/" + encounter + "/notes/" + noteId, Map.of("version", 0, "subjective", "기침 3일, 발열"));
        assertThat(amended.status()).as(amended.body()).isEqualTo(200);
        // the autosave of version 0 that was in flight lands after the amendment: refused
        var crossing = doctorApi.put(draftUrl(), Map.of("noteId", noteId, "noteVersion", 0, "subjective", "기침 3일, 발"));
        assertThat(crossing.status()).as(crossing.body()).isEqualTo(409);
        assertThat(doctorApi.get(draftUrl()).status()).isEqualTo(204);
        // one without a version is refused too
        assertThat(doctorApi
                        .put(draftUrl(), Map.of("noteId", noteId, "plan", "CBC"))
                        .status())
                .isEqualTo(409);

        // a draft that committed in the same instant as the amendment (past the check) is never returned
        var good = doctorApi.put(draftUrl(), Map.of("noteId", noteId, "noteVersion", 1, "plan", "CBC"));
        assertThat(good.status()).as(good.body()).isEqualTo(200);
        jdbc.sql("UPDATE note_draft SET note_version = 0, subjective = 'stale' WHERE encounter_id = ?")
                .param(encounter)
                .update();
        assertThat(doctorApi.get(draftUrl()).status()).isEqualTo(204);
    }
}
