package org.cdss.patients;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An error whose exception carries patient data — a unique-key violation naming the duplicate MRN, raised through
 * JPA as any service would, answered 409 conflict — and an unexpected one escaping a filter (500 with a trace id):
 * nothing logged (by CDSS, Spring, Hibernate or the JDBC driver) contains the MRN or the patient's name; the log has
 * the exception classes (and the SQL state, or the trace id) (issue 10 item 5). On H2, PostgreSQL and MariaDB, whose
 * messages all name the duplicate value.
 */
@IntegrationTest
@Import({
    PatientDataNotLoggedIntegrationTests.FailingWrite.class,
    PatientDataNotLoggedIntegrationTests.FailingFilter.class
})
class PatientDataNotLoggedIntegrationTests {

    static final String NAME = "로그누출금지";

    /** A write that breaks the MRN's unique key, the way a bug in a service would. Only in this test's context. */
    @RestController
    static class FailingWrite {
        private final Patients patients;

        FailingWrite(Patients patients) {
            this.patients = patients;
        }

        @PostMapping("/api/test/duplicate-mrn")
        void duplicate(@RequestBody java.util.Map<String, String> body) {
            patients.saveAndFlush(
                    new Patient(body.get("mrn"), NAME, null, LocalDate.of(1990, 1, 1), Sex.F, Instant.now()));
        }
    }

    /** A filter that fails with patient data in its message, the way a bug in a filter would. Only here. */
    static class FailingFilter extends org.springframework.web.filter.OncePerRequestFilter {
        @Override
        protected boolean shouldNotFilter(jakarta.servlet.http.HttpServletRequest request) {
            return !request.getRequestURI().equals("/test/failing-filter");
        }

        @Override
        protected void doFilterInternal(
                jakarta.servlet.http.HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response,
                jakarta.servlet.FilterChain chain) {
            throw new IllegalStateException(
                    "cannot route the chart of " + NAME + " (MRN " + request.getHeader("X-Mrn") + ")");
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void capture() {
        logged.start();
        root.addAppender(logged);
    }

    @AfterEach
    void release() {
        root.detachAppender(logged);
    }

    @Test
    void an_unexpected_error_carrying_patient_data_is_logged_without_it() {
        String mrn = testUsers.patient("기존환자").mrn();
        ApiClient doctor = new ApiClient(port);
        assertThat(doctor.login(testUsers.staff(Role.DOCTOR).username(), TestUsers.PASSWORD)
                        .status())
                .isEqualTo(200);

        var failed = doctor.post("/api/test/duplicate-mrn", java.util.Map.of("mrn", mrn));

        // a unique key the database refuses is a conflict (409), logged by class name and SQL state only: the
        // exception's message holds the duplicate value
        assertThat(failed.status()).isEqualTo(409);
        assertThat(failed.text("code")).isEqualTo("conflict");
        assertThat(failed.body()).doesNotContain(mrn).doesNotContain(NAME);
        List<String> lines = logged.list.stream()
                .map(PatientDataNotLoggedIntegrationTests::everything)
                .toList();
        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .contains("DataIntegrityViolationException")
                        .contains("SQL state 23"));
        assertThat(lines)
                .allSatisfy(line -> assertThat(line).doesNotContain(mrn).doesNotContain(NAME));
    }

    @Test
    void an_exception_escaping_a_filter_is_answered_500_and_logged_without_its_message() throws Exception {
        String mrn = testUsers.patient("필터환자").mrn();

        var failed = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://localhost:" + port + "/test/failing-filter"))
                                .header("X-Mrn", mrn)
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(failed.statusCode()).isEqualTo(500);
        var body = ApiClient.JSON.readTree(failed.body());
        assertThat(body.path("code").asString()).isEqualTo("internal");
        String traceId = body.path("traceId").asString();
        assertThat(traceId).isNotBlank();
        List<String> lines = logged.list.stream()
                .map(PatientDataNotLoggedIntegrationTests::everything)
                .toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).contains(traceId).contains("IllegalStateException"));
        assertThat(lines)
                .allSatisfy(line -> assertThat(line).doesNotContain(mrn).doesNotContain(NAME));
    }

    /** The formatted message and every message and class of the attached throwable chain. */
    static String everything(ILoggingEvent event) {
        StringBuilder all =
                new StringBuilder(event.getLoggerName()).append(": ").append(event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            all.append('\n').append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return all.toString();
    }
}
