package org.cdss.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cdss.identity.UserView;
import org.cdss.shared.db.UtcTimestamps;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pending authorizations of a SMART app launch (ADR 0048, ADR 0050) under concurrency and across versions: a code
 * redeemed by several requests at the same moment gives one token and leaves nothing usable behind; the stored row is
 * our own JSON without the code or the consent state; a row in an older format (the first release's Java
 * serialisation) is refused as an expired request, never with a server error.
 */
@IntegrationTest
class FhirSmartCodeRedemptionIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestUsers testUsers;

    @Test
    void one_of_several_concurrent_redemptions_of_a_code_gets_the_token() throws Exception {
        ApiClient browser = signedInDoctor();
        SmartAppLaunch app = SmartAppLaunch.publicApp(port);
        String code = app.approve(browser, "user/Patient.rs");
        assertThat(rows("code_hash", code)).isEqualTo(1);

        int racers = 4;
        CyclicBarrier start = new CyclicBarrier(racers);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<ApiClient.Response> answers = new ArrayList<>();
        try {
            List<Future<ApiClient.Response>> futures = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                futures.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return app.token(code, app.verifier, null);
                }));
            }
            for (Future<ApiClient.Response> f : futures) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        List<ApiClient.Response> tokens =
                answers.stream().filter(r -> r.status() == 200).toList();
        assertThat(tokens).as(answers.toString()).hasSize(1);
        assertThat(tokens.getFirst().json().has("access_token")).isTrue();
        for (ApiClient.Response r : answers) {
            if (r.status() != 200) {
                assertThat(r.status()).as(r.body()).isEqualTo(400);
                assertThat(r.body()).contains("invalid_grant");
            }
        }
        // nothing usable is left: no row for the code, and a later redemption fails too
        assertThat(rows("code_hash", code)).isZero();
        ApiClient.Response later = app.token(code, app.verifier, null);
        assertThat(later.status()).isEqualTo(400);
        assertThat(later.body()).contains("invalid_grant");
        // the winner's token works
        assertThat(new ApiClient(port)
                        .bearer(tokens.getFirst().json().get("access_token").asString())
                        .get("/fhir/Patient?_count=1")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void a_pending_authorization_is_kept_as_our_own_json_without_the_state_or_the_code() {
        UserView doctor = testUsers.staff("DOCTOR", FhirAccessMatrixIntegrationTests.PULMONOLOGY);
        ApiClient browser = new ApiClient(port);
        assertThat(browser.login(doctor.username(), TestUsers.PASSWORD).status())
                .isEqualTo(200);
        SmartAppLaunch app = SmartAppLaunch.publicApp(port);
        HttpResponse<String> consent = app.toConsent(browser, "user/Patient.rs user/Observation.rs");
        String state =
                SmartAppLaunch.query(URI.create(consent.uri().toString())).get("state");
        String pending = content("state_hash", state);
        JsonNode json = JsonMapper.builder().build().readTree(pending);
        assertThat(json.get("v").asInt()).isEqualTo(1);
        assertThat(json.get("clientId").asString()).isEqualTo(SmartAppLaunch.PUBLIC_APP);
        assertThat(json.get("user").get("username").asString()).isEqualTo(doctor.username());
        assertThat(json.get("request").get("redirectUri").asString()).isEqualTo(SmartAppLaunch.PUBLIC_REDIRECT);
        assertThat(json.get("request").get("state").asString()).isEqualTo(app.state);
        assertThat(json.get("request").get("parameters").get("code_challenge").asString())
                .isEqualTo(SmartAppLaunch.challenge(app.verifier));
        assertThat(json.get("request")
                        .get("parameters")
                        .get("code_challenge_method")
                        .asString())
                .isEqualTo("S256");
        assertThat(pending).doesNotContain(state);

        // the user approves one of the two scopes: the same row now holds the code instead of the state
        HttpResponse<String> approved = browser.browse(
                "/oauth2/authorize",
                SmartAppLaunch.form(Map.of("client_id", app.clientId, "state", state, "scope", "user/Patient.rs")));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(302);
        String code = SmartAppLaunch.query(
                        URI.create(approved.headers().firstValue("Location").orElseThrow()))
                .get("code");
        assertThat(rows("state_hash", state)).isZero();
        String issued = content("code_hash", code);
        assertThat(issued).doesNotContain(code).contains("\"expiresAt\"");
        assertThat(JsonMapper.builder()
                        .build()
                        .readTree(issued)
                        .get("authorizedScopes")
                        .toString())
                .contains("user/Patient.rs");
        ApiClient.Response token = app.token(code, app.verifier, null);
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        assertThat(token.json().get("scope").asString()).isEqualTo("user/Patient.rs");
    }

    @Test
    void a_row_of_an_older_format_is_an_expired_request_not_a_server_error() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new HashMap<>(Map.of("written by", "the first release")));
        }
        String code = "old-code-" + UUID.randomUUID();
        String state = "old-state-" + UUID.randomUUID();
        insert(hash(state), null, bytes.toByteArray());
        insert(null, hash(code), bytes.toByteArray());
        insert(null, hash(code + "-json"), "{\"v\":0,\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8));

        SmartAppLaunch app = SmartAppLaunch.publicApp(port);
        for (String c : List.of(code, code + "-json")) {
            ApiClient.Response answer = app.token(c, app.verifier, null);
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.body()).contains("invalid_grant");
        }
        // the consent answer for the old row's state: a bad request, as for any unknown state
        ApiClient browser = signedInDoctor();
        HttpResponse<String> answer = browser.browse(
                "/oauth2/authorize",
                SmartAppLaunch.form(
                        Map.of("client_id", SmartAppLaunch.PUBLIC_APP, "state", state, "scope", "user/Patient.rs")));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    }

    @Test
    void outside_demo_mode_there_is_no_demo_smart_app() {
        ApiClient browser = signedInDoctor();
        assertThat(browser.browse("/smart-demo/app.js", null).statusCode()).isEqualTo(404);
        assertThat(browser.browse("/smart-demo/index.html", null).statusCode()).isEqualTo(404);
        HttpResponse<String> launch = browser.browse(
                new SmartAppLaunch(port, "cdss-smart-demo", "http://127.0.0.1:" + port + "/smart-demo/index.html")
                        .authorizeUrl("user/Patient.rs"),
                null);
        assertThat(launch.statusCode()).isEqualTo(400);
        assertThat(launch.headers().firstValue("Location")).isEmpty();
    }

    private ApiClient signedInDoctor() {
        UserView doctor = testUsers.staff("DOCTOR", FhirAccessMatrixIntegrationTests.PULMONOLOGY);
        ApiClient browser = new ApiClient(port);
        assertThat(browser.login(doctor.username(), TestUsers.PASSWORD).status())
                .isEqualTo(200);
        return browser;
    }

    private void insert(String stateHash, String codeHash, byte[] content) {
        jdbc.sql("INSERT INTO oauth_authorization (id, state_hash, code_hash, expires_at, content)"
                        + " VALUES (:id, :state, :code, :expires, :content)")
                .param("id", UUID.randomUUID().toString())
                .param("state", stateHash)
                .param("code", codeHash)
                .param("expires", UtcTimestamps.toColumn(Instant.now().plus(5, ChronoUnit.MINUTES)))
                .param("content", content)
                .update();
    }

    private long rows(String column, String value) {
        return jdbc.sql("SELECT COUNT(*) FROM oauth_authorization WHERE " + column + " = :h")
                .param("h", hash(value))
                .query(Long.class)
                .single();
    }

    private String content(String column, String value) {
        byte[] content = jdbc.sql("SELECT content FROM oauth_authorization WHERE " + column + " = :h")
                .param("h", hash(value))
                .query((rs, n) -> rs.getBytes(1))
                .single();
        return new String(content, StandardCharsets.UTF_8);
    }

    private static String hash(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
