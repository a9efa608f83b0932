package org.cdss.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.cdss.knowledge.StubHttpServer.Answer;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Evidence in context through HTTP, with PubMed stubbed (recorded NCBI answers): an interaction alert's drug pair
 * gives a ready PubMed query and the hospital document about it; the query runs against "PubMed"; saved articles
 * with notes are per user.
 */
@IntegrationTest
@ExtendWith(KnowledgeTestData.class)
class KnowledgeEvidenceIntegrationTests {

    static final StubHttpServer NCBI;

    static {
        try {
            NCBI = new StubHttpServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void pubmed(DynamicPropertyRegistry registry) {
        registry.add("cdss.knowledge.pubmed.base-url", () -> NCBI.url() + "/eutils/");
    }

    @AfterAll
    static void stop() {
        NCBI.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    ApiClient as(String role) {
        ApiClient api = new ApiClient(port);
        assertThat(api.login(users.staff(role).username(), TestUsers.PASSWORD).status())
                .isEqualTo(200);
        return api;
    }

    @Test
    void an_interaction_alert_opens_a_ready_pubmed_query_and_the_matching_hospital_documents() {
        ApiClient doctor = as("DOCTOR");
        ApiClient.Response protocol = doctor.upload(
                "/api/knowledge/documents?type=PROTOCOL&fileName=w.txt&title=Anticoagulation",
                "text/plain",
                "Warfarin with aspirin raises the bleeding risk: check INR within 3 days. 와파린 아스피린 병용 시 출혈 주의."
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(protocol.status()).isEqualTo(201);

        ApiClient.Response r = doctor.get("/api/knowledge/evidence?context=INTERACTION&terms=Warfarin&terms=Aspirin");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode evidence = r.json();
        assertThat(evidence.get("pubmedQuery").asString()).isEqualTo("warfarin AND aspirin AND interaction");
        assertThat(evidence.at("/documents/hits").findValuesAsString("id")).contains(protocol.text("id"));

        NCBI.on("/eutils/esearch.fcgi", Answer.xml(KnowledgeTestData.pubmed("esearch1.xml")));
        NCBI.on("/eutils/efetch.fcgi", Answer.xml(KnowledgeTestData.pubmed("pubmed1.xml")));
        ApiClient.Response search = doctor.get("/api/knowledge/pubmed/search?q="
                + java.net.URLEncoder.encode(evidence.get("pubmedQuery").asString(), StandardCharsets.UTF_8));
        assertThat(search.status()).as(search.body()).isEqualTo(200);
        assertThat(search.json().get("total").asLong()).isEqualTo(63);
        assertThat(search.json().get("articles")).hasSize(2);
        assertThat(URLDecoder.decode(NCBI.requests().getFirst().query(), StandardCharsets.UTF_8))
                .contains("term=warfarin AND aspirin AND interaction");
        ApiClient.Response article = doctor.get("/api/knowledge/pubmed/articles/12091962");
        assertThat(article.status()).isEqualTo(200);
        assertThat(article.json().get("meshTerms").toString()).contains("Prisoners");

        assertThat(doctor.get("/api/knowledge/evidence?context=DIAGNOSIS&terms=Community%20acquired%20pneumonia")
                        .json()
                        .get("pubmedQuery")
                        .asString())
                .isEqualTo("\"community acquired pneumonia\" AND (therapy OR guideline)");
        assertThat(doctor.get("/api/knowledge/evidence?context=ORDER&terms=%20%22%28%29")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void saved_articles_with_notes_are_each_users_own() {
        ApiClient nurse = as("NURSE");
        ApiClient pharmacist = as("PHARMACIST");
        Map<String, String> citation = Map.of(
                "title", "The treatment of AIDS behind the walls of correctional facilities.",
                "journal", "Soc Justice",
                "published", "1990 Spring",
                "note", "출혈 위험 참고");
        ApiClient.Response saved = nurse.put("/api/knowledge/saved-articles/12091962", citation);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(nurse.put(
                                "/api/knowledge/saved-articles/12091962",
                                Map.of("title", citation.get("title"), "note", "updated note"))
                        .status())
                .isEqualTo(200);

        JsonNode mine = nurse.get("/api/knowledge/saved-articles").json();
        assertThat(mine).hasSize(1);
        assertThat(mine.at("/0/note").asString()).isEqualTo("updated note");
        assertThat(mine.at("/0/journal").asString()).isEqualTo("Soc Justice");
        assertThat(pharmacist.get("/api/knowledge/saved-articles").json()).isEmpty();

        assertThat(nurse.delete("/api/knowledge/saved-articles/12091962").status())
                .isEqualTo(204);
        assertThat(nurse.get("/api/knowledge/saved-articles").json()).isEmpty();
        assertThat(nurse.put("/api/knowledge/saved-articles/abc", citation).status())
                .isEqualTo(404);
    }

    /** A PUT is idempotent: the same article saved from several tabs at once is saved once, each answered 200. */
    @Test
    void one_article_saved_at_once_from_several_tabs_is_saved_once() throws Exception {
        ApiClient nurse = as("NURSE");
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            for (int round = 0; round < 5; round++) {
                String path = "/api/knowledge/saved-articles/3300" + round;
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
                for (int tab = 0; tab < 6; tab++) {
                    String note = "tab " + tab;
                    answers.add(pool.submit(() -> {
                        go.await();
                        return nurse.put(path, Map.of("title", "Aspirin and bleeding", "note", note))
                                .status();
                    }));
                }
                go.countDown();
                for (var answer : answers) {
                    statuses.add(answer.get(30, java.util.concurrent.TimeUnit.SECONDS));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).hasSize(30).containsOnly(200);
        assertThat(nurse.get("/api/knowledge/saved-articles").json()).hasSize(5);
    }
}
