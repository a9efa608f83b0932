package org.cdss.medsafety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdss.medsafety.CdsHooksPayloads.DRUGBANK;
import static org.cdss.medsafety.CdsHooksPayloads.bundle;
import static org.cdss.medsafety.CdsHooksPayloads.coding;
import static org.cdss.medsafety.CdsHooksPayloads.concept;
import static org.cdss.medsafety.CdsHooksPayloads.emptyBundle;
import static org.cdss.medsafety.CdsHooksPayloads.medicationRequest;
import static org.cdss.medsafety.CdsHooksPayloads.request;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
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
 * with {@code aud} = the service URL, is accepted without session or CSRF; a wrong key, an unknown issuer, a wrong
 * audience or an expired token is 401.
 */
@IntegrationTest
class MedsafetyCdsHooksJwtIntegrationTests {

    static final String ISSUER = "https://ehr.example.org";
    static final KeyPair TRUSTED = rsa();
    static final KeyPair OTHER = rsa();
    static final String SIGN = "/cds-services/cdss-medsafety-order-sign";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void trustedClient(DynamicPropertyRegistry registry) {
        registry.add("cdss.cds-hooks.trusted-clients[0].issuer", () -> ISSUER);
        registry.add("cdss.cds-hooks.trusted-clients[0].public-key", () -> "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(TRUSTED.getPublic().getEncoded())
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

    static String token(KeyPair key, String issuer, String audience, Instant expires) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject("client-app")
                .audience(audience).issueTime(new Date()).expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS384).type(JOSEObjectType.JWT)
                .keyID("test").build(), claims);
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
        return request("order-sign", bundle(medicationRequest("d1", "draft", concept(null,
                coding(DRUGBANK, "DB00641", "Simvastatin")))), emptyBundle(), bundle(medicationRequest("a1",
                        "active", concept(null, coding(DRUGBANK, "DB01211", "Clarithromycin")))));
    }

    @Test
    void a_token_of_a_trusted_client_is_accepted_without_session_or_csrf_and_feedback_works() throws Exception {
        Instant in5 = Instant.now().plusSeconds(300);
        var response = post(SIGN, token(TRUSTED, ISSUER, url(SIGN), in5), body());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        JsonNode cards = ApiClient.JSON.readTree(response.body()).path("cards");
        assertThat(cards.findValuesAsString("indicator")).contains("critical");
        String uuid = cards.get(0).path("uuid").asString();

        var feedback = post(SIGN + "/feedback", token(TRUSTED, ISSUER, url(SIGN + "/feedback"), in5),
                Map.of("feedback", List.of(Map.of("card", uuid, "outcome", "accepted",
                        "outcomeTimestamp", "2026-11-25T10:00:00Z"))));
        assertThat(feedback.statusCode()).as(feedback.body()).isEqualTo(200);
    }

    @Test
    void wrong_key_unknown_issuer_wrong_audience_expired_or_no_token_is_refused() throws Exception {
        Instant in5 = Instant.now().plusSeconds(300);
        assertThat(post(SIGN, token(OTHER, ISSUER, url(SIGN), in5), body()).statusCode()).isEqualTo(401);
        assertThat(post(SIGN, token(TRUSTED, "https://evil.example.org", url(SIGN), in5), body()).statusCode())
                .isEqualTo(401);
        assertThat(post(SIGN, token(TRUSTED, ISSUER, url("/cds-services/other"), in5), body()).statusCode())
                .isEqualTo(401);
        assertThat(post(SIGN, token(TRUSTED, ISSUER, url(SIGN), Instant.now().minusSeconds(600)), body())
                .statusCode()).isEqualTo(401);
        assertThat(post(SIGN, "not-a-jwt", body()).statusCode()).isEqualTo(401);
        var noToken = post(SIGN, null, body());
        assertThat(noToken.statusCode()).isIn(401, 403); // session chain: no CSRF token, no session
        assertThat(noToken.body()).startsWith("{").doesNotContain("cards");
    }
}
