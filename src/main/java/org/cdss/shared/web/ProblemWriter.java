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
        if (isFhir(request)) {
            writeOperationOutcome(response, code);
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

    /** The FHIR endpoint ({@code /fhir}) answers refusals as a FHIR {@code OperationOutcome}, not problem+json. */
    static boolean isFhir(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/fhir") || path.startsWith("/fhir/");
    }

    private void writeOperationOutcome(HttpServletResponse response, ProblemType code) throws IOException {
        String issueType = switch (code.status()) {
            case 401 -> "login";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 409, 412 -> "conflict";
            case 413 -> "too-costly";
            case 400, 415 -> "invalid";
            default -> "processing";
        };
        ProblemDetail problem = problems.build(code);
        var issue = new java.util.LinkedHashMap<String, Object>();
        issue.put("severity", "error");
        issue.put("code", issueType);
        issue.put(
                "details",
                java.util.Map.of(
                        "coding",
                        java.util.List.of(java.util.Map.of("system", "urn:cdss:problem", "code", code.code())),
                        "text",
                        problem.getTitle() == null ? code.code() : problem.getTitle()));
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("resourceType", "OperationOutcome");
        body.put("issue", java.util.List.of(issue));
        response.resetBuffer();
        response.setStatus(code.status());
        response.setContentType("application/fhir+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json.writeValueAsBytes(body));
        response.flushBuffer();
    }
}
