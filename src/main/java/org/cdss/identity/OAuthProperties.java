package org.cdss.identity;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The OAuth2 authorization server for outside applications (issue 17 item 4, ADR 0035), configured by the hospital:
 * {@code cdss.oauth.signing-key} the PKCS#8 PEM file of the RSA key that signs access tokens (demo mode generates one
 * under {@code CDSS_HOME/keys} when none is set; production mode refuses to start with clients but no key),
 * {@code issuer} the public base URL ({@code iss} of every token; empty: taken from the request), {@code token-ttl}
 * (at most one hour), and the registered {@code clients}. {@code generate-key} (tests and trials only) generates the
 * key file at {@code signing-key} when it does not exist.
 */
@ConfigurationProperties("cdss.oauth")
public record OAuthProperties(
        @Nullable String signingKey,
        boolean generateKey,
        @Nullable String issuer,
        @Nullable Duration tokenTtl,
        @Nullable List<Client> clients) {

    public OAuthProperties {
        signingKey = signingKey == null || signingKey.isBlank() ? null : signingKey.strip();
        issuer = issuer == null || issuer.isBlank() ? null : issuer.strip().replaceAll("/+$", "");
        tokenTtl = tokenTtl == null ? Duration.ofMinutes(5) : tokenTtl;
        if (tokenTtl.isNegative() || tokenTtl.isZero() || tokenTtl.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalStateException("cdss.oauth.token-ttl must be more than 0 and at most 1 hour");
        }
        clients = clients == null ? List.of() : List.copyOf(clients);
    }

    /**
     * One registered client (an administrator's entry): {@code client-id}; how it authenticates — {@code secret} (a
     * Spring Security password hash such as {@code {bcrypt}…}; client_secret_basic/post) and/or {@code public-key}
     * (PEM, RSA or EC) or {@code jwks-url} for SMART's private_key_jwt client assertion; the {@code scopes} it may ask
     * for (SMART v2 or v1: {@code system/Patient.rs}, {@code patient/*.read}, …); and {@code act-as}, the CDSS
     * account (a service account of a staff role and departments, or a patient account for patient-level scopes)
     * whose access rules every call of the client obeys. A SMART app that staff launch (ADR 0048) has
     * {@code redirect-uris} instead of {@code act-as}: it acts as the staff member who signs in and approves it, with
     * {@code user/} scopes only; without a {@code secret} it is a public client (PKCE only), with one a confidential
     * client; {@code name} is what the consent page calls it.
     */
    public record Client(
            String clientId,
            @Nullable String secret,
            @Nullable String publicKey,
            @Nullable String jwksUrl,
            @Nullable List<String> scopes,
            @Nullable String actAs,
            @Nullable List<String> redirectUris,
            @Nullable String name) {

        public Client {
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
            redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        }

        /** A SMART app launched by a staff member (authorization code with PKCE), not a backend service. */
        public boolean launchedByUser() {
            return !redirectUris.isEmpty();
        }

        public String displayName() {
            return name == null || name.isBlank() ? clientId : name;
        }
    }
}
