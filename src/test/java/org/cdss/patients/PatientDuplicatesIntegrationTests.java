package org.cdss.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Duplicate patients (issue 15 item 4, ADR 0026), on every database: the resident registration number is unique
 * through its keyed hash (refused by the service and by the unique index), the check before a registration finds
 * name + birth date and phone matches, rows stored before the hash are hashed at start-up with existing duplicates
 * marked rather than failing, and an administrator's merge moves the allergies to the surviving chart, with audit.
 */
@IntegrationTest
class PatientDuplicatesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RrnCipher cipher;

    @Autowired
    RrnHasher hasher;

    @Autowired
    RrnHashBackfill backfill;

    ApiClient frontDesk;
    ApiClient doctor;
    ApiClient admin;

    @BeforeEach
    void staff() {
        frontDesk = login(testUsers.staff(Role.ADMIN_STAFF).username());
        doctor = login(testUsers.staff(Role.DOCTOR).username());
        admin = login(testUsers.staff(Role.ADMIN).username());
    }

    ApiClient login(String username) {
        ApiClient api = new ApiClient(port);
        assertThat(api.login(username, TestUsers.PASSWORD).status()).isEqualTo(200);
        return api;
    }

    /** A patient with a unique name (the tests share one database) and birth date 1971-07-0x. */
    static Map<String, Object> person(String name, String birthDate, String phone, String rrn) {
        Map<String, Object> body = PatientRegistryIntegrationTests.patient(name);
        body.put("birthDate", birthDate);
        body.put("phone", phone);
        if (rrn == null) {
            body.remove("rrn");
        } else {
            body.put("rrn", rrn);
        }
        return body;
    }

    String register(Map<String, Object> body) {
        var created = frontDesk.post("/api/patients", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("id");
    }

    @Test
    void a_second_registration_with_the_same_resident_registration_number_is_refused_naming_the_existing_chart() {
        String rrn = PatientRegistryIntegrationTests.uniqueRrn("710702-2");
        String first = register(person("중복번호", "1971-07-02", "010-2222-0001", rrn));

        // the same number spelt without the hyphen, another name: still the same number
        var second =
                frontDesk.post("/api/patients", person("다른이름", "1971-07-02", "010-2222-0002", rrn.replace("-", "")));
        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.isProblem()).isTrue();
        assertThat(second.json().path("type").asString()).endsWith("patient.duplicate-rrn");
        assertThat(second.text("existingPatientId")).isEqualTo(first);
        assertThat(second.body()).doesNotContain(rrn.substring(7));

        // an edit that would give another record the number is refused too
        String other = register(person("편집대상", "1971-07-02", "010-2222-0003", null));
        JsonNode current = frontDesk.get("/api/patients/" + other).json();
        Map<String, Object> edit = person("편집대상", "1971-07-02", "010-2222-0003", rrn);
        edit.put("version", current.path("version").asLong());
        var edited = frontDesk.put("/api/patients/" + other, edit);
        assertThat(edited.status()).as(edited.body()).isEqualTo(409);
        assertThat(edited.text("existingPatientId")).isEqualTo(first);

        // a doctor is refused the number too, but is not told whose it is
        Map<String, Object> doctorsEdit = person("편집대상", "1971-07-02", "010-2222-0003", rrn);
        doctorsEdit.put("version", current.path("version").asLong());
        var doctorsTry = doctor.put("/api/patients/" + other, doctorsEdit);
        assertThat(doctorsTry.status()).as(doctorsTry.body()).isEqualTo(409);
        assertThat(doctorsTry.json().has("existingPatientId")).isFalse();
    }

    @Test
    void the_database_refuses_two_records_with_the_same_hash() {
        String rrn = PatientRegistryIntegrationTests.uniqueRrn("710703-1");
        String first = register(person("해시원본", "1971-07-03", "010-3333-0001", rrn));
        String second = register(person("해시사본", "1971-07-03", "010-3333-0002", null));
        String hash = jdbc.sql("SELECT rrn_hash FROM patient WHERE id = ?")
                .param(first)
                .query(String.class)
                .single();
        assertThat(hash).isEqualTo(hasher.hash(rrn)).hasSize(64).doesNotContain(rrn.substring(0, 6));

        assertThatThrownBy(() -> jdbc.sql("UPDATE patient SET rrn_hash = ? WHERE id = ?")
                        .params(hash, second)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void the_check_before_registration_finds_name_and_birth_date_and_phone_matches_with_their_reasons() {
        String rrn = PatientRegistryIntegrationTests.uniqueRrn("710704-2");
        String existing = register(person("김 확인", "1971-07-04", "010-4444-0001", rrn));
        String samePhone = register(person("김확인아님", "1971-07-04", "010-4444-0002", null));

        // name differs in spacing only; the phone of the second record; no number
        var check = frontDesk.post(
                "/api/patients/duplicates/check",
                Map.of("name", "김확인", "birthDate", "1971-07-04", "phone", "01044440002"));
        assertThat(check.status()).as(check.body()).isEqualTo(200);
        JsonNode matches = check.json();
        assertThat(matches).hasSize(2);
        assertThat(matches.get(0).path("patient").path("id").asString()).isEqualTo(existing);
        assertThat(matches.get(0).path("reasons").toString()).contains("NAME_BIRTH_DATE");
        assertThat(matches.get(1).path("patient").path("id").asString()).isEqualTo(samePhone);
        assertThat(matches.get(1).path("reasons").toString()).contains("PHONE_BIRTH_DATE");

        // for the front office the number alone finds the record whatever the name (and the record shown is audited)
        var byNumber = frontDesk.post(
                "/api/patients/duplicates/check", Map.of("name", "전혀다름", "birthDate", "1980-01-01", "rrn", rrn));
        assertThat(byNumber.json()).hasSize(1);
        assertThat(byNumber.json().get(0).path("reasons").toString()).contains("RRN");
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_event WHERE action = 'PATIENT_DUPLICATE_CHECK' AND patient_id = ?")
                        .param(existing)
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(1);
        // a doctor, who may not reveal numbers, does not match by one: otherwise trying every number that fits the
        // masked one would find it
        var doctorsTry = doctor.post(
                "/api/patients/duplicates/check", Map.of("name", "전혀다름", "birthDate", "1980-01-01", "rrn", rrn));
        assertThat(doctorsTry.status()).isEqualTo(200);
        assertThat(doctorsTry.json()).isEmpty();

        // another birth date: no match; the record being edited is not its own duplicate
        assertThat(frontDesk
                        .post("/api/patients/duplicates/check", Map.of("name", "김확인", "birthDate", "1971-07-05"))
                        .json())
                .isEmpty();
        assertThat(frontDesk
                        .post(
                                "/api/patients/duplicates/check",
                                Map.of("name", "김확인", "birthDate", "1971-07-04", "excludeId", existing))
                        .json())
                .isEmpty();
        // bad input is a 400 with a pointer, never a 500
        var bad = frontDesk.post("/api/patients/duplicates/check", Map.of("name", "", "birthDate", "1971-07-04"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'PATIENT_DUPLICATE_CHECK'")
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void numbers_stored_before_the_hash_are_hashed_at_start_up_and_an_existing_duplicate_is_listed_not_refused() {
        String shared = PatientRegistryIntegrationTests.uniqueRrn("710705-1");
        String older = register(person("옛중복", "1971-07-05", "010-5555-0001", null));
        String younger = register(person("옛중복", "1971-07-05", "010-5555-0002", null));
        jdbc.sql("UPDATE patient SET created_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.valueOf("2001-01-01 00:00:00"), older)
                .update();
        // as a release before V26 left them: the same number sealed on both rows, no hash
        for (String id : new String[] {older, younger}) {
            jdbc.sql("UPDATE patient SET rrn_encrypted = ?, rrn_masked = ?, rrn_hash = NULL WHERE id = ?")
                    .params(cipher.encrypt(UUID.fromString(id), shared), RrnCipher.mask(shared), id)
                    .update();
        }

        var first = backfill.backfill();
        var second = backfill.backfill();

        assertThat(first.hashed()).isGreaterThanOrEqualTo(1);
        assertThat(first.duplicates()).isGreaterThanOrEqualTo(1);
        assertThat(second.hashed() + second.duplicates()).isZero();
        assertThat(column("rrn_hash", older)).isEqualTo(hasher.hash(shared));
        assertThat(column("rrn_hash", younger)).isNull();
        assertThat(column("rrn_duplicate_of", younger)).isEqualTo(older);

        var listed = admin.get("/api/admin/patient-duplicates");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        JsonNode pair = find(listed.json(), younger);
        assertThat(pair).as(listed.body()).isNotNull();
        assertThat(pair.path("older").path("id").asString()).isEqualTo(older);
        assertThat(pair.path("reasons").toString()).contains("RRN", "NAME_BIRTH_DATE");
        assertThat(frontDesk.get("/api/admin/patient-duplicates").status()).isEqualTo(403);
    }

    @Test
    void an_administrator_merges_a_duplicate_and_its_penicillin_allergy_moves_to_the_surviving_chart() {
        String survivor = register(person("병합대상", "1971-07-06", "010-6666-0001", null));
        String rrn = PatientRegistryIntegrationTests.uniqueRrn("710706-2");
        String duplicate = register(person("병합대상", "1971-07-06", "010-6666-0002", rrn));
        var allergy = doctor.post(
                "/api/patients/" + duplicate + "/allergies",
                Map.of("substance", "Penicillin", "reaction", "두드러기", "severity", "SEVERE"));
        assertThat(allergy.status()).as(allergy.body()).isEqualTo(201);

        Map<String, Object> merge = Map.of("mergedId", duplicate, "survivorId", survivor, "reason", "같은 사람 중복 등록");
        assertThat(frontDesk.post("/api/admin/patient-duplicates/merge", merge).status())
                .isEqualTo(403);
        var merged = admin.post("/api/admin/patient-duplicates/merge", merge);
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        // the number moved with the chart (the survivor had none)
        assertThat(merged.text("rrnMasked")).isEqualTo(RrnCipher.mask(rrn));

        JsonNode allergies =
                doctor.get("/api/patients/" + survivor + "/allergies").json();
        assertThat(allergies.toString()).contains("group:PENICILLINS");
        JsonNode gone = doctor.get("/api/patients/" + duplicate).json();
        assertThat(gone.path("active").asBoolean()).isFalse();
        assertThat(gone.path("mergedInto").asString()).isEqualTo(survivor);
        JsonNode links = doctor.get("/api/patients/" + survivor + "/merged").json();
        assertThat(links).hasSize(1);
        assertThat(links.get(0).path("id").asString()).isEqualTo(duplicate);
        assertThat(frontDesk
                        .post("/api/patients/" + survivor + "/rrn/reveal", null)
                        .text("rrn"))
                .isEqualTo(rrn);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'PATIENT_MERGE' AND patient_id IN (?, ?)")
                        .params(survivor, duplicate)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);

        // the merged record takes no new clinical data: its allergies and medications are the survivor's now, so an
        // order placed on it would be checked against empty lists; new entries and orders go to the survivor
        var lateAllergy = doctor.post(
                "/api/patients/" + duplicate + "/allergies", Map.of("substance", "Aspirin", "severity", "MILD"));
        assertThat(lateAllergy.status()).as(lateAllergy.body()).isEqualTo(409);
        assertThat(lateAllergy.text("code")).isEqualTo("patient.inactive");
        var lateOrder = doctor.post(
                "/api/ocs/orders",
                org.cdss.support.OrderBodies.medication(java.util.UUID.fromString(duplicate), "DB01060", 500));
        assertThat(lateOrder.status()).as(lateOrder.body()).isEqualTo(409);
        assertThat(lateOrder.json().path("errors").get(0).path("pointer").asString())
                .isEqualTo("/patientId");
        assertThat(doctor.post("/api/patients/" + duplicate + "/allergies/none-confirmed", null)
                        .status())
                .isEqualTo(409);
        assertThat(doctor.post(
                                "/api/ocs/orders",
                                org.cdss.support.OrderBodies.medication(
                                        java.util.UUID.fromString(survivor), "DB00641", 20))
                        .status())
                .isEqualTo(201);

        // a second merge of the same record, or a record into itself, is refused
        assertThat(admin.post("/api/admin/patient-duplicates/merge", merge).status())
                .isEqualTo(409);
        assertThat(admin.post(
                                "/api/admin/patient-duplicates/merge",
                                Map.of("mergedId", survivor, "survivorId", survivor, "reason", "x"))
                        .status())
                .isEqualTo(409);
    }

    /**
     * The portal login follows the patient: it moves to the survivor when the survivor has none (its session ends,
     * as it carried the old record), and is closed when the survivor has its own; the merged record's unredeemed
     * activation code is withdrawn and no new one is issued for it.
     */
    @Test
    void a_portal_account_follows_its_patient_to_the_surviving_record() {
        var duplicate = testUsers.patient("포털병합중복");
        var survivor = testUsers.patient("포털병합생존");
        var account = testUsers.patientAccount(duplicate);
        ApiClient portal = login(account.username());
        assertThat(portal.get("/api/patients/" + duplicate.id()).status()).isEqualTo(200);
        var other = testUsers.patient("포털병합코드");
        assertThat(frontDesk
                        .post("/api/patients/" + other.id() + "/portal-activation-code", null)
                        .status())
                .isEqualTo(201);

        var merged = admin.post(
                "/api/admin/patient-duplicates/merge",
                Map.of("mergedId", duplicate.id(), "survivorId", survivor.id(), "reason", "같은 사람 중복 등록"));
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT patient_id FROM app_user WHERE id = ?")
                        .param(account.id().toString())
                        .query(String.class)
                        .single())
                .isEqualTo(survivor.id().toString());
        assertThat(portal.get("/api/patients/" + survivor.id()).status())
                .as("the old session carried the merged record")
                .isEqualTo(401);
        ApiClient again = login(account.username());
        assertThat(again.get("/api/patients/" + survivor.id()).status()).isEqualTo(200);
        var refused = frontDesk.post("/api/patients/" + duplicate.id() + "/portal-activation-code", null);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.text("code")).isEqualTo("patient.inactive");

        // a record merged with an unredeemed code: the code is withdrawn; the survivor has an account now, so a second
        // duplicate's own account is closed
        var secondDuplicate = testUsers.patient("포털병합중복둘");
        var secondAccount = testUsers.patientAccount(secondDuplicate);
        assertThat(admin.post(
                                "/api/admin/patient-duplicates/merge",
                                Map.of(
                                        "mergedId", other.id(),
                                        "survivorId", survivor.id(),
                                        "reason", "같은 사람 중복 등록"))
                        .status())
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM portal_activation_code WHERE patient_id = ?")
                        .param(other.id().toString())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(admin.post(
                                "/api/admin/patient-duplicates/merge",
                                Map.of(
                                        "mergedId", secondDuplicate.id(),
                                        "survivorId", survivor.id(),
                                        "reason", "같은 사람 중복 등록"))
                        .status())
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT active FROM app_user WHERE id = ?")
                        .param(secondAccount.id().toString())
                        .query(Boolean.class)
                        .single())
                .isFalse();
        assertThat(new ApiClient(port)
                        .login(secondAccount.username(), TestUsers.PASSWORD)
                        .status())
                .isNotEqualTo(200);
    }

    String column(String column, String id) {
        return jdbc.sql("SELECT " + column + " FROM patient WHERE id = ?")
                .param(id)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1)).map(String::strip))
                .single()
                .orElse(null);
    }

    static JsonNode find(JsonNode pairs, String youngerId) {
        for (JsonNode pair : pairs) {
            if (pair.path("younger").path("id").asString().equals(youngerId)) {
                return pair;
            }
        }
        return null;
    }
}
