package org.cdss.fhir;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A FHIR response written in one piece (ADR 0044). HAPI's JSON writer flushes after every primitive value (Jackson's
 * {@code FLUSH_AFTER_WRITE_VALUE} through {@code writeObjectField}), and each flush reached Tomcat as a chunk and a
 * socket write: a Patient took dozens of writes, the biggest part of the FHIR layer's overhead over the JSON API
 * (profiled on the bench's read path). Here the answer is kept until HAPI is done and then written at once, with a
 * {@code Content-Length}. Pages are bounded ({@code _count} ≤ 200), so the buffer is too. The binary path (gzip) is
 * left as HAPI writes it.
 *
 * <p>The text HAPI writes is encoded into a byte buffer as it comes; {@link FhirJsonWriter}'s answers are appended to
 * that buffer as UTF-8 bytes directly ({@link Body#utf8()}, ADR 0055), without a string between.
 */
final class WholeResponses extends HttpServletResponseWrapper {

    private final Bytes bytes = new Bytes();
    private @Nullable Body body;

    WholeResponses(HttpServletResponse response) {
        super(response);
    }

    @Override
    public PrintWriter getWriter() {
        if (body == null) {
            body = new Body(bytes, Charset.forName(getCharacterEncoding()));
        }
        return body;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (body == null) {
            super.flushBuffer();
        }
    }

    @Override
    public void resetBuffer() {
        discard();
        super.resetBuffer();
    }

    @Override
    public void reset() {
        discard();
        super.reset();
    }

    private void discard() {
        if (body != null) {
            body.encodePending();
        }
        bytes.reset();
    }

    /** Writes what HAPI wrote through {@link #getWriter()}, if anything, in one piece. */
    void finish() throws IOException {
        if (body != null) {
            body.encodePending();
            getResponse().setContentLength(bytes.size());
            bytes.writeTo(getResponse().getOutputStream());
        }
    }

    /** The answer's bytes so far; a part that turned out not to be wanted can be dropped ({@link #truncate}). */
    static final class Bytes extends ByteArrayOutputStream {

        Bytes() {
            super(16 * 1024);
        }

        void truncate(int size) {
            count = Math.min(count, size);
        }

        String text(int from) {
            return new String(buf, from, count - from, StandardCharsets.UTF_8);
        }
    }

    /** The writer HAPI gets: its text is encoded into the buffer; flush and close wait for {@link #finish()}. */
    static final class Body extends PrintWriter {

        private final Bytes bytes;
        private final OutputStreamWriter encoder;
        private final boolean utf8;

        private Body(Bytes bytes, Charset charset) {
            this(bytes, new OutputStreamWriter(bytes, charset), charset.equals(StandardCharsets.UTF_8));
        }

        private Body(Bytes bytes, OutputStreamWriter encoder, boolean utf8) {
            super(encoder);
            this.bytes = bytes;
            this.encoder = encoder;
            this.utf8 = utf8;
        }

        /**
         * The buffer, for UTF-8 bytes to follow the text written so far; null when the response is not UTF-8 (then
         * only text may be written).
         */
        @Nullable
        Bytes utf8() {
            if (!utf8) {
                return null;
            }
            encodePending();
            return bytes;
        }

        private void encodePending() {
            try {
                encoder.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a byte array does not fail
            }
        }

        @Override
        public void flush() {
            // kept until finish()
        }

        @Override
        public void close() {
            // kept until finish()
        }
    }
}
