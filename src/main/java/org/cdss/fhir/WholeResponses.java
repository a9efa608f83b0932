package org.cdss.fhir;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;

/**
 * A FHIR response written in one piece (ADR 0044). HAPI's JSON writer flushes after every primitive value (Jackson's
 * {@code FLUSH_AFTER_WRITE_VALUE} through {@code writeObjectField}), and each flush reached Tomcat as a chunk and a
 * socket write: a Patient took dozens of writes, the biggest part of the FHIR layer's overhead over the JSON API
 * (profiled on the bench's read path). Here the text is kept until HAPI is done and then written at once, with a
 * {@code Content-Length}. Pages are bounded ({@code _count} ≤ 200), so the buffer is too. The binary
 * path (gzip) is left as HAPI writes it.
 */
final class WholeResponses extends HttpServletResponseWrapper {

    private final CharArrayWriter text = new CharArrayWriter(4096);
    private @Nullable PrintWriter writer;

    WholeResponses(HttpServletResponse response) {
        super(response);
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            writer = new PrintWriter(text) {
                @Override
                public void flush() {
                    // kept until finish()
                }

                @Override
                public void close() {
                    // kept until finish()
                }
            };
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (writer == null) {
            super.flushBuffer();
        }
    }

    @Override
    public void resetBuffer() {
        text.reset();
        super.resetBuffer();
    }

    @Override
    public void reset() {
        text.reset();
        super.reset();
    }

    /** Writes what HAPI wrote through {@link #getWriter()}, if anything, in one piece. */
    void finish() throws IOException {
        if (writer != null) {
            byte[] body = text.toString().getBytes(getResponse().getCharacterEncoding());
            getResponse().setContentLength(body.length);
            getResponse().getOutputStream().write(body);
        }
    }
}
