package org.cdss.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * SMART on FHIR discovery (App Launch 2.x, "SMART configuration", ADR 0044) at {@code /.well-known/smart-configuration};
 * the FHIR module forwards {@code /fhir/.well-known/smart-configuration} here, where a SMART client looks for it
 * (relative to the FHIR base). Public and cacheable: it holds no data, only what this authorization server really
 * does — the client-credentials grant (backend services), client authentication by secret or by a signed assertion
 * ({@link OAuthServerConfiguration.ClientAssertionDecoders#ASSERTION_ALGORITHMS}), SMART 2.x and 1.x scope syntax,
 * the scopes the configured clients may ask for, and (ADR 0048) the standalone launch of a SMART app by a staff
 * member: the authorization endpoint, the code flow with PKCE (S256 only) for public and confidential apps, and
 * {@code user/} scopes. No EHR launch, no patient launch context, no OpenID Connect, no refresh tokens.
 */
@RestController
class SmartConfigurationController {

    private final OAuthClients clients;
    private final AuthorizationServerSettings settings;

    SmartConfigurationController(OAuthClients clients, AuthorizationServerSettings settings) {
        this.clients = clients;
        this.settings = settings;
    }

    @GetMapping(value = "/.well-known/smart-configuration", produces = "application/json")
    ResponseEntity<Map<String, Object>> smartConfiguration() {
        String issuer = settings.getIssuer() != null
                ? settings.getIssuer()
                : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        TreeSet<String> scopes = new TreeSet<>();
        for (OAuthProperties.Client client : clients.all()) {
            scopes.addAll(client.scopes());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("issuer", issuer);
        body.put("jwks_uri", issuer + settings.getJwkSetEndpoint());
        body.put("token_endpoint", issuer + settings.getTokenEndpoint());
        body.put("authorization_endpoint", issuer + settings.getAuthorizationEndpoint());
        body.put("grant_types_supported", List.of("client_credentials", "authorization_code"));
        body.put(
                "token_endpoint_auth_methods_supported",
                List.of("client_secret_basic", "client_secret_post", "private_key_jwt", "none"));
        body.put(
                "token_endpoint_auth_signing_alg_values_supported",
                OAuthServerConfiguration.ClientAssertionDecoders.ASSERTION_ALGORITHMS.stream()
                        .map(Enum::name)
                        .toList());
        body.put("scopes_supported", List.copyOf(scopes));
        body.put("response_types_supported", List.of("code"));
        body.put("code_challenge_methods_supported", List.of("S256"));
        body.put(
                "capabilities",
                List.of(
                        "launch-standalone",
                        "client-public",
                        "client-confidential-asymmetric",
                        "client-confidential-symmetric",
                        "permission-user",
                        "permission-v1",
                        "permission-v2"));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(1, TimeUnit.HOURS).cachePublic())
                .body(body);
    }
}
