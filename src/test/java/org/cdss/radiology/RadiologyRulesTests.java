package org.cdss.radiology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.cdss.shared.DomainException;
import org.cdss.shared.HospitalZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The report rules without Spring: breast imaging and BI-RADS, the LOINC code, the FHIR status, the PDF. */
class RadiologyRulesTests {

    @ParameterizedTest(name = "{0} {1} → breast {2}, LOINC {3}")
    @CsvSource({
        "MG, Breast, true, 24606-6",
        "MG, Chest, true, 24606-6",
        "MR, Breast, true, 24590-2",
        "MR, 양측 유방, true, 24590-2",
        "US, Left breast, true, 24601-7",
        "MR, Brain, false, 18755-9",
        "CT, Chest, false, 18747-6",
        "CR, Chest, false, 18748-4",
        "US, Abdomen, false, 18760-9"
    })
    void breast_imaging_and_the_report_code_follow_modality_and_body_part(
            String modality, String bodyPart, boolean breast, String loinc) {
        ReportCode code = ReportCode.of(modality, bodyPart);
        assertThat(code.breast()).isEqualTo(breast);
        assertThat(code.code()).isEqualTo(loinc);
        assertThat(code.system()).isEqualTo("http://loinc.org");
    }

    @Test
    void bi_rads_is_0_to_6_on_breast_imaging_only_and_required_to_sign_it() {
        for (int c = 0; c <= 6; c++) {
            int category = c;
            assertThatCode(() -> Birads.checkSign(category, true)).doesNotThrowAnyException();
        }
        assertThatCode(() -> Birads.checkDraft(null, true)).doesNotThrowAnyException();
        assertThatCode(() -> Birads.checkSign(null, false)).doesNotThrowAnyException();
        for (Runnable refused : List.<Runnable>of(
                () -> Birads.checkDraft(7, true),
                () -> Birads.checkDraft(-1, true),
                () -> Birads.checkDraft(2, false),
                () -> Birads.checkSign(null, true))) {
            assertThatThrownBy(refused::run)
                    .isInstanceOfSatisfying(
                            DomainException.class, e -> assertThat(e.problem()).isEqualTo(RisProblem.INVALID_BIRADS));
        }
    }

    @Test
    void a_draft_is_preliminary_a_signed_report_final_and_appended_once_it_has_addenda() {
        assertThat(ReportStatus.DRAFT.fhirStatus(false)).isEqualTo("preliminary");
        assertThat(ReportStatus.SIGNED.fhirStatus(false)).isEqualTo("final");
        assertThat(ReportStatus.SIGNED.fhirStatus(true)).isEqualTo("appended");
    }

    @Test
    void the_pdf_sets_korean_in_the_embedded_nanum_gothic() throws Exception {
        String font = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf";
        // not skipped: without the font the PDF's Korean is missing, and that is a failure (./cdss test installs
        // Debian's fonts-nanum and, in CI, stops when it could not)
        assertThat(Path.of(font))
                .as("fonts-nanum (NanumGothic) is required for Korean report PDFs: apt-get install fonts-nanum")
                .isReadable();
        // no key images on this report: the archive (KeyImageSource) is never asked
        ReportPdf pdf = new ReportPdf(font, new HospitalZone(ZoneId.of("Asia/Seoul")), null);
        Instant now = Instant.parse("2026-12-05T10:00:00Z");
        ReportView report = new ReportView(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "O-20261205-000001",
                UUID.randomUUID(),
                "홍길동",
                "12345678",
                ReportStatus.SIGNED,
                "appended",
                "MR Breast (bilateral) + contrast",
                "MR",
                true,
                "24590-2",
                "MR Breast",
                "우측 유방 10시 방향 12 mm 불규칙 종괴.",
                "악성 의심.",
                "조직검사 권고.",
                4,
                true,
                UUID.randomUUID(),
                "김민준",
                now,
                now,
                now,
                "강하은",
                UUID.randomUUID(),
                "강하은",
                now,
                3,
                List.of(new AddendumView(UUID.randomUUID(), "추가 보고: 비교 영상 확인.", false, UUID.randomUUID(), "강하은", now)),
                List.of());
        long start = System.nanoTime();
        byte[] bytes = pdf.render(report);
        long firstMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        int runs = 20;
        for (int i = 0; i < runs; i++) {
            pdf.render(report);
        }
        double meanMs = (System.nanoTime() - start) / 1e6 / runs;
        System.out.printf(
                "report PDF: %d bytes, first render %d ms, then %.1f ms each (%d runs)%n",
                bytes.length, firstMs, meanMs, runs);
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(raw).startsWith("%PDF");
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(bytes)) {
            // the page's fonts: NanumGothic, embedded (a subset, named "ABCDEF+NanumGothic"), and no other
            var resources = document.getPage(0).getResources();
            List<String> fonts = new java.util.ArrayList<>();
            for (var name : resources.getFontNames()) {
                var f = resources.getFont(name);
                assertThat(f.isEmbedded()).as("%s embedded", f.getName()).isTrue();
                fonts.add(f.getName().replaceFirst("^[A-Z]{6}\\+", ""));
            }
            assertThat(fonts).isNotEmpty().allMatch(n -> n.startsWith("NanumGothic"), "NanumGothic");
            // and the Korean text extracts back as written (glyphs mapped to their Unicode characters)
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("영상 판독 보고서")
                    .contains("홍길동")
                    .contains("우측 유방 10시 방향 12 mm 불규칙 종괴.")
                    .contains("추가 보고: 비교 영상 확인.");
        }
    }
}
