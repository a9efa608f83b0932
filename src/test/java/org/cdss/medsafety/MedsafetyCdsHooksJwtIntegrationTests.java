package org.cdss.medsafety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdss.medsafety.CdsHooksPayloads.DRUGBANK;
import static org.cdss.medsafety.CdsHooksPayloads.bundle;
import static org.cdss.medsafety.CdsHooksPayloads.coding;
import static org.cdss.medsafety.CdsHooksPayloads.concept;
import static org.cdss.medsafety.CdsHooksPayloads.emptyBundle;
import static org.cdss.medsafety.CdsHooksPayloads.medicationRequest;
import static org.cdss.medsafety.CdsHooksPayloads.request;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * CDS Hooks JWT authentication of an outside EHR: a token signed by a configured trusted client (PEM public key),
 * with {@code aud} = the service URL under the configured base URL, a fresh {@code jti} and a lifetime of at most five
 * minutes, is accepted without session or CSRF; a wrong key, an unknown issuer, a wrong audience (also the URL the
 * request was actually sent to: the Host header is never trusted), an expired or long-lived token, a token without
 * {@code jti} and a replayed one are 401.
 */
@IntegrationTest
class MedsafetyCdsHooksJwtIntegrationTests {

    static final String ISSUER = "https://ehr.example.org";
    static final KeyPair TRUSTED = rsa();
    static final KeyPair OTHER = rsa();
    static final String SIGN = "/cds-services/cdss-medsafety-order-sign";
    /** The public base URL (behind the hospital's proxy); the tests call localhost. */
    static final String BASE = "https://cdss.example.org";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void trustedClient(DynamicPropertyRegistry registry) {
        registry.add("cdss.cds-hooks.base-url", () -> BASE + "/");
        registry.add("cdss.cds-hooks.trusted-clients[0].issuer", () -> ISSUER);
        registry.add(
                "cdss.cds-hooks.trusted-clients[0].public-key",
                () -> "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(TRUSTED.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----");
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    static String aud(String path) {
        return BASE + path;
    }

    static String token(KeyPair key, String issuer, String audience, Instant expires) throws Exception {
        return token(
                key,
                new JWTClaimsSet.Builder()
                        .issuer(issuer)
                        .subject("client-app")
                        .audience(audience)
                        .issueTime(new Date())
                        .expirationTime(Date.from(expires))
                        .jwtID(UUID.randomUUID().toString())
                        .build());
    }

    static String token(KeyPair key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS384)
                        .type(JOSEObjectType.JWT)
                        .keyID("test")
                        .build(),
                claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
        return jwt.serialize();
    }

    HttpResponse<String> post(String path, String bearer, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(body)));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, Object> body() {
        return request(
                "order-sign",
                bundle(medicationRequest("d1", "draft", concept(null, coding(DRUGBANK, "DB00641", "Simvastatin")))),
                emptyBundle(),
                bundle(medicationRequest(
                        "a1", "active", concept(null, coding(DRUGBANK, "DB01211", "Clarithromycin")))));
    }

    @Test
    void a_token_of_a_trusted_client_is_accepted_without_session_or_csrf_and_feedback_works() throws Exception {
        Instant in5 = Instant.now().plusSeconds(300);
        var response = post(SIGN, token(TRUSTED, ISSUER, aud(SIGN), in5), body());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        JsonNode cards = ApiClient.JSON.readTree(response.body()).path("cards");
        assertThat(cards.findValuesAsString("indicator")).contains("critical");
        String uuid = cards.get(0).path("uuid").asString();

        var feedback = post(
                SIGN + "/feedback",
                token(TRUSTED, ISSUER, aud(SIGN + "/feedback"), in5),
                Map.of(
                        "feedback",
                        List.of(Map.of(
                                "card", uuid, "outcome", "accepted", "outcomeTimestamp", "2026-11-25T10:00:00Z"))));
        assertThat(feedback.statusCode()).as(feedback.body()).isEqualTo(200);
    }

    @Test
    void wrong_key_unknown_issuer_wrong_audience_expired_or_no_token_is_refused() throws Exception {
        Instant in5 = Instant.now().plusSeconds(300);
        assertThat(post(SIGN, token(OTHER, ISSUER, aud(SIGN), in5), body()).statusCode())
                .isEqualTo(401);
        assertThat(post(SIGN, token(TRUSTED, "https://evil.example.org", aud(SIGN), in5), body())
                        .statusCode())
                .isEqualTo(401);
        assertThat(post(SIGN, token(TRUSTED, ISSUER, aud("/cds-services/other"), in5), body())
                        .statusCode())
                .isEqualTo(401);
        assertThat(post(SIGN, token(TRUSTED, ISSUER, aud(SIGN), Instant.now().minusSeconds(600)), body())
                        .statusCode())
                .isEqualTo(401);
        assertThat(post(SIGN, "not-a-jwt", body()).statusCode()).isEqualTo(401);
        var noToken = post(SIGN, null, body());
        assertThat(noToken.statusCode()).isIn(401, 403); // session chain: no CSRF token, no session
        assertThat(noToken.body()).startsWith("{").doesNotContain("cards");
    }

    @Test
    void the_audience_is_checked_against_the_configured_base_url_never_the_host_the_request_names() throws Exception {
        Instant in5 = Instant.now().plusSeconds(300);
        // the URL this request really went to (Host: localhost) is not this service's public URL
        var viaHost = post(SIGN, token(TRUSTED, ISSUER, url(SIGN), in5), body());
        assertThat(viaHost.statusCode()).isEqualTo(401);
        assertThat(viaHost.body()).contains("\"code\":\"unauthenticated\"");
        // a forged Host header does not make its URL the audience either
        HttpRequest forged = HttpRequest.newBuilder(URI.create(url(SIGN)))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-Host", "evil.example.org")
                .header("Authorization", "Bearer " + token(TRUSTED, ISSUER, "http://evil.example.org" + SIGN, in5))
                .POST(HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(body())))
                .build();
        assertThat(HttpClient.newHttpClient()
                        .send(forged, HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void a_token_without_jti_is_refused() throws Exception {
        Instant now = Instant.now();
        var claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("client-app")
                .audience(aud(SIGN))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(120)))
                .build();
        assertThat(post(SIGN, token(TRUSTED, claims), body()).statusCode()).isEqualTo(401);
    }

    @Test
    void a_replayed_token_is_refused_even_while_it_is_still_valid() throws Exception {
        String token = token(TRUSTED, ISSUER, aud(SIGN), Instant.now().plusSeconds(120));
        assertThat(post(SIGN, token, body()).statusCode()).isEqualTo(200);
        var replay = post(SIGN, token, body());
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.body()).doesNotContain("cards");
    }

    @Test
    void a_refused_token_does_not_use_up_its_jti() throws Exception {
        Instant now = Instant.now();
        String jti = UUID.randomUUID().toString();
        var wrongAudience = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("client-app")
                .audience(aud("/cds-services/other"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(120)))
                .jwtID(jti)
                .build();
        assertThat(post(SIGN, token(TRUSTED, wrongAudience), body()).statusCode())
                .isEqualTo(401);
        var right = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("client-app")
                .audience(aud(SIGN))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(120)))
                .jwtID(jti)
                .build();
        assertThat(post(SIGN, token(TRUSTED, right), body()).statusCode()).isEqualTo(200);
    }

    @Test
    void a_token_living_longer_than_five_minutes_or_without_iat_is_refused() throws Exception {
        Instant now = Instant.now();
        var longLived = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("client-app")
                .audience(aud(SIGN))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(301)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        assertThat(post(SIGN, token(TRUSTED, longLived), body()).statusCode()).isEqualTo(401);
        var noIat = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("client-app")
                .audience(aud(SIGN))
                .expirationTime(Date.from(now.plusSeconds(120)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        assertThat(post(SIGN, token(TRUSTED, noIat), body()).statusCode()).isEqualTo(401);
        var fiveMinutes = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("client-app")
                .audience(aud(SIGN))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        assertThat(post(SIGN, token(TRUSTED, fiveMinutes), body()).statusCode()).isEqualTo(200);
    }
}
