package org.cdss.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.cdss.shared.ProblemType;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem+json body from servlet filters (security, size limits), where no controller advice runs. */
@Component
public class ProblemWriter {

    private final Problems problems;
    private final JsonMapper json;

    ProblemWriter(Problems problems, JsonMapper json) {
        this.problems = problems;
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemType code) throws IOException {
        write(request, response, code, java.util.Map.of());
    }

    /** The problem with extension members (a trace id: never patient data). */
    public void write(
            HttpServletRequest request,
            HttpServletResponse response,
            ProblemType code,
            java.util.Map<String, Object> properties)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        ProblemDetail body = problems.build(code);
        body.setInstance(URI.create(request.getRequestURI()));
        properties.forEach(body::setProperty);
        response.resetBuffer();
        response.setStatus(code.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json.writeValueAsBytes(body));
        response.flushBuffer();
    }
}
