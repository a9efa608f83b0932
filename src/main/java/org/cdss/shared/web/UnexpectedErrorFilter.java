package org.cdss.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.cdss.shared.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter: an exception that escapes every other filter (one thrown by a filter, before or after the
 * controller, which {@link ProblemDetailsAdvice} never sees) is answered like the advice answers an unexpected error
 * — 500 problem+json with a trace id — and logged the same way, without messages ({@link SafeThrowables}), instead
 * of reaching the servlet container, whose log line would carry the exception's message (issue 10 item 5).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnexpectedErrorFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorFilter.class);

    private final ProblemWriter problems;

    UnexpectedErrorFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            String traceId = UUID.randomUUID().toString();
            log.error(
                    "Unexpected error, traceId={} {} {}\n{}",
                    traceId,
                    request.getMethod(),
                    request.getRequestURI(),
                    SafeThrowables.describe(e));
            problems.write(request, response, ProblemCode.INTERNAL, Map.of("traceId", traceId));
        }
    }
}
