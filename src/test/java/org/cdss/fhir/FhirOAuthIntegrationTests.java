package org.cdss.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.cdss.identity.UserManagement;
import org.cdss.seed.SeedForTests;
import org.cdss.seed.SyntheticData;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Outside applications on /fhir (issue 17 item 4, ADR 0035), from the outside as a SMART backend service sees it:
 * client-credentials tokens from {@code /oauth2/token} (client secret and private_key_jwt), checked on every FHIR call
 * — signature, expiry, registered client with an active account —, the SMART scopes enforced per resource type and
 * interaction, the account's own rules on top (a patient-scope token sees its patient and no other), audited with the
 * client's name.
 */
@IntegrationTest
class FhirOAuthIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SyntheticData seed;

    @Autowired
    UserManagement users;

    UUID patientA;
    UUID patientB;

    @BeforeEach
    void seeded() {
        SeedForTests.ensureSeeded(seed, jdbc, 150, 21, LocalDate.now());
        List<String> withVisits = FhirTokens.seededPatientsWithVitals(jdbc);
        patientA = FhirTokens.ensureAccounts(
                jdbc,
                users,
                FhirAccessMatrixIntegrationTests.PULMONOLOGY,
                FhirAccessMatrixIntegrationTests.FRONT_OFFICE,
                UUID.fromString(withVisits.get(withVisits.size() / 2).trim()));
        patientB = withVisits.stream()
                .map(s -> UUID.fromString(s.trim()))
                .filter(p -> !p.equals(patientA))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void a_backend_service_gets_a_short_lived_token_of_the_scopes_it_asked_for() {
        ApiClient.Response r =
                FhirTokens.request(port, "test-system-reader", "test-secret-reader", "system/Patient.rs");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("token_type").asString()).isEqualToIgnoringCase("Bearer");
        assertThat(r.json().get("expires_in").asLong()).isBetween(1L, 300L);
        assertThat(r.json().get("scope").asString()).isEqualTo("system/Patient.rs");
        var claims = FhirTokens.claims(r.json().get("access_token").asString());
        assertThat(claims.get("sub").asString()).isEqualTo("test-system-reader");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(300);

        // wrong secret, unknown client: 401 invalid_client; a scope the client is not registered for: invalid_scope
        ApiClient.Response wrong = FhirTokens.request(port, "test-system-reader", "nope", "system/Patient.rs");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).contains("invalid_client");
        assertThat(FhirTokens.request(port, "nobody", "x", "system/Patient.rs").status())
                .isEqualTo(401);
        ApiClient.Response beyond =
                FhirTokens.request(port, "test-system-reader", "test-secret-reader", "system/AllergyIntolerance.rs");
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.body()).contains("invalid_scope");

        // the server's public keys, for anyone verifying its tokens
        ApiClient.Response jwks = new ApiClient(port).get("/oauth2/jwks");
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.json().get("keys").get(0).get("kty").asString()).isEqualTo("RSA");
        assertThat(jwks.body()).doesNotContain("\"d\"");
    }

    @Test
    void the_smart_configuration_is_public_and_its_token_endpoint_issues_tokens() {
        for (String path : List.of("/.well-known/smart-configuration", "/fhir/.well-known/smart-configuration")) {
            var raw = new ApiClient(port).bytes(path);
            assertThat(raw.statusCode()).as(path).isEqualTo(200);
            assertThat(raw.headers().firstValue("Cache-Control").orElse(""))
                    .as(path)
                    .contains("public", "max-age");
            var config = ApiClient.JSON.readTree(new String(raw.body(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(strings(config.get("grant_types_supported")))
                    .containsExactlyInAnyOrder("client_credentials", "authorization_code");
            assertThat(strings(config.get("token_endpoint_auth_methods_supported")))
                    .containsExactlyInAnyOrder("client_secret_basic", "client_secret_post", "private_key_jwt", "none");
            assertThat(strings(config.get("token_endpoint_auth_signing_alg_values_supported")))
                    .contains("RS384", "ES384");
            assertThat(strings(config.get("scopes_supported")))
                    .contains("system/Patient.rs", "system/*.cruds", "patient/*.rs", "user/*.rs");
            // the standalone launch of a SMART app by staff (ADR 0048): PKCE with S256 only, user/ scopes
            assertThat(config.get("authorization_endpoint").asString()).endsWith("/oauth2/authorize");
            assertThat(strings(config.get("code_challenge_methods_supported"))).containsExactly("S256");
            assertThat(strings(config.get("response_types_supported"))).containsExactly("code");
            assertThat(strings(config.get("capabilities")))
                    .containsExactlyInAnyOrder(
                            "launch-standalone",
                            "client-public",
                            "client-confidential-asymmetric",
                            "client-confidential-symmetric",
                            "permission-user",
                            "permission-v1",
                            "permission-v2")
                    .doesNotContain("launch-ehr", "context-standalone-patient", "sso-openid-connect");

            String tokenEndpoint = config.get("token_endpoint").asString();
            ApiClient.Response token =
                    FhirTokens.request(tokenEndpoint, "test-system-reader", "test-secret-reader", "system/Patient.rs");
            assertThat(token.status()).as(token.body()).isEqualTo(200);
            ApiClient client =
                    new ApiClient(port).bearer(token.json().get("access_token").asString());
            assertThat(client.get("/fhir/Patient/" + patientA).status()).isEqualTo(200);
        }
    }

    private static List<String> strings(tools.jackson.databind.JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    @Test
    void every_fhir_call_checks_the_token_and_its_scopes_per_resource_type_and_interaction() {
        String a = patientA.toString();
        ApiClient reader = new ApiClient(port)
                .bearer(FhirTokens.token(
                        port,
                        "test-system-reader",
                        "test-secret-reader",
                        "system/Patient.rs system/Observation.rs system/Encounter.read"));
        assertThat(reader.get("/fhir/Patient/" + a).status()).isEqualTo(200);
        assertThat(reader.get("/fhir/Observation?patient=" + a).status()).isEqualTo(200);
        assertThat(reader.get("/fhir/Encounter?patient=" + a).status()).isEqualTo(200);
        ApiClient.Response allergies = reader.get("/fhir/AllergyIntolerance?patient=" + a);
        assertThat(allergies.status()).isEqualTo(403);
        assertThat(allergies.body()).contains("OperationOutcome", "insufficient-scope");
        ApiClient.Response create = reader.raw(
                "POST",
                "/fhir/Patient",
                "application/fhir+json",
                "{\"resourceType\":\"Patient\",\"name\":[{\"text\":\"Scope Test\"}],\"birthDate\":\"1970-01-01\","
                        + "\"gender\":\"female\"}");
        assertThat(create.status()).as(create.body()).isEqualTo(403);
        assertThat(create.body()).contains("insufficient-scope");
        assertThat(reader.get("/fhir/MedicationRequest?patient=" + a + "&_include=MedicationRequest:requester")
                        .status())
                .isEqualTo(403);

        // a token for medication orders alone may not pull the patient in, under any name HAPI binds to _include
        ApiClient ordersOnly = new ApiClient(port)
                .bearer(FhirTokens.token(
                        port, "test-system-orders", "test-secret-orders", "system/MedicationRequest.rs"));
        assertThat(ordersOnly.get("/fhir/MedicationRequest?patient=" + a).status())
                .isEqualTo(200);
        for (String include : java.util.List.of("_include", "_include:iterate", "_include:recurse")) {
            ApiClient.Response included = ordersOnly.get(
                    "/fhir/MedicationRequest?patient=" + a + "&" + include + "=MedicationRequest:patient");
            assertThat(included.status()).as(include + ": " + included.body()).isEqualTo(403);
        }

        // only the scopes granted in this token count, not all the client could ask for
        ApiClient narrow = new ApiClient(port)
                .bearer(FhirTokens.token(port, "test-system-reader", "test-secret-reader", "system/Patient.rs"));
        assertThat(narrow.get("/fhir/Patient/" + a).status()).isEqualTo(200);
        assertThat(narrow.get("/fhir/Observation?patient=" + a).status()).isEqualTo(403);

        // a write with a token of the right scope goes through the module like the UI's (no CSRF: no cookies)
        ApiClient writer = new ApiClient(port)
                .bearer(FhirTokens.token(port, "test-system-all", "test-secret-all", "system/*.cruds"));
        ApiClient.Response created = writer.raw(
                "POST",
                "/fhir/Patient",
                "application/fhir+json",
                "{\"resourceType\":\"Patient\",\"name\":[{\"text\":\"토큰 환자\"}],\"birthDate\":\"1970-01-01\","
                        + "\"gender\":\"female\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        // bad input is a 400 OperationOutcome, never a 500: a date HAPI cannot parse, _offset paging (which would
        // skip the page-size cap and repeat pages), a draft order naming its drug by reference
        for (String bad : java.util.List.of(
                "/fhir/Observation?patient=" + a + "&date=2024-13-45",
                "/fhir/Observation?patient=" + a + "&_lastUpdated=notadate",
                "/fhir/Observation?patient=" + a + "&_offset=0&_count=2")) {
            ApiClient.Response refused = writer.get(bad);
            assertThat(refused.status()).as(bad + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("OperationOutcome");
        }
        ApiClient.Response byReference = writer.raw(
                "POST",
                "/fhir/MedicationRequest",
                "application/fhir+json",
                "{\"resourceType\":\"MedicationRequest\",\"status\":\"draft\",\"intent\":\"order\","
                        + "\"medicationReference\":{\"reference\":\"Medication/x\"},"
                        + "\"subject\":{\"reference\":\"Patient/" + a + "\"}}");
        assertThat(byReference.status()).as(byReference.body()).isEqualTo(400);
        assertThat(byReference.body()).contains("OperationOutcome");

        // no token, a malformed one, one signed by another key, an expired one: 401 OperationOutcome
        assertThat(new ApiClient(port).get("/fhir/Patient/" + a).status()).isEqualTo(401);
        ApiClient.Response garbage = new ApiClient(port).bearer("not.a.token").get("/fhir/Patient/" + a);
        assertThat(garbage.status()).isEqualTo(401);
        assertThat(garbage.body()).contains("OperationOutcome");
        assertThat(new ApiClient(port)
                        .bearer(forged("test-system-all", Instant.now().plusSeconds(300)))
                        .get("/fhir/Patient/" + a)
                        .status())
                .isEqualTo(401);
        // the bearer chain answers for /fhir only: the JSON API takes no token
        assertThat(reader.get("/api/patients/" + a).status()).isEqualTo(401);
    }

    @Test
    void a_patient_scope_token_sees_its_own_patient_and_no_other() {
        String a = patientA.toString();
        String b = patientB.toString();
        // the client may also ask for system scopes, but they do not apply to a patient account
        ApiClient app = new ApiClient(port)
                .bearer(FhirTokens.token(port, "test-patient-app", "test-secret-patient", "patient/*.rs system/*.rs"));
        assertThat(app.get("/fhir/Patient/" + a).status()).isEqualTo(200);
        assertThat(app.get("/fhir/Observation?patient=" + a).status()).isEqualTo(200);
        assertThat(app.get("/fhir/Encounter?patient=" + a).status()).isEqualTo(200);
        for (String other : List.of(
                "/fhir/Patient/" + b,
                "/fhir/Observation?patient=" + b,
                "/fhir/Encounter?patient=" + b,
                "/fhir/AllergyIntolerance?patient=" + b,
                "/fhir/Condition?patient=" + b)) {
            ApiClient.Response r = app.get(other);
            assertThat(r.status()).as(other).isIn(403, 404);
            assertThat(r.body()).as(other).contains("OperationOutcome").doesNotContain("\"birthDate\"");
        }
        // patient scopes are read-only here: no create
        assertThat(app.raw(
                                "POST",
                                "/fhir/AllergyIntolerance",
                                "application/fhir+json",
                                "{\"resourceType\":\"AllergyIntolerance\"}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void a_page_of_search_results_needs_the_searchs_scopes_and_belongs_to_its_client_and_account() {
        String a = patientA.toString();
        ApiClient searcher = new ApiClient(port)
                .bearer(FhirTokens.token(
                        port, "test-system-reader", "test-secret-reader", "system/Patient.rs system/Observation.rs"));
        String page = nextPage(searcher.get("/fhir/Observation?patient=" + a + "&_count=1"));
        ApiClient.Response own = searcher.get(page);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.body()).contains("\"Observation\"");

        // the same client and account, a token without Observation search: 403 as the search itself would be
        ApiClient patientsOnly = new ApiClient(port)
                .bearer(FhirTokens.token(port, "test-system-reader", "test-secret-reader", "system/Patient.rs"));
        ApiClient.Response narrow = patientsOnly.get(page);
        assertThat(narrow.status()).as(narrow.body()).isEqualTo(403);
        assertThat(narrow.body()).contains("insufficient-scope").doesNotContain("\"Observation\"");
        // another client acting as the same account, even with the scope: not its search
        ApiClient all = new ApiClient(port)
                .bearer(FhirTokens.token(port, "test-system-all", "test-secret-all", "system/*.cruds"));
        assertThat(all.get(page).status()).isIn(404, 410);

        // a patient-scope token's pages are its own; the other patient's pages are not
        ApiClient app = new ApiClient(port)
                .bearer(FhirTokens.token(port, "test-patient-app", "test-secret-patient", "patient/*.rs"));
        String ownPage = nextPage(app.get("/fhir/Observation?patient=" + a + "&_count=1"));
        assertThat(app.get(ownPage).status()).isEqualTo(200);
        ApiClient.Response foreign = app.get(page);
        assertThat(foreign.status()).isIn(404, 410);
        assertThat(foreign.body()).doesNotContain("\"Observation\"");
        assertThat(all.get(ownPage).status()).isIn(404, 410);
    }

    private static String nextPage(ApiClient.Response search) {
        assertThat(search.status()).as(search.body()).isEqualTo(200);
        String next = search.json()
                .get("link")
                .valueStream()
                .filter(l -> l.get("relation").asString().equals("next"))
                .map(l -> l.get("url").asString())
                .findFirst()
                .orElseThrow();
        return next.substring(next.indexOf("/fhir"));
    }

    @Test
    void private_key_jwt_client_assertions_are_accepted_and_calls_are_audited_with_the_client() throws Exception {
        String endpoint = "http://localhost:" + port + "/oauth2/token";
        ApiClient.Response r = FhirTokens.requestWithAssertion(
                port, "test-jwt-client", endpoint, UUID.randomUUID().toString(), "system/Patient.rs");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        ApiClient.Response wrongAudience = FhirTokens.requestWithAssertion(
                port,
                "test-jwt-client",
                "https://elsewhere.example/token",
                UUID.randomUUID().toString(),
                "system/Patient.rs");
        assertThat(wrongAudience.status()).isEqualTo(401);

        // single use (SMART Backend Services): the same assertion again, even for another scope, is a replay
        String once = FhirTokens.assertion(
                "test-jwt-client", endpoint, UUID.randomUUID().toString());
        assertThat(FhirTokens.requestWithAssertion(port, once, "system/Patient.rs")
                        .status())
                .isEqualTo(200);
        ApiClient.Response replay = FhirTokens.requestWithAssertion(port, once, "system/Patient.rs");
        assertThat(replay.status()).as(replay.body()).isEqualTo(401);
        assertThat(replay.json().get("error").asString()).isEqualTo("invalid_client");
        // a refused assertion (wrong audience) used up no id: the same jti with the right audience still works
        String jti = UUID.randomUUID().toString();
        assertThat(FhirTokens.requestWithAssertion(
                                port, "test-jwt-client", "https://elsewhere.example/token", jti, "system/Patient.rs")
                        .status())
                .isEqualTo(401);
        assertThat(FhirTokens.requestWithAssertion(port, "test-jwt-client", endpoint, jti, "system/Patient.rs")
                        .status())
                .isEqualTo(200);

        String a = patientA.toString();
        ApiClient client =
                new ApiClient(port).bearer(r.json().get("access_token").asString());
        long before = count(a);
        assertThat(client.get("/fhir/Patient/" + a).status()).isEqualTo(200);
        assertThat(count(a)).isEqualTo(before + 1);
        // the module's own row names the account the client acts as
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'PATIENT_READ' AND patient_id = :p"
                                + " AND username = :u")
                        .param("p", a)
                        .param("u", FhirTokens.DOCTOR_ACCOUNT)
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    private long count(String patient) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'FHIR_READ' AND patient_id = :p"
                        + " AND detail = 'client=test-jwt-client' AND username = :u")
                .param("p", patient)
                .param("u", FhirTokens.DOCTOR_ACCOUNT)
                .query(Long.class)
                .single();
    }

    /** A well-formed token for a registered client, signed by a key that is not the server's. */
    private static String forged(String client, Instant expires) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).build(),
                    new JWTClaimsSet.Builder()
                            .subject(client)
                            .claim("scope", List.of("system/*.cruds"))
                            .issueTime(new Date())
                            .expirationTime(Date.from(expires))
                            .build());
            jwt.sign(new RSASSASigner(pair.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
