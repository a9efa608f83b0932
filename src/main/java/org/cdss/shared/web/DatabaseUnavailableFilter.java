package org.cdss.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.cdss.shared.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The session store is the database, so a request can fail for want of a connection before any controller runs
 * (database down, or every pooled connection busy under overload — seen with bench/ocs-load.sh at 300+ users).
 * Such a request gets the same 503 problem with {@code Retry-After} as one failing inside a controller, not
 * Tomcat's 500 page. Runs before Spring Session's filter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private final ProblemWriter problems;

    DatabaseUnavailableFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (!noConnection(e) || response.isCommitted()) {
                throw e;
            }
            log.warn(
                    "No database connection for {} {}: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    e.getClass().getSimpleName());
            response.reset();
            response.setHeader(HttpHeaders.RETRY_AFTER, "2");
            problems.write(request, response, ProblemCode.SERVICE_UNAVAILABLE);
        }
    }

    private static boolean noConnection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException) {
                return true;
            }
        }
        return false;
    }
}
