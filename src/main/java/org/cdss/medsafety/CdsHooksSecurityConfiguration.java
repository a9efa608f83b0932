package org.cdss.medsafety;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.UsedJwtIds;
import org.cdss.shared.web.ProblemWriter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.web.SecurityFilterChain;

/**
 * CDS Hooks JWT authentication (ADR 0009): a request to {@code /cds-services/**} that carries
 * {@code Authorization: Bearer} is handled by this chain, before the session chain: stateless, no CSRF (an EHR has
 * no CSRF cookie), and the token must be signed by a configured trusted client ({@code iss} names it, its public
 * key or JWKS URL verifies it), unexpired, living at most five minutes ({@code exp − iat}), with {@code aud} equal
 * to the service's URL under the configured public base URL ({@code cdss.cds-hooks.base-url}, never the request's
 * Host header), and with a {@code jti} not seen before (remembered until {@code exp}, {@link UsedJwtIds}). The caller becomes a
 * {@link CdssPrincipal} without roles and with the authority {@code CDS_CLIENT}, which only the CDS Hooks service
 * accepts. Requests without a bearer token go to the session chain (prescribers, with CSRF).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CdsHooksSecurityConfiguration.CdsHooksProperties.class)
class CdsHooksSecurityConfiguration {

    static final String AUTHORITY = "CDS_CLIENT";

    /** The longest token lifetime ({@code exp − iat}) accepted. */
    static final java.time.Duration MAX_LIFETIME = java.time.Duration.ofMinutes(5);

    /**
     * {@code cdss.cds-hooks.trusted-clients[n].issuer} with {@code public-key} (PEM) or {@code jwks-uri};
     * {@code cdss.cds-hooks.base-url}: this server's public base URL, which every {@code aud} must start with.
     */
    @ConfigurationProperties("cdss.cds-hooks")
    record CdsHooksProperties(List<TrustedClient> trustedClients, String baseUrl) {
        CdsHooksProperties {
            trustedClients = trustedClients == null ? List.of() : List.copyOf(trustedClients);
            baseUrl = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
        }
    }

    record TrustedClient(String issuer, String publicKey, String jwksUri) {}

    @Bean
    @Order(10)
    SecurityFilterChain cdsHooksJwtFilterChain(
            HttpSecurity http, CdsHooksProperties properties, ProblemWriter problems, UsedJwtIds tokenIds)
            throws Exception {
        if (!properties.trustedClients().isEmpty() && properties.baseUrl().isEmpty()) {
            org.slf4j.LoggerFactory.getLogger(CdsHooksSecurityConfiguration.class)
                    .warn(
                            "CDS Hooks trusted clients"
                                    + " are configured but CDSS_CDS_HOOKS_BASE_URL is not: every CDS Hooks JWT will be refused");
        }
        Map<String, DefaultJWTProcessor<SecurityContext>> processors = new HashMap<>();
        for (TrustedClient client : properties.trustedClients()) {
            processors.put(client.issuer(), processor(client));
        }
        http.securityMatcher(CdsHooksSecurityConfiguration::bearerCallToCdsServices)
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.disable())
                .authorizeHttpRequests(a -> a.anyRequest().hasAuthority(AUTHORITY))
                .oauth2ResourceServer(o -> o.authenticationManagerResolver(request ->
                                new JwtIssuerAuthenticationManagerResolver(issuer -> manager(
                                                issuer,
                                                processors.get(issuer),
                                                audiences(properties.baseUrl(), request),
                                                tokenIds))
                                        .resolve(request))
                        .authenticationEntryPoint((request, response, e) ->
                                problems.write(request, response, ProblemCode.UNAUTHENTICATED)))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) ->
                                problems.write(request, response, ProblemCode.UNAUTHENTICATED))
                        .accessDeniedHandler(
                                (request, response, ex) -> problems.write(request, response, ProblemCode.FORBIDDEN)));
        return http.build();
    }

    static boolean bearerCallToCdsServices(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && path.startsWith("/cds-services/");
    }

    /**
     * The URL called under the configured base URL (the request's own scheme and Host are never used); for the
     * feedback endpoint also the service's URL (clients differ in what they send). None without a base URL.
     */
    static Set<String> audiences(String baseUrl, HttpServletRequest request) {
        if (baseUrl.isEmpty()) {
            return Set.of();
        }
        String url = baseUrl
                + request.getRequestURI().substring(request.getContextPath().length());
        return url.endsWith("/feedback")
                ? Set.of(url, url.substring(0, url.length() - "/feedback".length()))
                : Set.of(url);
    }

    private static OAuth2TokenValidatorResult invalid(String why) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", why, null));
    }

    private static AuthenticationManager manager(
            String issuer, DefaultJWTProcessor<SecurityContext> processor, Set<String> audiences, UsedJwtIds tokenIds) {
        if (processor == null) {
            return null; // not a trusted client: 401
        }
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        OAuth2TokenValidator<Jwt> audience = jwt -> jwt.getAudience() != null
                        && jwt.getAudience().stream().anyMatch(audiences::contains)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "aud is not this service", null));
        OAuth2TokenValidator<Jwt> lifetime = jwt -> {
            if (jwt.getExpiresAt() == null || jwt.getIssuedAt() == null) {
                return invalid("exp and iat are required");
            }
            return java.time.Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())
                                    .compareTo(MAX_LIFETIME)
                            > 0
                    ? invalid("the token lives longer than five minutes")
                    : OAuth2TokenValidatorResult.success();
        };
        OAuth2TokenValidator<Jwt> tokenId =
                jwt -> jwt.getId() != null && !jwt.getId().isBlank()
                        ? OAuth2TokenValidatorResult.success()
                        : invalid("jti is required");
        OAuth2TokenValidator<Jwt> checks = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer), audience, lifetime, tokenId);
        // The replay check comes last and only for an otherwise valid token, so that a refused token uses up no id.
        decoder.setJwtValidator(jwt -> {
            OAuth2TokenValidatorResult result = checks.validate(jwt);
            if (result.hasErrors()) {
                return result;
            }
            return tokenIds.firstUse(issuer, jwt.getId(), jwt.getExpiresAt()) ? result : invalid("jti was used before");
        });
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(jwt -> {
            CdssPrincipal client = new CdssPrincipal(
                    UUID.nameUUIDFromBytes(("cds-client:" + issuer).getBytes(StandardCharsets.UTF_8)),
                    username(issuer),
                    issuer,
                    Set.of(),
                    Set.of(),
                    null);
            return UsernamePasswordAuthenticationToken.authenticated(
                    client, null, List.of(new SimpleGrantedAuthority(AUTHORITY)));
        });
        return provider::authenticate;
    }

    private static String username(String issuer) {
        String name = "cds:" + issuer.replaceFirst("^https?://", "");
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    private static DefaultJWTProcessor<SecurityContext> processor(TrustedClient client) {
        if (client.issuer() == null || client.issuer().isBlank()) {
            throw new IllegalStateException("cdss.cds-hooks.trusted-clients: issuer is required");
        }
        JWKSource<SecurityContext> keys;
        try {
            if (client.publicKey() != null && !client.publicKey().isBlank()) {
                JWK key = jwk(client.publicKey());
                keys = (selector, context) -> List.of(key); // one configured key: whatever kid the token names
            } else if (client.jwksUri() != null && !client.jwksUri().isBlank()) {
                keys = JWKSourceBuilder.create(URI.create(client.jwksUri()).toURL())
                        .build();
            } else {
                throw new IllegalStateException(
                        "cdss.cds-hooks.trusted-clients: " + client.issuer() + " needs public-key or jwks-uri");
            }
        } catch (java.net.MalformedURLException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cdss.cds-hooks.trusted-clients: bad key of " + client.issuer(), e);
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                Set.of(
                        JWSAlgorithm.RS256,
                        JWSAlgorithm.RS384,
                        JWSAlgorithm.RS512,
                        JWSAlgorithm.ES256,
                        JWSAlgorithm.ES384,
                        JWSAlgorithm.ES512),
                keys));
        // Spring's validators check the claims; only a missing iat must be caught here, because Spring's claim set
        // converter would put in exp minus one second for it (and a lifetime check would then always pass).
        processor.setJWTClaimsSetVerifier((claims, context) -> {
            if (claims.getIssueTime() == null) {
                throw new com.nimbusds.jwt.proc.BadJWTException("iat is required");
            }
        });
        return processor;
    }

    /** A PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo) RSA or EC public key as a JWK. */
    static JWK jwk(String pem) throws java.security.GeneralSecurityException {
        byte[] der = Base64.getMimeDecoder()
                .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        for (String algorithm : List.of("RSA", "EC")) {
            PublicKey key;
            try {
                key = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (java.security.spec.InvalidKeySpecException e) {
                continue;
            }
            if (key instanceof RSAPublicKey rsa) {
                return new RSAKey.Builder(rsa).build();
            }
            if (key instanceof ECPublicKey ec) {
                return new ECKey.Builder(com.nimbusds.jose.jwk.Curve.forECParameterSpec(ec.getParams()), ec).build();
            }
        }
        throw new java.security.spec.InvalidKeySpecException("not an RSA or EC public key");
    }
}
