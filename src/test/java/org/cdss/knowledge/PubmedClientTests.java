package org.cdss.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.cdss.knowledge.StubHttpServer.Answer;
import org.cdss.shared.DomainException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The PubMed client against NCBI's real recorded E-utilities answers ({@code knowledge/pubmed}), served by a local
 * stub: search paging, article details, the cache, NCBI's rate limit, retries on 429/5xx, malformed XML, empty
 * results and an unreachable NCBI.
 */
@ExtendWith(KnowledgeTestData.class)
class PubmedClientTests {

    StubHttpServer ncbi;

    @BeforeEach
    void start() throws IOException {
        ncbi = new StubHttpServer();
    }

    @AfterEach
    void stop() {
        ncbi.close();
    }

    Pubmed pubmed(String apiKey) {
        return new Pubmed(client(ncbi.url() + "/eutils/", apiKey), Clock.systemUTC(), Duration.ofHours(1), 100);
    }

    static EutilsClient client(String base, String apiKey) {
        return new EutilsClient(base, apiKey, "it@hospital.example", Duration.ofSeconds(2), 3, Duration.ofMillis(20));
    }

    @Test
    void a_search_reads_the_ids_then_the_articles_with_their_details() {
        ncbi.on("/eutils/esearch.fcgi", Answer.xml(KnowledgeTestData.pubmed("esearch1.xml")));
        ncbi.on("/eutils/efetch.fcgi", Answer.xml(KnowledgeTestData.pubmed("pubmed1.xml")));

        PubmedSearchResult result = pubmed("").search("  warfarin   aspirin interaction ", 2, 6);

        assertThat(result.total()).isEqualTo(63);
        assertThat(result.query()).isEqualTo("warfarin aspirin interaction");
        assertThat(result.articles()).hasSize(2);
        PubmedArticle first = result.articles().getFirst();
        assertThat(first.pmid()).isEqualTo("12091962");
        assertThat(first.title()).isEqualTo("The treatment of AIDS behind the walls of correctional facilities.");
        assertThat(first.authors()).containsExactly("Olivero JM");
        assertThat(first.journal()).isEqualTo("Social justice (San Francisco, Calif.)");
        assertThat(first.published()).isEqualTo("1990 Spring");
        assertThat(first.meshTerms()).contains("Acquired Immunodeficiency Syndrome", "Prisoners");
        assertThat(first.pubmedUrl()).isEqualTo("https://pubmed.ncbi.nlm.nih.gov/12091962/");

        String search = ncbi.requests().getFirst().query();
        assertThat(search)
                .contains("term=warfarin+aspirin+interaction", "retstart=12", "retmax=6", "db=pubmed", "tool=cdss")
                .contains("email=it%40hospital.example")
                .doesNotContain("api_key");
        assertThat(ncbi.requests().get(1).query()).contains("id=");
    }

    @Test
    void an_article_has_its_abstract_and_doi_links() {
        ncbi.on("/eutils/efetch.fcgi", Answer.xml(KnowledgeTestData.pubmed("pubmed7.xml")));

        PubmedArticle article = pubmed("").article("29963580");

        assertThat(article.title())
                .isEqualTo("Development of a pulmonary imaging biomarker pipeline for phenotyping of chronic lung"
                        + " disease.");
        assertThat(article.abstractText()).isNotBlank();
        assertThat(article.doi()).isEqualTo("10.1117/1.JMI.5.2.026002");
        assertThat(article.doiUrl()).isEqualTo("https://doi.org/10.1117/1.JMI.5.2.026002");
        assertThat(article.authors()).isNotEmpty();
    }

    @Test
    void a_repeated_search_and_an_article_of_its_results_do_not_call_ncbi_again() {
        ncbi.on("/eutils/esearch.fcgi", Answer.xml(KnowledgeTestData.pubmed("esearch1.xml")));
        ncbi.on("/eutils/efetch.fcgi", Answer.xml(KnowledgeTestData.pubmed("pubmed2.xml")));
        Pubmed pubmed = pubmed("");

        PubmedSearchResult once = pubmed.search("cryopreservation", 0, 10);
        PubmedSearchResult twice = pubmed.search("cryopreservation", 0, 10);
        PubmedArticle opened = pubmed.article(once.articles().getFirst().pmid());

        assertThat(twice).isEqualTo(once);
        assertThat(opened).isEqualTo(once.articles().getFirst());
        assertThat(ncbi.requests()).hasSize(2);
    }

    @Test
    void a_429_is_retried_after_the_retry_after_delay() {
        ncbi.on(
                "/eutils/esearch.fcgi",
                Answer.status(429).header("Retry-After", "1"),
                Answer.xml(KnowledgeTestData.pubmed("esearch8.xml")));

        PubmedSearchResult result = pubmed("").search("abcXYZ", 0, 10);

        assertThat(result.total()).isZero();
        List<StubHttpServer.Request> calls = ncbi.requests();
        assertThat(calls).hasSize(2);
        assertThat(Duration.ofNanos(calls.get(1).nanos() - calls.get(0).nanos()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void a_5xx_is_retried_then_answered_as_pubmed_unavailable() {
        ncbi.on("/eutils/esearch.fcgi", Answer.status(500));

        assertThatThrownBy(() -> pubmed("").search("aspirin", 0, 10))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.problem()).isEqualTo(KnowledgeProblem.PUBMED_UNAVAILABLE));
        assertThat(ncbi.count("/eutils/esearch.fcgi")).isEqualTo(3);
    }

    @Test
    void a_502_then_success_is_a_success() {
        ncbi.on("/eutils/esearch.fcgi", Answer.status(502), Answer.xml(KnowledgeTestData.pubmed("esearch3.xml")));
        ncbi.on("/eutils/efetch.fcgi", Answer.xml(KnowledgeTestData.pubmed("pubmed4.xml")));

        assertThat(pubmed("").search("aspirin", 1, 6).articles()).hasSize(1);
    }

    @Test
    void malformed_xml_is_a_bad_answer_not_an_error_of_ours() {
        ncbi.on("/eutils/esearch.fcgi", Answer.xml("<eSearchResult><Count>3</Count><IdList><Id>1</Id>"));
        assertThatThrownBy(() -> pubmed("").search("aspirin", 0, 10))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.problem()).isEqualTo(KnowledgeProblem.PUBMED_BAD_ANSWER));

        ncbi.on("/eutils/esearch.fcgi", Answer.xml(KnowledgeTestData.pubmed("pubmed3.html")));
        assertThatThrownBy(() -> pubmed("").search("aspirin", 0, 10))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.problem()).isEqualTo(KnowledgeProblem.PUBMED_BAD_ANSWER));

        ncbi.on("/eutils/esearch.fcgi", Answer.xml(KnowledgeTestData.pubmed("esummary1.xml")));
        assertThatThrownBy(() -> pubmed("").search("aspirin", 0, 10)).isInstanceOf(DomainException.class);
    }

    @Test
    void empty_results_fetch_no_articles() {
        ncbi.on("/eutils/esearch.fcgi", Answer.xml(KnowledgeTestData.pubmed("esearch8.xml")));

        PubmedSearchResult result = pubmed("").search("abcXYZ", 0, 10);

        assertThat(result.total()).isZero();
        assertThat(result.articles()).isEmpty();
        assertThat(ncbi.count("/eutils/efetch.fcgi")).isZero();
    }

    @Test
    void an_unreachable_ncbi_is_pubmed_unavailable() throws IOException {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Pubmed offline = new Pubmed(
                client("http://127.0.0.1:" + closedPort + "/", ""), Clock.systemUTC(), Duration.ofHours(1), 100);

        assertThatThrownBy(() -> offline.search("aspirin", 0, 10))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.problem()).isEqualTo(KnowledgeProblem.PUBMED_UNAVAILABLE));
    }

    @Test
    void an_id_that_is_not_a_pmid_is_not_found_without_asking_ncbi() {
        assertThatThrownBy(() -> pubmed("").article("../../etc/passwd"))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.problem()).isEqualTo(KnowledgeProblem.ARTICLE_NOT_FOUND));
        assertThat(ncbi.requests()).isEmpty();
    }

    @Test
    void calls_are_spaced_to_ncbi_rate_limit_and_the_api_key_raises_it() {
        ncbi.on("/eutils/efetch.fcgi", Answer.xml(KnowledgeTestData.pubmed("pubmed7.xml")));
        EutilsClient anonymous = client(ncbi.url() + "/eutils/", "");
        for (int i = 0; i < 4; i++) {
            anonymous.get("efetch.fcgi", java.util.Map.of("id", Integer.toString(i)));
        }
        List<StubHttpServer.Request> calls = ncbi.requests();
        for (int i = 1; i < calls.size(); i++) {
            // 3 per second: at least a third of a second apart (a little less for the clock's granularity)
            assertThat(Duration.ofNanos(calls.get(i).nanos() - calls.get(i - 1).nanos()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(320));
        }
        assertThat(anonymous.requestsPerSecond()).isEqualTo(3);

        EutilsClient withKey = client(ncbi.url() + "/eutils/", "k3y");
        withKey.get("efetch.fcgi", java.util.Map.of("id", "1"));
        assertThat(withKey.requestsPerSecond()).isEqualTo(10);
        assertThat(ncbi.requests().getLast().query()).contains("api_key=k3y");
    }
}
