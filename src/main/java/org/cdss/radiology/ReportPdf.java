package org.cdss.radiology;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.cdss.imaging.KeyImageSource;
import org.cdss.shared.HospitalZone;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
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
 * impression, recommendation, BI-RADS, the critical-finding mark, the signature, every addendum and the key images
 * (rendered JPEGs from the archive through {@link KeyImageSource}, scaled two to a row, each captioned with its
 * series description and image number). When the archive cannot give them the PDF is still produced, text only, with
 * a line saying the key images could not be included. Labels are
 * bilingual (Korean / English) and the text is set in NanumGothic ({@code cdss.ris.pdf-font}, Debian's
 * {@code fonts-nanum}) so Korean renders; without that font the PDF is still produced in Helvetica (Korean glyphs
 * missing) and a warning is logged once.
 */
@Component
class ReportPdf {

    private static final Logger log = LoggerFactory.getLogger(ReportPdf.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The largest a key image is drawn (points): two to a row on A4. */
    private static final float IMAGE_BOX = 230;

    private final String fontPath;
    private final ZoneId zone;
    private final KeyImageSource keyImages;
    private volatile boolean warned;

    ReportPdf(
            @Value("${cdss.ris.pdf-font:/usr/share/fonts/truetype/nanum/NanumGothic.ttf}") String fontPath,
            HospitalZone zone,
            KeyImageSource keyImages) {
        this.fontPath = fontPath;
        this.zone = zone.zoneId();
        this.keyImages = keyImages;
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
        keyImages(document, r.keyImages(), heading, body);
        document.close();
        return out.toByteArray();
    }

    /**
     * The key images, or — when the archive cannot give every one of them — a line saying so instead (a report with
     * some of its chosen images silently missing would mislead).
     */
    private void keyImages(Document document, List<KeyImageView> marked, Font heading, Font body) {
        if (marked.isEmpty()) {
            return;
        }
        Paragraph h = new Paragraph("주요 영상 / Key images", heading);
        h.setSpacingBefore(14);
        document.add(h);
        List<byte[]> pictures = new ArrayList<>();
        try {
            for (KeyImageView k : marked) {
                pictures.add(keyImages.jpeg(k.studyId(), k.seriesInstanceUid(), k.sopInstanceUid(), k.instanceIndex()));
            }
        } catch (KeyImageSource.Unavailable e) {
            log.warn("Key images left out of a report PDF: {}", e.getMessage());
            document.add(new Paragraph(
                    "주요 영상 " + marked.size() + "장을 PACS에서 가져올 수 없어 포함하지 못했습니다. / The " + marked.size()
                            + " key image(s) could not be included: the PACS is unavailable.",
                    body));
            return;
        }
        PdfPTable grid = new PdfPTable(2);
        grid.setWidthPercentage(100);
        grid.setSpacingBefore(6);
        for (int i = 0; i < marked.size(); i++) {
            PdfPCell cell = new PdfPCell();
            cell.setPadding(4);
            cell.setBorder(PdfPCell.NO_BORDER);
            try {
                Image image = Image.getInstance(pictures.get(i));
                image.scaleToFit(IMAGE_BOX, IMAGE_BOX);
                image.setAlignment(Element.ALIGN_CENTER);
                cell.addElement(image);
            } catch (IOException | RuntimeException notAnImage) {
                cell.addElement(new Paragraph("영상을 읽을 수 없음 / Image unreadable", body));
            }
            Paragraph caption = new Paragraph(caption(marked.get(i)), body);
            caption.setAlignment(Element.ALIGN_CENTER);
            cell.addElement(caption);
            grid.addCell(cell);
        }
        grid.completeRow();
        document.add(grid);
    }

    /** Series description and image number (Instance Number); a key image marked by position: its position. */
    static String caption(KeyImageView k) {
        String series = k.seriesDescription() == null ? "" : k.seriesDescription() + " · ";
        if (k.instanceNumber() != null) {
            return series + "영상 번호 / Image " + k.instanceNumber();
        }
        if (k.instanceIndex() != null) {
            return series + "위치 / Position " + (k.instanceIndex() + 1);
        }
        return series + "영상 번호 없음 / No image number";
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
