package org.cdss.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.cdss.shared.ProblemCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses JSON request bodies above {@code cdss.http.max-json-body} (default 1 MB) with 413 problem+json, whether
 * the client announces the length or streams the body in chunks. Multipart bodies are refused with 415 before any
 * other filter (security included) could make the container parse them: no endpoint accepts uploads, and multipart
 * parsing is off ({@code spring.servlet.multipart.enabled=false}). The endpoint that first needs uploads turns
 * parsing on for its own path and exempts that path here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final ProblemWriter problemWriter;

    RequestSizeLimitFilter(@Value("${cdss.http.max-json-body:1MB}") DataSize max, ProblemWriter problemWriter) {
        this.maxBytes = max.toBytes();
        this.problemWriter = problemWriter;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !(type.toLowerCase().contains("json") || isMultipart(type));
    }

    private static boolean isMultipart(String contentType) {
        return contentType.strip().toLowerCase().startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isMultipart(request.getContentType())) {
            problemWriter.write(request, response, ProblemCode.UNSUPPORTED_MEDIA_TYPE);
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            problemWriter.write(request, response, ProblemCode.PAYLOAD_TOO_LARGE);
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request, maxBytes), response);
        } catch (BodyTooLargeException e) {
            problemWriter.write(request, response, ProblemCode.PAYLOAD_TOO_LARGE);
        } catch (ServletException | RuntimeException e) {
            if (hasCause(e, BodyTooLargeException.class)) {
                problemWriter.write(request, response, ProblemCode.PAYLOAD_TOO_LARGE);
                return;
            }
            throw e;
        }
    }

    private static boolean hasCause(Throwable e, Class<?> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("request body too large");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws BodyTooLargeException {
                        read += n;
                        if (read > max) {
                            throw new BodyTooLargeException();
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
