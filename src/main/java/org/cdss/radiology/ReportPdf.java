package org.cdss.radiology;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.cdss.shared.HospitalZone;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The PDF of a signed report (OpenPDF): header with the patient, the order and the procedure, then findings,
 * impression, recommendation, BI-RADS, the critical-finding mark, the signature and every addendum. Labels are
 * bilingual (Korean / English) and the text is set in NanumGothic ({@code cdss.ris.pdf-font}, Debian's
 * {@code fonts-nanum}) so Korean renders; without that font the PDF is still produced in Helvetica (Korean glyphs
 * missing) and a warning is logged once.
 */
@Component
class ReportPdf {

    private static final Logger log = LoggerFactory.getLogger(ReportPdf.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final String fontPath;
    private final ZoneId zone;
    private volatile boolean warned;

    ReportPdf(
            @Value("${cdss.ris.pdf-font:/usr/share/fonts/truetype/nanum/NanumGothic.ttf}") String fontPath,
            HospitalZone zone) {
        this.fontPath = fontPath;
        this.zone = zone.zoneId();
    }

    byte[] render(ReportView r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        PdfWriter.getInstance(document, out);
        document.addTitle("Radiology report " + r.orderNumber());
        document.addCreator("CDSS");
        document.open();
        BaseFont base = baseFont();
        Font title = new Font(base, 16, Font.BOLD);
        Font heading = new Font(base, 11, Font.BOLD);
        Font body = new Font(base, 10);
        Font critical = new Font(base, 11, Font.BOLD, new java.awt.Color(0xB0, 0x00, 0x20));

        Paragraph top = new Paragraph("영상 판독 보고서 / Radiology report", title);
        top.setAlignment(Element.ALIGN_CENTER);
        top.setSpacingAfter(12);
        document.add(top);

        PdfPTable header = new PdfPTable(new float[] {1, 2, 1, 2});
        header.setWidthPercentage(100);
        cell(header, "환자 / Patient", heading);
        cell(header, nz(r.patientName()), body);
        cell(header, "등록번호 / MRN", heading);
        cell(header, nz(r.patientMrn()), body);
        cell(header, "처방번호 / Order", heading);
        cell(header, nz(r.orderNumber()), body);
        cell(header, "검사 / Procedure", heading);
        cell(header, nz(r.procedure()), body);
        cell(header, "의뢰의 / Ordered by", heading);
        cell(header, nz(r.orderedByName()), body);
        cell(header, "촬영 / Acquired", heading);
        cell(header, time(r.acquiredAt()), body);
        document.add(header);

        if (r.critical()) {
            Paragraph mark = new Paragraph("긴급 소견 / CRITICAL FINDING", critical);
            mark.setSpacingBefore(10);
            document.add(mark);
        }
        section(document, "소견 / Findings", r.findings(), heading, body);
        section(document, "결론 / Impression", r.impression(), heading, body);
        section(document, "권고 / Recommendation", r.recommendation(), heading, body);
        if (r.biradsCategory() != null) {
            section(document, "BI-RADS", Integer.toString(r.biradsCategory()), heading, body);
        }
        Paragraph signed = new Paragraph("서명 / Signed: " + nz(r.signedByName()) + " · " + time(r.signedAt()), heading);
        signed.setSpacingBefore(14);
        document.add(signed);
        for (AddendumView a : r.addenda()) {
            section(
                    document,
                    "추가 보고 / Addendum — " + nz(a.signedByName()) + " · " + time(a.signedAt())
                            + (a.critical() ? " · 긴급 소견 / CRITICAL FINDING" : ""),
                    a.body(),
                    heading,
                    body);
        }
        document.close();
        return out.toByteArray();
    }

    private BaseFont baseFont() {
        try {
            if (Files.isReadable(Path.of(fontPath))) {
                return BaseFont.createFont(fontPath, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            }
            if (!warned) {
                warned = true;
                log.warn("Font for radiology report PDFs not found (install fonts-nanum or set cdss.ris.pdf-font);"
                        + " Korean text will be missing");
            }
            return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void cell(PdfPTable table, String text, Font font) {
        PdfPCell cell = new PdfPCell(new Paragraph(text, font));
        cell.setPadding(4);
        table.addCell(cell);
    }

    private static void section(Document document, String label, String text, Font heading, Font body) {
        if (text == null || text.isBlank()) {
            return;
        }
        Paragraph h = new Paragraph(label, heading);
        h.setSpacingBefore(10);
        document.add(h);
        document.add(new Paragraph(text, body));
    }

    private String time(Instant at) {
        return at == null ? "—" : WHEN.format(at.atZone(zone));
    }

    private static String nz(String s) {
        return s == null ? "—" : s;
    }
}
