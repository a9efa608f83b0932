package org.cdss.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
 * The ranking of the unified search (exact MRN > exact phone/birth date > exact name > prefix > 초성 > substring),
 * the department preference and the audit record, on all three databases. The test database is shared with other
 * classes, so each test uses names nobody else has and checks the relative order of its own patients.
 */
@IntegrationTest
class PatientSearchRankingIntegrationTests {

    static final UUID PULMONOLOGY = UUID.fromString("0d1f0000-0000-4000-8000-000000000002");

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    PatientDirectory directory;

    @Autowired
    JdbcClient jdbc;

    ApiClient frontDesk;
    ApiClient pulmonologist;

    @BeforeEach
    void staff() {
        frontDesk = login(testUsers.staff(Role.ADMIN_STAFF).username());
        pulmonologist = login(testUsers.staff(Role.DOCTOR, PULMONOLOGY).username());
    }

    ApiClient login(String username) {
        ApiClient api = new ApiClient(port);
        assertThat(api.login(username, TestUsers.PASSWORD).status()).isEqualTo(200);
        return api;
    }

    /** Three rare Hangul syllables: a name no other test registers. */
    static String rareName() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            sb.append((char) (0xB700 + ThreadLocalRandom.current().nextInt(0x600)));
        }
        return sb.toString();
    }

    JsonNode register(String name, String birthDate, String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("nameLatin", "Test Patient");
        body.put("birthDate", birthDate);
        body.put("sex", "F");
        body.put("phone", phone);
        var created = frontDesk.post("/api/patients", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    /** The ids of one search's results, in order. */
    static List<String> ids(ApiClient api, String query) {
        var response = api.get("/api/patients?size=100&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().path("content").forEach(p -> ids.add(p.path("id").asString()));
        return ids;
    }

    @Test
    void exact_name_comes_before_prefix_and_substring_matches() {
        String name = rareName();
        String substring = register("김" + name, "1980-02-02", null).path("id").asString();
        String prefix = register(name + "수", "1980-02-02", null).path("id").asString();
        String exact = register(name, "1980-02-02", null).path("id").asString();

        assertThat(ids(frontDesk, name)).containsSubsequence(exact, prefix, substring);
        // two syllables: no substring match (too broad), the prefix matches stay in order
        assertThat(ids(frontDesk, name.substring(0, 2)))
                .containsSubsequence(exact, prefix)
                .doesNotContain(substring);
    }

    /** A Hangul name typed with spaces ("홍 길동") finds the name as registered. */
    @Test
    void a_name_typed_with_spaces_finds_the_registered_name() {
        String name = rareName();
        String id = register(name, "1982-06-06", null).path("id").asString();
        assertThat(ids(frontDesk, name.charAt(0) + " " + name.substring(1)))
                .first()
                .isEqualTo(id);
        assertThat(ids(frontDesk, " " + name.charAt(0) + "  " + name.charAt(1) + " " + name.charAt(2)))
                .first()
                .isEqualTo(id);
    }

    @Test
    void initial_consonants_find_the_patient_and_rank_exact_initials_first() {
        String name = rareName();
        String longer = register(name + "가", "1975-03-03", null).path("id").asString();
        String exact = register(name, "1975-03-03", null).path("id").asString();
        String initials = KoreanText.initials(name);

        List<String> found = ids(frontDesk, initials);
        assertThat(found).contains(exact, longer);
        // same rank (초성 prefix), then by name: the shorter name sorts first
        assertThat(found).containsSubsequence(exact, longer);
    }

    @Test
    void exact_mrn_comes_before_a_phone_that_contains_it() {
        JsonNode owner = register(rareName(), "1960-04-04", null);
        String mrn = owner.path("mrn").asString();
        String phone = "010-" + mrn.substring(0, 4) + "-" + mrn.substring(4, 8);
        String phoneMatch = register(rareName(), "1960-04-04", phone).path("id").asString();

        List<String> found = ids(frontDesk, mrn);
        assertThat(found.getFirst()).isEqualTo(owner.path("id").asString());
        assertThat(found).contains(phoneMatch);
        // the full phone number is an exact phone match: it leads
        assertThat(ids(frontDesk, phone).getFirst()).isEqualTo(phoneMatch);
    }

    @Test
    void the_callers_department_patients_come_first_unless_all_is_asked() {
        String name = rareName();
        // registered in name order so that, without preference, "first" sorts before "second" by MRN or not at all:
        // compare against the order the search gives with department=all
        String a = register(name, "1990-05-05", null).path("id").asString();
        String b = register(name, "1990-05-05", null).path("id").asString();
        List<String> neutral = ids(frontDesk, name);
        assertThat(neutral).containsExactlyInAnyOrder(a, b);
        String last = neutral.get(1);
        TestUsers.asSystem(() -> {
            directory.noteDepartmentVisit(UUID.fromString(last), PULMONOLOGY, Instant.now());
            return null;
        });

        assertThat(ids(pulmonologist, name)).containsExactly(last, neutral.getFirst());
        var all =
                pulmonologist.get("/api/patients?department=all&q=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        assertThat(all.json().path("content").get(0).path("id").asString()).isEqualTo(neutral.getFirst());
        // the front desk (no department) keeps the neutral order; naming the department applies it
        assertThat(ids(frontDesk, name)).isEqualTo(neutral);
        var named = frontDesk.get(
                "/api/patients?department=" + PULMONOLOGY + "&q=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        assertThat(named.json().path("content").get(0).path("id").asString()).isEqualTo(last);
    }

    @Test
    void results_are_paginated_with_the_total_and_each_search_is_audited() {
        String name = rareName();
        for (int i = 0; i < 3; i++) {
            register(name + i, "1985-06-06", null);
        }
        long auditsBefore = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'PATIENT_SEARCH'")
                .query(Long.class)
                .single();
        var page = frontDesk
                .get("/api/patients?size=2&page=1&q=" + URLEncoder.encode(name, StandardCharsets.UTF_8))
                .json();
        assertThat(page.path("page").path("totalElements").asLong()).isEqualTo(3);
        assertThat(page.path("page").path("totalPages").asInt()).isEqualTo(2);
        assertThat(page.path("content")).hasSize(1);
        assertThat(page.path("content").get(0).path("name").asString()).isEqualTo(name + "2");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'PATIENT_SEARCH'")
                        .query(Long.class)
                        .single())
                .isGreaterThan(auditsBefore);
        assertThat(frontDesk.get("/api/patients?department=nonsense&q=x").status())
                .isEqualTo(400);
    }
}
