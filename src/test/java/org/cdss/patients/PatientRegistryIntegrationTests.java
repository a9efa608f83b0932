package org.cdss.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

/** Registration, editing with optimistic locking, inactivation, the encrypted RRN and search, on all databases. */
@IntegrationTest
class PatientRegistryIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RrnCipher cipher;

    @Autowired
    RrnReencryption reencryption;

    ApiClient frontDesk;
    ApiClient doctor;

    @BeforeEach
    void staff() {
        frontDesk = login(testUsers.staff(Role.ADMIN_STAFF).username());
        doctor = login(testUsers.staff(Role.DOCTOR).username());
    }

    ApiClient login(String username) {
        ApiClient api = new ApiClient(port);
        assertThat(api.login(username, TestUsers.PASSWORD).status()).isEqualTo(200);
        return api;
    }

    static Map<String, Object> patient(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("nameLatin", "Hong Gildong");
        body.put("birthDate", "1990-01-01");
        body.put("sex", "M");
        body.put("phone", "010-1234-5678");
        body.put("address", "서울특별시 종로구 1");
        body.put("bloodType", "A+");
        body.put("emergencyContactName", "홍부인");
        body.put("emergencyContactPhone", "02-123-4567");
        body.put("rrn", uniqueRrn("900101-1"));
        return body;
    }

    /**
     * A valid number with this prefix ("900101-1") and six random digits: numbers are unique (ADR 0026) and the
     * tests share one database.
     */
    static String uniqueRrn(String prefix) {
        return prefix + String.format("%06d", NEXT_RRN.getAndIncrement() % 1_000_000);
    }

    private static final java.util.concurrent.atomic.AtomicInteger NEXT_RRN =
            new java.util.concurrent.atomic.AtomicInteger(
                    java.util.concurrent.ThreadLocalRandom.current().nextInt(900_000));

    JsonNode register(Map<String, Object> body) {
        var created = frontDesk.post("/api/patients", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    static Map<String, Object> edit(JsonNode current, Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>();
        for (String f : List.of(
                "name",
                "nameLatin",
                "birthDate",
                "sex",
                "phone",
                "address",
                "bloodType",
                "emergencyContactName",
                "emergencyContactPhone")) {
            JsonNode v = current.path(f);
            body.put(f, v.isNull() || v.isMissingNode() ? null : v.asString());
        }
        body.put("version", current.path("version").asLong());
        body.putAll(changes);
        return body;
    }

    @Test
    void front_office_registers_a_patient_with_a_generated_mrn_and_a_masked_rrn() {
        JsonNode created = register(patient("홍길동"));

        assertThat(created.path("mrn").asString()).matches("\\d{8}");
        assertThat(created.path("rrnMasked").asString()).isEqualTo("900101-1******");
        assertThat(created.path("bloodType").asString()).isEqualTo("A+");
        assertThat(created.has("rrn")).isFalse();
        var read = doctor.get("/api/patients/" + created.path("id").asString());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).doesNotContain("1234567").contains("900101-1******");
    }

    @Test
    void the_rrn_is_encrypted_in_the_database() {
        Map<String, Object> body = patient("암호화");
        JsonNode created = register(body);

        String stored = jdbc.sql("SELECT rrn_encrypted FROM patient WHERE id = ?")
                .param(created.path("id").asString())
                .query(String.class)
                .single();
        assertThat(stored)
                .isNotBlank()
                .doesNotContain("900101")
                .doesNotContain(body.get("rrn").toString().substring(7))
                .startsWith("v2:" + cipher.keyId() + ":");
    }

    @Test
    void a_resident_registration_number_copied_to_another_patient_does_not_decrypt() {
        Map<String, Object> original = patient("원본");
        String a = register(original).path("id").asString();
        Map<String, Object> other = patient("대상");
        other.put("rrn", uniqueRrn("850505-2"));
        String b = register(other).path("id").asString();
        String sealedForA = jdbc.sql("SELECT rrn_encrypted FROM patient WHERE id = ?")
                .param(a)
                .query(String.class)
                .single();
        jdbc.sql("UPDATE patient SET rrn_encrypted = ? WHERE id = ?")
                .params(sealedForA, b)
                .update();

        var revealed = frontDesk.post("/api/patients/" + b + "/rrn/reveal", null);

        assertThat(revealed.status()).isEqualTo(500);
        assertThat(revealed.body())
                .doesNotContain(original.get("rrn").toString().substring(7))
                .doesNotContain(other.get("rrn").toString().substring(7));
        assertThat(frontDesk.post("/api/patients/" + a + "/rrn/reveal", null).text("rrn"))
                .isEqualTo(original.get("rrn"));
    }

    @Test
    void reencryption_rewrites_legacy_and_old_key_values_under_the_current_key_and_is_idempotent() {
        String legacy = register(patient("구형식")).path("id").asString();
        Map<String, Object> body = patient("구키");
        body.put("rrn", uniqueRrn("850505-2"));
        String oldKey = register(body).path("id").asString();
        String current = register(patient("현행")).path("id").asString();
        RrnCipher before = new RrnCipher(RrnCipherTests.OLD_KEY, "production", "unused");
        jdbc.sql("UPDATE patient SET rrn_encrypted = ? WHERE id = ?")
                .params(RrnCipherTests.legacy(RrnCipherTests.KEY, "900101-1234567"), legacy)
                .update();
        jdbc.sql("UPDATE patient SET rrn_encrypted = ? WHERE id = ?")
                .params(before.encrypt(UUID.fromString(oldKey), "850505-2345678"), oldKey)
                .update();
        String currentValue = stored(current);

        var first = reencryption.reencryptAll();
        var second = reencryption.reencryptAll();

        assertThat(first.rewritten()).isGreaterThanOrEqualTo(2);
        assertThat(second.rewritten()).isZero();
        assertThat(second.examined()).isGreaterThanOrEqualTo(3);
        assertThat(stored(legacy)).startsWith("v2:" + cipher.keyId() + ":");
        assertThat(stored(oldKey)).startsWith("v2:" + cipher.keyId() + ":");
        assertThat(stored(current)).isEqualTo(currentValue); // already current: not touched
        assertThat(jdbc.sql("SELECT COUNT(*) FROM patient WHERE rrn_encrypted IS NOT NULL AND rrn_encrypted NOT LIKE ?")
                        .param("v2:" + cipher.keyId() + ":%")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(frontDesk
                        .post("/api/patients/" + legacy + "/rrn/reveal", null)
                        .text("rrn"))
                .isEqualTo("900101-1234567");
        assertThat(frontDesk
                        .post("/api/patients/" + oldKey + "/rrn/reveal", null)
                        .text("rrn"))
                .isEqualTo("850505-2345678");
    }

    String stored(String id) {
        return jdbc.sql("SELECT rrn_encrypted FROM patient WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    @Test
    void front_office_reveals_the_rrn_and_it_is_audited_but_a_doctor_may_not() {
        Map<String, Object> body = patient("공개");
        String id = register(body).path("id").asString();

        var revealed = frontDesk.post("/api/patients/" + id + "/rrn/reveal", null);
        assertThat(revealed.status()).as(revealed.body()).isEqualTo(200);
        assertThat(revealed.text("rrn")).isEqualTo(body.get("rrn"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'PATIENT_RRN_REVEAL' AND patient_id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        assertThat(doctor.post("/api/patients/" + id + "/rrn/reveal", null).status())
                .isEqualTo(403);
    }

    @Test
    void an_edit_is_stored_and_its_changed_fields_appear_in_the_history_without_values() {
        JsonNode created = register(patient("수정"));
        String id = created.path("id").asString();

        var edited = doctor.put(
                "/api/patients/" + id, edit(created, Map.of("phone", "010-9999-8888", "rrn", uniqueRrn("900101-2"))));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.text("phone")).isEqualTo("010-9999-8888");
        assertThat(edited.text("rrnMasked")).isEqualTo("900101-2******");

        var history = frontDesk.get("/api/patients/" + id + "/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().get(0).path("action").asString()).isEqualTo("UPDATE");
        assertThat(history.json().get(0).path("fields").toString()).contains("phone", "rrn");
        assertThat(history.body()).doesNotContain("2345678").doesNotContain("9999");
    }

    @Test
    void a_stale_version_is_refused_with_409_and_nothing_is_lost() throws Exception {
        JsonNode created = register(patient("동시"));
        String id = created.path("id").asString();
        ApiClient other = login(testUsers.staff(Role.NURSE).username());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<ApiClient.Response>> results = new ArrayList<>();
        results.add(pool.submit(() -> {
            start.await();
            return doctor.put("/api/patients/" + id, edit(created, Map.of("address", "A")));
        }));
        results.add(pool.submit(() -> {
            start.await();
            return other.put("/api/patients/" + id, edit(created, Map.of("phone", "010-2222-3333")));
        }));
        start.countDown();
        List<ApiClient.Response> responses = new ArrayList<>();
        for (var f : results) {
            responses.add(f.get());
        }
        pool.shutdown();

        assertThat(responses).extracting(ApiClient.Response::status).containsExactlyInAnyOrder(200, 409);
        ApiClient.Response conflict =
                responses.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(conflict.isProblem()).isTrue();
        assertThat(conflict.text("type")).isEqualTo("urn:cdss:problem:stale-version");
        ApiClient.Response winner =
                responses.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
        JsonNode now = doctor.get("/api/patients/" + id).json();
        assertThat(now.path("version").asLong())
                .isEqualTo(created.path("version").asLong() + 1);
        assertThat(now.path("address").asString())
                .isEqualTo(winner.json().path("address").asString());
        assertThat(now.path("phone").asString())
                .isEqualTo(winner.json().path("phone").asString());

        // and a later edit with the old version is refused too
        var late = doctor.put("/api/patients/" + id, edit(created, Map.of("address", "B")));
        assertThat(late.status()).isEqualTo(409);
        assertThat(doctor.get("/api/patients/" + id).text("address")).isNotEqualTo("B");
    }

    @Test
    void inactivation_keeps_the_record_and_needs_a_reason() {
        String id = register(patient("비활성")).path("id").asString();

        assertThat(frontDesk
                        .post("/api/patients/" + id + "/inactivate", Map.of())
                        .status())
                .isEqualTo(400);
        var inactivated = frontDesk.post("/api/patients/" + id + "/inactivate", Map.of("reason", "중복 등록"));
        assertThat(inactivated.status()).as(inactivated.body()).isEqualTo(200);
        assertThat(inactivated.json().path("active").asBoolean()).isFalse();
        assertThat(doctor.get("/api/patients/" + id).status()).isEqualTo(200);
        var again = frontDesk.post("/api/patients/" + id + "/inactivate", Map.of("reason", "again"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("patient.inactive");
        var edit = frontDesk.put("/api/patients/" + id, edit(inactivated.json(), Map.of("phone", "010-0000-0000")));
        assertThat(edit.text("code")).isEqualTo("patient.inactive");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM patient WHERE id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void bad_input_gets_a_400_problem_with_pointers_and_nothing_is_stored() {
        long before = jdbc.sql("SELECT COUNT(*) FROM patient").query(Long.class).single();

        Map<String, Object> future = patient("미래");
        future.put("birthDate", LocalDate.now().plusDays(2).toString());
        assertPointer(frontDesk.post("/api/patients", future), "/birthDate");

        Map<String, Object> impossible = patient("불가능");
        impossible.put("birthDate", "2023-02-30");
        assertPointer(frontDesk.post("/api/patients", impossible), "/birthDate");

        Map<String, Object> phone = patient("전화");
        phone.put("phone", "12345");
        assertPointer(frontDesk.post("/api/patients", phone), "/phone");

        Map<String, Object> huge = patient("x".repeat(10_000));
        huge.put("address", "y".repeat(10_000));
        var tooLong = frontDesk.post("/api/patients", huge);
        assertPointer(tooLong, "/name");
        assertPointer(tooLong, "/address");

        Map<String, Object> rrn = patient("주민");
        rrn.put("rrn", "901301-1234567");
        assertPointer(frontDesk.post("/api/patients", rrn), "/rrn");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM patient").query(Long.class).single())
                .isEqualTo(before);
    }

    static void assertPointer(ApiClient.Response response, String pointer) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        List<String> pointers = new ArrayList<>();
        response.json()
                .path("errors")
                .forEach(e -> pointers.add(e.path("pointer").asString()));
        assertThat(pointers).contains(pointer);
    }

    @Test
    void markup_in_text_is_stored_verbatim() {
        String xss = "<script>alert('x')</script>";
        Map<String, Object> body = patient("스크립트");
        body.put("address", xss);
        String id = register(body).path("id").asString();

        assertThat(doctor.get("/api/patients/" + id).text("address")).isEqualTo(xss);
    }

    @Test
    void search_finds_by_initial_consonants_phone_digits_and_birth_date() {
        String unique = "ㅎ" + "ㄱ" + "ㄷ";
        Map<String, Object> body = patient("홍길동");
        body.put("phone", "010-4321-8765");
        body.put("birthDate", "1961-07-15");
        String id = register(body).path("id").asString();

        assertThat(frontDesk
                        .get("/api/patients?q=" + encode(unique) + "&size=100")
                        .body())
                .contains(id);
        assertThat(frontDesk.get("/api/patients?q=43218765&size=100").body()).contains(id);
        assertThat(frontDesk.get("/api/patients?q=010-4321-8765&size=100").body())
                .contains(id);
        assertThat(frontDesk.get("/api/patients?q=1961-07-15&size=100").body()).contains(id);
        assertThat(frontDesk
                        .get("/api/patients?q=" + encode("ㅎㅎㅎ") + "&size=100")
                        .body())
                .doesNotContain(id);
    }

    static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void a_patient_account_cannot_register_or_edit() {
        var self = testUsers.patient("포털");
        ApiClient portal = login(testUsers.patientAccount(self).username());

        assertThat(portal.post("/api/patients", patient("남")).status()).isEqualTo(403);
        assertThat(portal.get("/api/patients/" + self.id()).text("rrnMasked")).isNull();
        var someoneElse =
                portal.get("/api/patients/" + register(patient("타인")).path("id").asString());
        assertThat(someoneElse.status()).isEqualTo(404);
        assertThat(someoneElse.text("code")).isEqualTo("patient.not-found");
        assertThat(frontDesk.get("/api/patients/" + UUID.randomUUID()).text("code"))
                .isEqualTo("patient.not-found");
    }
}
