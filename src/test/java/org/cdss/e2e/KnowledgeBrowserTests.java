package org.cdss.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cdss.knowledge.KoreanPdf;
import org.cdss.knowledge.StubHttpServer;
import org.cdss.knowledge.StubHttpServer.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The knowledge hub journey (issue 13 "done when"): a doctor searches PubMed (a local stub serving NCBI's recorded
 * answers, through the configured base URL), opens an article and saves it with a note, opens the evidence of a
 * medication-safety alert in one click, uploads a Korean protocol PDF and finds it by a Korean word inside it.
 */
class KnowledgeBrowserTests extends DemoBrowserTest {

    static final Path PUBMED =
            Path.of(System.getenv().getOrDefault("CDSS_TEST_DATA", "../shared/data"), "knowledge", "pubmed");
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
    static void stopNcbi() {
        NCBI.close();
    }

    static String recorded(String file) {
        try {
            return Files.readString(PUBMED.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void a_doctor_searches_pubmed_opens_evidence_from_an_alert_and_finds_a_korean_protocol(@TempDir Path files)
            throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(PUBMED.resolve("esearch1.xml")), "no recorded NCBI answers");
        Assumptions.assumeTrue(KoreanPdf.fontAvailable(), "fonts-nanum is not installed");
        NCBI.on("/eutils/esearch.fcgi", Answer.xml(recorded("esearch1.xml")));
        NCBI.on("/eutils/efetch.fcgi", Answer.xml(recorded("pubmed1.xml")));

        Page doctor = browser.newPage();
        browser.login(doctor, "doctor", PASSWORD);
        assertThat(doctor.getByTestId("home-page")).isVisible();

        // PubMed search, an article, saved with a note
        doctor.getByTestId("nav-knowledge").click();
        assertThat(doctor.getByTestId("knowledge-page")).isVisible();
        doctor.getByTestId("pubmed-query").fill("warfarin aspirin interaction");
        doctor.getByTestId("pubmed-search").click();
        assertThat(doctor.getByTestId("pubmed-article")).hasCount(2);
        Browser.screenshot(doctor, "knowledge-pubmed-results");
        doctor.getByTestId("pubmed-article-link").first().click();
        assertThat(doctor.getByTestId("article-title"))
                .hasText("The treatment of AIDS behind the walls of correctional facilities.");
        assertThat(doctor.getByTestId("article-mesh")).containsText("Prisoners");
        doctor.getByTestId("article-note").fill("교정시설 감염 관리 참고");
        doctor.getByTestId("article-save").click();
        assertThat(doctor.getByTestId("article-saved")).isVisible();
        Browser.screenshot(doctor, "knowledge-article");

        // evidence from a medication-safety alert, in one click (a new tab: the order stays open)
        doctor.getByTestId("nav-drug-check").click();
        doctor.getByTestId("drug-search").fill("warfarin");
        doctor.locator("[data-testid^='drug-option-']").first().click();
        doctor.getByTestId("drug-search").fill("aspirin");
        doctor.locator("[data-testid^='drug-option-']").first().click();
        doctor.getByTestId("run-check").click();
        Locator evidenceLink = doctor.getByTestId("alert-evidence").first();
        assertThat(evidenceLink).isVisible();
        Page evidence = doctor.waitForPopup(evidenceLink::click);
        assertThat(evidence.getByTestId("evidence-page")).isVisible();
        assertThat(evidence.getByTestId("evidence-query")).containsText("interaction");
        assertThat(evidence.getByTestId("evidence-query")).containsText("warfarin");
        assertThat(evidence.getByTestId("pubmed-article")).hasCount(2);
        Browser.screenshot(evidence, "knowledge-evidence-from-alert");
        evidence.close();

        // a Korean protocol PDF, uploaded and found by a Korean word inside it
        Path pdf = files.resolve("고혈압-응급-프로토콜.pdf");
        Files.write(pdf, KoreanPdf.of("중환자실 고혈압 응급 프로토콜", "수축기 혈압이 180 이상이면 니카르디핀을 정맥 투여한다.", "투여 전 칼륨 수치를 확인한다."));
        doctor.getByTestId("nav-knowledge").click();
        doctor.getByTestId("knowledge-tab-documents").click();
        doctor.getByTestId("upload-file").setInputFiles(pdf);
        doctor.getByTestId("upload-title").fill("고혈압 응급 프로토콜");
        doctor.getByTestId("upload-submit").click();
        assertThat(doctor.getByTestId("upload-done")).isVisible();
        doctor.getByTestId("document-query").fill("니카르디핀");
        doctor.getByTestId("document-search").click();
        Locator hit = doctor.getByTestId("document-hit");
        assertThat(hit).hasCount(1);
        assertThat(hit).containsText("고혈압 응급 프로토콜");
        assertThat(hit.locator("mark").first()).isVisible();
        Browser.screenshot(doctor, "knowledge-korean-document");
        doctor.context().close();
    }
}
