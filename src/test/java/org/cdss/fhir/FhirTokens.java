package org.cdss.fhir;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cdss.identity.CreateUserRequest;
import org.cdss.identity.UserManagement;
import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.TestUsers;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The OAuth2 clients of {@code application-test.yml} (ADR 0035) from the outside: their accounts, and access tokens
 * obtained from {@code /oauth2/token} as a SMART backend service would (client secret, or a signed client assertion).
 */
final class FhirTokens {

    static final String DOCTOR_ACCOUNT = "fhir-svc-doctor";
    static final String FRONT_OFFICE_ACCOUNT = "fhir-svc-front-office";
    static final String PATIENT_ACCOUNT = "fhir-svc-patient";

    /** The private half of {@code test-jwt-client}'s public key in application-test.yml: a test key only. */
    static final String TEST_JWT_CLIENT_KEY = """
            MIG2AgEAMBAGByqGSM49AgEGBSuBBAAiBIGeMIGbAgEBBDB9XcuPQ3lxhZsEhCpD
            owWcB6knLuYQXjMA14LrnUFMqh+Oi4zryRhvWnS1Ux9BiiKhZANiAATQpvHUj7wS
            xZVgniHfS0EUqhs3TN44c3eRAJoQkUSP7x3aEeq23ZbruTLYlldDPTA4u7Hb5Edc
            1uXkL/UP9P7eIQYqMr4dtO1yCGB0mfRd459Eqzy1XlipR2azNHtKTdM=""";

    private FhirTokens() {}

    /** The seeded patients (ten-digit MRNs from 9) with recorded vital signs, by id: the FHIR tests' charts. */
    static java.util.List<String> seededPatientsWithVitals(JdbcClient jdbc) {
        return jdbc.sql("SELECT e.patient_id FROM encounter e JOIN vital_signs v ON v.encounter_id = e.id"
                        + " JOIN patient p ON p.id = e.patient_id WHERE p.mrn LIKE '9%' AND LENGTH(p.mrn) = 10"
                        + " GROUP BY e.patient_id ORDER BY e.patient_id")
                .query(String.class)
                .list();
    }

    /**
     * The accounts the test clients act as (once per database): a pulmonology doctor, a front-office clerk, and a
     * patient account of {@code patient}. Returns the patient the patient account belongs to.
     */
    static UUID ensureAccounts(
            JdbcClient jdbc, UserManagement users, UUID doctorDepartment, UUID frontOffice, UUID patient) {
        create(jdbc, users, DOCTOR_ACCOUNT, EnumSet.of(Role.DOCTOR), Set.of(doctorDepartment), null);
        create(jdbc, users, FRONT_OFFICE_ACCOUNT, EnumSet.of(Role.ADMIN_STAFF), Set.of(frontOffice), null);
        create(jdbc, users, PATIENT_ACCOUNT, EnumSet.of(Role.PATIENT), Set.of(), patient);
        return UUID.fromString(jdbc.sql("SELECT patient_id FROM app_user WHERE username = :u")
                .param("u", PATIENT_ACCOUNT)
                .query(String.class)
                .single()
                .trim());
    }

    private static void create(
            JdbcClient jdbc,
            UserManagement users,
            String username,
            Set<Role> roles,
            Set<UUID> departments,
            UUID patient) {
        long existing = jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
        if (existing == 0) {
            TestUsers.asSystem(() -> users.create(new CreateUserRequest(
                    username, "FHIR service " + username, TestUsers.PASSWORD, roles, departments, patient)));
        }
    }

    /** POST /oauth2/token with client_secret_basic. */
    static ApiClient.Response request(int port, String clientId, String secret, String scope) {
        return request(endpoint(port), clientId, secret, scope);
    }

    /** POST to a token endpoint (as a SMART configuration names it) with client_secret_basic. */
    static ApiClient.Response request(String tokenEndpoint, String clientId, String secret, String scope) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return post(tokenEndpoint, Map.of("grant_type", "client_credentials", "scope", scope), "Basic " + basic);
    }

    static String endpoint(int port) {
        return "http://localhost:" + port + "/oauth2/token";
    }

    static String token(int port, String clientId, String secret, String scope) {
        ApiClient.Response r = request(port, clientId, secret, scope);
        if (r.status() != 200) {
            throw new AssertionError("token for " + clientId + ": " + r.status() + " " + r.body());
        }
        return r.json().get("access_token").asString();
    }

    /** SMART backend services: private_key_jwt, a client assertion signed with ES384, aud = the token endpoint. */
    static ApiClient.Response requestWithAssertion(int port, String clientId, String audience, String jti, String scope)
            throws Exception {
        return requestWithAssertion(port, assertion(clientId, audience, jti), scope);
    }

    /** A client assertion of {@code test-jwt-client}'s key, living four minutes. */
    static String assertion(String clientId, String audience, String jti) throws Exception {
        ECPrivateKey key = (ECPrivateKey) KeyFactory.getInstance("EC")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(TEST_JWT_CLIENT_KEY)));
        Instant now = Instant.now();
        SignedJWT assertion = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES384).keyID("test").build(),
                new JWTClaimsSet.Builder()
                        .issuer(clientId)
                        .subject(clientId)
                        .audience(audience)
                        .jwtID(jti)
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(240)))
                        .build());
        assertion.sign(new ECDSASigner(key));
        return assertion.serialize();
    }

    /** POST /oauth2/token with a client assertion and no client_id, as SMART backend services send it. */
    static ApiClient.Response requestWithAssertion(int port, String assertion, String scope) {
        return post(
                endpoint(port),
                Map.of(
                        "grant_type",
                        "client_credentials",
                        "scope",
                        scope,
                        "client_assertion_type",
                        "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                        "client_assertion",
                        assertion),
                null);
    }

    private static ApiClient.Response post(String url, Map<String, String> form, String authorization) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Response(
                    r.statusCode(),
                    r.body(),
                    r.headers().firstValue("Content-Type").orElse(""));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode claims(String token) {
        return ApiClient.JSON.readTree(
                new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
