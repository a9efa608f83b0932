package org.cdss.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.awaitility.Awaitility;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The document library through HTTP: Korean PDF (made here with PDFBox and Nanum Gothic) found by a Korean word inside
 * it, English and mixed queries, highlighting, filters, versions, access by role, HTML with scripts sanitised, DOCX,
 * and the refusals (a 100 MB PDF, an unsupported file). Also the PubMed endpoint's 503 when NCBI is unreachable.
 */
@IntegrationTest
class KnowledgeDocumentIntegrationTests {

    static final String PULMONOLOGY = "0d1f0000-0000-4000-8000-000000000002";
    static final String SURGERY = "0d1f0000-0000-4000-8000-000000000003";

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    ApiClient doctor;
    ApiClient nurse;
    ApiClient pharmacist;

    @BeforeEach
    void login() {
        // a pulmonologist: the protocols below are pulmonology's (a department's documents are its members')
        doctor = new ApiClient(port);
        assertThat(doctor.login(
                                users.staff(
                                                org.cdss.shared.security.Role.DOCTOR,
                                                java.util.UUID.fromString(PULMONOLOGY))
                                        .username(),
                                TestUsers.PASSWORD)
                        .status())
                .isEqualTo(200);
        nurse = as("NURSE");
        pharmacist = as("PHARMACIST");
    }

    ApiClient as(String role) {
        ApiClient api = new ApiClient(port);
        assertThat(api.login(users.staff(role).username(), TestUsers.PASSWORD).status())
                .isEqualTo(200);
        return api;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String uploadPath(String title, String type, String department, String fileName, String audience) {
        return "/api/knowledge/documents?title=" + enc(title) + "&type=" + type
                + (department == null ? "" : "&departmentId=" + department) + "&fileName=" + enc(fileName)
                + (audience == null ? "" : "&audience=" + audience);
    }

    JsonNode search(ApiClient api, String query, String filters) {
        ApiClient.Response r = api.get("/api/knowledge/documents?q=" + enc(query) + filters);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.get("hits").forEach(h -> ids.add(h.at("/document/id").asString()));
        return ids;
    }

    @Test
    void a_korean_protocol_pdf_is_found_by_a_korean_word_inside_it_with_the_word_highlighted() {
        Assumptions.assumeTrue(KoreanPdf.fontAvailable(), "fonts-nanum is not installed");
        String unique = "이소프로테레놀" + System.nanoTime() % 1000;
        byte[] pdf = KoreanPdf.of(
                "중환자실 고혈압 응급 프로토콜",
                "수축기 혈압이 180 이상이면 니카르디핀을 정맥 투여한다.",
                "서맥에는 " + unique + "을 고려한다. Check potassium before dosing.");
        ApiClient.Response created = doctor.upload(
                uploadPath("고혈압 응급 프로토콜", "PROTOCOL", PULMONOLOGY, "고혈압-프로토콜.pdf", null), "application/pdf", pdf);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.json().get("mediaType").asString()).isEqualTo("application/pdf");
        assertThat(created.json().get("version").asInt()).isEqualTo(1);

        // a Korean word in another form than in the text (nori: 니카르디핀을 → 니카르디핀)
        assertThat(ids(search(nurse, "니카르디핀", ""))).contains(id);
        JsonNode korean = search(nurse, "혈압 " + unique, "");
        assertThat(ids(korean)).containsExactly(id);
        assertThat(korean.at("/hits/0/fragments/0").asString()).contains("\uE000혈압\uE001이");
        // English inside a Korean document, a mixed query, and a Korean query of a word in the title only
        assertThat(ids(search(nurse, "potassium", ""))).contains(id);
        assertThat(ids(search(nurse, "고혈압 potassium", ""))).contains(id);
        assertThat(ids(search(nurse, unique, ""))).containsExactly(id);
        // every word must match
        assertThat(ids(search(nurse, unique + " 아세트아미노펜", ""))).doesNotContain(id);

        // filters: type, department, date
        assertThat(ids(search(nurse, unique, "&type=PROTOCOL"))).containsExactly(id);
        assertThat(ids(search(nurse, unique, "&type=GUIDELINE"))).isEmpty();
        assertThat(ids(search(nurse, unique, "&departmentId=" + PULMONOLOGY))).containsExactly(id);
        assertThat(ids(search(nurse, unique, "&departmentId=" + SURGERY))).isEmpty();
        assertThat(ids(search(nurse, unique, "&from=2000-01-01&to=2000-12-31"))).isEmpty();
        assertThat(ids(search(
                        nurse, unique, "&from=" + java.time.LocalDate.now().minusDays(2))))
                .containsExactly(id);
        // the library lists it, and its detail shows the text
        ApiClient.Response detail = nurse.get("/api/knowledge/documents/" + id);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.json().get("textPreview").asString()).contains(unique);
        ApiClient.Response file = nurse.get("/api/knowledge/documents/" + id + "/versions/1/content");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.contentType()).startsWith("application/pdf");
    }

    @Test
    void a_new_version_replaces_the_searched_text_and_keeps_the_history() {
        String old = "oldword" + System.nanoTime();
        String neu = "newword" + System.nanoTime();
        String id = doctor.upload(
                        uploadPath("Sepsis bundle", "GUIDELINE", null, "sepsis.txt", null),
                        "text/plain",
                        ("Sepsis bundle " + old).getBytes(StandardCharsets.UTF_8))
                .text("id");
        assertThat(ids(search(nurse, old, ""))).containsExactly(id);

        ApiClient.Response v2 = doctor.upload(
                "/api/knowledge/documents/" + id + "/versions?fileName=sepsis-v2.txt",
                "text/plain",
                ("Sepsis bundle revised " + neu).getBytes(StandardCharsets.UTF_8));
        assertThat(v2.status()).as(v2.body()).isEqualTo(201);
        assertThat(v2.json().get("version").asInt()).isEqualTo(2);

        assertThat(ids(search(nurse, neu, ""))).containsExactly(id);
        assertThat(ids(search(nurse, old, ""))).isEmpty();
        JsonNode versions = nurse.get("/api/knowledge/documents/" + id).json().get("versions");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("fileName").asString()).isEqualTo("sepsis-v2.txt");

        // another author who can read it may not revise it (it is neither theirs nor their department's)
        ApiClient otherDoctor = as("DOCTOR");
        for (ApiClient other : new ApiClient[] {otherDoctor, pharmacist}) {
            ApiClient.Response refused = other.upload(
                    "/api/knowledge/documents/" + id + "/versions?fileName=sepsis-v3.txt",
                    "text/plain",
                    "Sepsis bundle rewritten".getBytes(StandardCharsets.UTF_8));
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        }
        assertThat(nurse.get("/api/knowledge/documents/" + id).json().get("versions"))
                .hasSize(2);
    }

    /** A protocol filed under another department would read as that department's own: refused, nothing stored. */
    @Test
    void a_document_is_published_only_under_the_authors_own_department() {
        String word = "surgeryprotocol" + System.nanoTime();
        ApiClient.Response refused = doctor.upload(
                uploadPath("ICU protocol", "PROTOCOL", SURGERY, "icu.txt", null),
                "text/plain",
                ("ICU " + word).getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.json().at("/errors/0/pointer").asString()).isEqualTo("/departmentId");
        assertThat(ids(as("ADMIN").get("/api/knowledge/documents?q=" + word).json()))
                .isEmpty();
        // an administrator files a document under any department
        assertThat(as("ADMIN")
                        .upload(
                                uploadPath("ICU protocol", "PROTOCOL", SURGERY, "icu.txt", null),
                                "text/plain",
                                ("ICU " + word).getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void a_document_for_pharmacists_is_hidden_from_nurses() {
        String word = "vancomycintrough" + System.nanoTime();
        String id = doctor.upload(
                        uploadPath("Vancomycin dosing", "PROTOCOL", null, "vanco.txt", "PHARMACIST"),
                        "text/plain",
                        ("Vancomycin " + word).getBytes(StandardCharsets.UTF_8))
                .text("id");

        assertThat(ids(search(pharmacist, word, ""))).containsExactly(id);
        assertThat(ids(search(nurse, word, ""))).isEmpty();
        assertThat(nurse.get("/api/knowledge/documents/" + id).status()).isEqualTo(404);
        assertThat(ids(nurse.get("/api/knowledge/documents").json())).doesNotContain(id);
        assertThat(ids(as("ADMIN").get("/api/knowledge/documents?q=" + word).json()))
                .containsExactly(id);
        // nurses read, they do not upload protocols
        assertThat(nurse.upload(uploadPath("x", "OTHER", null, "x.txt", null), "text/plain", new byte[] {'x'})
                        .status())
                .isEqualTo(403);
    }

    @Test
    void html_with_scripts_is_stored_sanitised_and_the_script_is_not_searchable() {
        String word = "heparinprotocol" + System.nanoTime();
        String html = "<html><head><script>alert('scriptword')</script></head><body onload=\"steal()\">"
                + "<h1>Heparin</h1><p>" + word + " <img src=x onerror=alert(1)>infusion</p>"
                + "<iframe src=\"https://evil.example\"></iframe><a href=\"javascript:alert(2)\">link</a></body></html>";
        ApiClient.Response created = doctor.upload(
                uploadPath("Heparin", "PROTOCOL", null, "heparin.html", null),
                "text/html",
                html.getBytes(StandardCharsets.UTF_8));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.text("id");

        assertThat(ids(search(nurse, word, ""))).containsExactly(id);
        assertThat(ids(search(nurse, "scriptword", ""))).isEmpty();
        String stored = nurse.get("/api/knowledge/documents/" + id + "/versions/1/content")
                .body();
        assertThat(stored)
                .contains(word)
                .doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("onload")
                .doesNotContainIgnoringCase("onerror")
                .doesNotContainIgnoringCase("<iframe")
                .doesNotContainIgnoringCase("javascript:");
    }

    @Test
    void a_docx_is_read() throws IOException {
        String word = "docxword" + System.nanoTime();
        ApiClient.Response created = doctor.upload(
                uploadPath("Falls prevention", "POLICY", null, "falls.docx", null),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                docx("낙상 예방 지침", "Falls prevention " + word));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(ids(search(nurse, word, ""))).containsExactly(created.text("id"));
        assertThat(ids(search(nurse, "낙상 " + word, ""))).containsExactly(created.text("id"));
    }

    @Test
    void a_100_mb_pdf_is_refused_by_the_size_limit_with_a_clear_problem() throws Exception {
        // a raw socket: the server answers before the client has sent the body, which java.net.http reports as a
        // broken pipe instead of the answer
        long length = 100L * 1024 * 1024;
        String head = "POST " + uploadPath("Huge", "OTHER", null, "huge.pdf", null) + " HTTP/1.1\r\n"
                + "Host: localhost:" + port + "\r\nContent-Type: application/pdf\r\nContent-Length: " + length
                + "\r\nCookie: CDSS_SESSION=" + doctor.cookie("CDSS_SESSION").orElseThrow() + "; XSRF-TOKEN="
                + doctor.cookie("XSRF-TOKEN").orElseThrow() + "\r\nX-XSRF-TOKEN="
                + "\r\nAccept-Language: en\r\nConnection: close\r\n";
        head = head.replace(
                        "X-XSRF-TOKEN=",
                        "X-XSRF-TOKEN: " + doctor.cookie("XSRF-TOKEN").orElseThrow()) + "\r\n";
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            Thread sender = Thread.ofVirtual().start(() -> {
                byte[] chunk = new byte[1024 * 1024];
                System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1), 0, chunk, 0, 9);
                try {
                    for (int i = 0; i < 100; i++) {
                        out.write(chunk);
                    }
                } catch (IOException refused) {
                    // the server stopped reading: expected
                }
            });
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            sender.join(20_000);
            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer).contains("application/problem+json", "knowledge.document-too-large", "12 MB");
        }
    }

    @Test
    void files_that_are_not_documents_are_refused() {
        ApiClient.Response fakePdf = doctor.upload(
                uploadPath("Fake", "OTHER", null, "fake.pdf", null),
                "application/pdf",
                "not a pdf at all".getBytes(StandardCharsets.UTF_8));
        assertThat(fakePdf.status()).isEqualTo(422);
        assertThat(fakePdf.text("code")).isEqualTo("knowledge.document-type-unsupported");

        ApiClient.Response brokenPdf = doctor.upload(
                uploadPath("Broken", "OTHER", null, "broken.pdf", null),
                "application/pdf",
                "%PDF-1.7 garbage".getBytes(StandardCharsets.UTF_8));
        assertThat(brokenPdf.status()).isEqualTo(422);
        assertThat(brokenPdf.text("code")).isEqualTo("knowledge.document-unreadable");

        ApiClient.Response exe = doctor.upload(
                uploadPath("Binary", "OTHER", null, "tool.exe", null),
                "application/octet-stream",
                new byte[] {'M', 'Z', 0, 0, 1, 2});
        assertThat(exe.status()).isEqualTo(422);
        assertThat(doctor.get("/api/knowledge/documents?q=" + enc("\"unbalanced (* ~"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void a_search_too_long_or_too_far_is_a_400_problem_never_a_500() {
        // more words than a search holds (past Lucene's clause limit if it were parsed), still a short URL
        String words = "고혈압 치료 protocol 약물 hypertension ".repeat(15);
        ApiClient.Response tooLong = doctor.get("/api/knowledge/documents?q=" + enc(words));
        assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
        assertThat(tooLong.text("code")).isEqualTo("knowledge.query-invalid");
        ApiClient.Response farPage = doctor.get("/api/knowledge/documents?q=" + enc("protocol") + "&page=2147483647");
        assertThat(farPage.status()).as(farPage.body()).isEqualTo(400);
        assertThat(farPage.text("code")).isEqualTo("knowledge.query-invalid");
        ApiClient.Response ordinary = doctor.get("/api/knowledge/documents?q=" + enc("고혈압 protocol") + "&page=3");
        assertThat(ordinary.status()).as(ordinary.body()).isEqualTo(200);
    }

    @Test
    void pubmed_unreachable_is_a_503_problem() {
        ApiClient.Response r = nurse.get("/api/knowledge/pubmed/search?q=aspirin");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.text("code")).isEqualTo("knowledge.pubmed-unavailable");
        assertThat(r.body()).doesNotContain("Exception");
    }

    static byte[] docx(String... paragraphs) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
            for (String p : paragraphs) {
                xml.append("<w:p><w:r><w:t>").append(p).append("</w:t></w:r></w:p>");
            }
            xml.append("</w:body></w:document>");
            zip.write(xml.toString().getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    static void await(Runnable assertion) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(assertion::run);
    }
}
