package org.cdss.knowledge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cdss.shared.DomainException;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.jspecify.annotations.Nullable;

/**
 * What an uploaded file is and the text in it (ADR 0023): PDF with PDFBox, DOCX by reading {@code word/document.xml}
 * from the zip (paragraphs and runs, no macro, no embedded object is ever opened), HTML sanitised with jsoup (scripts,
 * event handlers, iframes and styles removed: the sanitised HTML is what is stored), plain text as UTF-8 or, failing
 * that, CP949 (the usual encoding of Korean Windows text files). The type is decided from the file's first bytes and
 * only then from its name and declared type.
 */
final class TextExtraction {

    /** A docx larger than this once unzipped is refused (zip bomb). */
    private static final long MAX_UNZIPPED = 64L * 1024 * 1024;
    /** Most text kept from one document (a protocol is tens of thousands of characters; this is ample). */
    private static final int MAX_TEXT_CHARS = 8 * 1024 * 1024;

    private TextExtraction() {}

    enum Kind {
        PDF("application/pdf"),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        HTML("text/html"),
        TEXT("text/plain");

        final String mediaType;

        Kind(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    /** The stored file (HTML sanitised) and its text. */
    record Extracted(Kind kind, byte[] content, String text) {}

    static Extracted extract(byte[] bytes, String fileName, @Nullable String declaredType) {
        Kind kind = kind(bytes, fileName, declaredType);
        String text;
        byte[] content = bytes;
        switch (kind) {
            case PDF -> text = pdf(bytes);
            case DOCX -> text = docx(bytes);
            case HTML -> {
                String html = decode(bytes);
                String clean = Jsoup.clean(html, Safelist.relaxed());
                content = clean.getBytes(StandardCharsets.UTF_8);
                text = Jsoup.parse(clean).text();
            }
            default -> text = decode(bytes);
        }
        text = text.replace('\u0000', ' ').strip();
        if (text.isEmpty()) {
            throw new DomainException(KnowledgeProblem.DOCUMENT_UNREADABLE);
        }
        return new Extracted(kind, content, text);
    }

    static Kind kind(byte[] bytes, String fileName, @Nullable String declaredType) {
        String name = fileName.toLowerCase(Locale.ROOT);
        String type = declaredType == null ? "" : declaredType.toLowerCase(Locale.ROOT);
        if (startsWith(bytes, "%PDF-")) {
            return Kind.PDF;
        }
        if (startsWith(bytes, "PK\u0003\u0004")) {
            if (name.endsWith(".docx") || type.contains("wordprocessingml")) {
                return Kind.DOCX;
            }
            throw new DomainException(KnowledgeProblem.DOCUMENT_TYPE_UNSUPPORTED);
        }
        if (name.endsWith(".pdf") || type.contains("pdf") || name.endsWith(".docx") || looksBinary(bytes)) {
            // says it is a PDF or DOCX but is not, or is some other binary format
            throw new DomainException(KnowledgeProblem.DOCUMENT_TYPE_UNSUPPORTED);
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.ISO_8859_1)
                .strip()
                .toLowerCase(Locale.ROOT);
        if (type.contains("html")
                || name.endsWith(".html")
                || name.endsWith(".htm")
                || head.startsWith("<!doctype html")
                || head.startsWith("<html")) {
            return Kind.HTML;
        }
        if (type.startsWith("text/") || name.endsWith(".txt") || name.endsWith(".md") || type.isEmpty()) {
            return Kind.TEXT;
        }
        throw new DomainException(KnowledgeProblem.DOCUMENT_TYPE_UNSUPPORTED);
    }

    private static String pdf(byte[] bytes) {
        // Decoded streams go to temporary files, not the heap, and the text is bounded: a small PDF whose streams
        // inflate to gigabytes (a flate bomb) cannot exhaust the memory. PDFBox throws runtime exceptions on some
        // malformed files: those are "unreadable", never a 500.
        try (PDDocument document = Loader.loadPDF(bytes, "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
            if (document.isEncrypted()) {
                throw new DomainException(KnowledgeProblem.DOCUMENT_UNREADABLE);
            }
            BoundedWriter text = new BoundedWriter(MAX_TEXT_CHARS);
            new PDFTextStripper().writeText(document, text);
            return text.toString();
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException domain) {
                throw domain;
            }
            throw new DomainException(KnowledgeProblem.DOCUMENT_UNREADABLE);
        }
    }

    /** Collects text up to a limit; past it, the extraction stops with an IOException. */
    private static final class BoundedWriter extends java.io.Writer {
        private final StringBuilder text = new StringBuilder();
        private final int max;

        BoundedWriter(int max) {
            this.max = max;
        }

        @Override
        public void write(char[] chars, int off, int len) throws IOException {
            if (text.length() + len > max) {
                throw new IOException("text too long");
            }
            text.append(chars, off, len);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        @Override
        public String toString() {
            return text.toString();
        }
    }

    private static String docx(byte[] bytes) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals("word/document.xml")) {
                    return wordXml(new BoundedStream(zip, MAX_UNZIPPED));
                }
            }
        } catch (IOException | XMLStreamException | IllegalArgumentException e) {
            throw new DomainException(KnowledgeProblem.DOCUMENT_UNREADABLE);
        }
        throw new DomainException(KnowledgeProblem.DOCUMENT_UNREADABLE);
    }

    private static String wordXml(InputStream in) throws XMLStreamException {
        // the JDK's own StAX parser: another one on the class path (Woodstox, brought by HAPI FHIR) refuses the
        // ACCESS_EXTERNAL_DTD property and every DOCX became "unreadable"
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        XMLStreamReader r = f.createXMLStreamReader(in, "UTF-8");
        StringBuilder text = new StringBuilder();
        boolean inText = false;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String local = r.getLocalName();
                if (local.equals("t")) {
                    inText = true;
                } else if (local.equals("tab")) {
                    text.append('\t');
                } else if (local.equals("br") || local.equals("cr")) {
                    text.append('\n');
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String local = r.getLocalName();
                if (local.equals("t")) {
                    inText = false;
                } else if (local.equals("p")) {
                    text.append('\n');
                }
            } else if (inText && event == XMLStreamConstants.CHARACTERS) {
                text.append(r.getText());
            }
        }
        return text.toString();
    }

    private static String decode(byte[] bytes) {
        int start = startsWith(bytes, "\u00ef\u00bb\u00bf") ? 3 : 0;
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("x-windows-949"));
        }
    }

    private static boolean startsWith(byte[] bytes, String magic) {
        byte[] m = magic.getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length < m.length) {
            return false;
        }
        for (int i = 0; i < m.length; i++) {
            if (bytes[i] != m[i]) {
                return false;
            }
        }
        return true;
    }

    /** NUL bytes in the first kilobyte: not text. */
    private static boolean looksBinary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 1024); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** Stops reading a zip entry past a limit. */
    private static final class BoundedStream extends java.io.FilterInputStream {
        private long left;

        BoundedStream(InputStream in, long max) {
            super(in);
            this.left = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --left < 0) {
                throw new IOException("entry too large");
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (left -= n) < 0) {
                throw new IOException("entry too large");
            }
            return n;
        }
    }
}
