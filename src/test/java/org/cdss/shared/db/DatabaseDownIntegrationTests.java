package org.cdss.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.cdss.CdssApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** With the database down at start-up, CDSS starts, says so in one log line, and reports readiness DOWN. */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseDownIntegrationTests {

    @Test
    void readiness_is_down_and_liveness_up_when_the_database_is_unreachable(CapturedOutput output) throws Exception {
        SpringApplication app = new SpringApplication(CdssApplication.class);
        try (ConfigurableApplicationContext context = app.run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/cdss_nowhere",
                "--spring.datasource.username=nobody",
                "--cdss.mode=production",
                "--cdss.cookies.secure=false",
                "--cdss.rrn-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                "--cdss.rrn-hash-key=ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=",
                "--logging.level.root=warn",
                "--logging.level.org.cdss=info")) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            HttpClient http = HttpClient.newHttpClient();
            var readiness = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            var liveness = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/liveness"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("DOWN");
            assertThat(liveness.statusCode()).isEqualTo(200);
            // a request that needs the database gets a 503 problem (retry later), not a 500
            var login = new org.cdss.support.ApiClient(port).login("someone", "whatever-password");
            assertThat(login.status()).as(login.body()).isEqualTo(503);
            assertThat(login.json().get("code").asString()).isEqualTo("service-unavailable");
            assertThat(output.getOut() + output.getErr())
                    .contains("Database unreachable at jdbc:postgresql://127.0.0.1:1/cdss_nowhere");
        }
    }
}
