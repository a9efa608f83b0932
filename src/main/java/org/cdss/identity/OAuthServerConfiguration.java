package org.cdss.identity;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.Role;
import org.cdss.shared.security.UsedJwtIds;
import org.cdss.shared.web.ProblemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionDecoderFactory;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Spring Authorization Server for outside applications (issue 17 item 4, ADR 0035): the client-credentials grant
 * (SMART backend services) at {@code /oauth2/token}, and since ADR 0048 the authorization-code grant with PKCE for
 * SMART apps that staff launch ({@code /oauth2/authorize}, the CDSS login and a consent page, user tokens with
 * {@code user/} scopes); its keys at {@code /oauth2/jwks} and its metadata at
 * {@code /.well-known/oauth-authorization-server}. Clients authenticate with a secret (client_secret_basic/post) or
 * with a signed JWT assertion (private_key_jwt, RS384/ES384 and their 256/512 siblings, by a configured public key or
 * JWKS URL). Access tokens are signed JWTs of {@code cdss.oauth.token-ttl} (5 minutes by default) holding the granted
 * scopes; no access token is stored server-side (no refresh tokens, no introspection state); only the code flow's
 * pending authorizations are ({@link OAuthAuthorizations}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OAuthProperties.class)
class OAuthServerConfiguration {

    @Bean
    JWKSource<SecurityContext> oauthSigningKeys(
            OAuthProperties properties,
            @Value("${cdss.mode:production}") String mode,
            @Value("${cdss.home:./data}") String home) {
        List<JWK> keys = OAuthKeys.signingKeys(
                properties.signingKey(),
                properties.generateKey(),
                mode,
                home,
                !properties.clients().isEmpty());
        return new ImmutableJWKSet<>(new JWKSet(keys));
    }

    @Bean
    RegisteredClientRepository registeredClients(OAuthClients clients, OAuthProperties properties) {
        List<RegisteredClient> registered = new ArrayList<>();
        for (OAuthProperties.Client client : clients.all()) {
            if (client.launchedByUser()) {
                registered.add(launchedApp(client, properties));
                continue;
            }
            RegisteredClient.Builder builder = RegisteredClient.withId(client.clientId())
                    .clientId(client.clientId())
                    .clientName(client.clientId())
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .scopes(s -> s.addAll(client.scopes()))
                    .tokenSettings(TokenSettings.builder()
                            .accessTokenTimeToLive(properties.tokenTtl())
                            .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                            .build());
            ClientSettings.Builder settings = ClientSettings.builder().requireAuthorizationConsent(false);
            if (!OAuthClients.blank(client.secret())) {
                builder.clientSecret(client.secret())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
            }
            if (!OAuthClients.blank(client.publicKey()) || !OAuthClients.blank(client.jwksUrl())) {
                builder.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
                if (!OAuthClients.blank(client.jwksUrl())) {
                    settings.jwkSetUrl(client.jwksUrl());
                }
                settings.tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.RS384);
            }
            registered.add(builder.clientSettings(settings.build()).build());
        }
        return registered.isEmpty() ? new NoClients() : new InMemoryRegisteredClientRepository(registered);
    }

    /**
     * A SMART app a staff member launches (ADR 0048): authorization code with PKCE (S256, required also of a
     * confidential app), consent asked every time, no refresh token; its access tokens live as long as the backend
     * services' ones and carry the user ({@link #userTokenClaims()}).
     */
    private static RegisteredClient launchedApp(OAuthProperties.Client client, OAuthProperties properties) {
        RegisteredClient.Builder builder = RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .clientName(client.displayName())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(client.redirectUris()))
                .scopes(s -> s.addAll(client.scopes()))
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(properties.tokenTtl())
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .authorizationCodeTimeToLive(Duration.ofMinutes(2))
                        .build())
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(true)
                        .build());
        if (OAuthClients.blank(client.secret())) {
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        } else {
            builder.clientSecret(client.secret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        }
        return builder.build();
    }

    /**
     * A user token (authorization code, ADR 0048) names the staff member ({@code cdss_user}, their account id) and the
     * app ({@code client_id}); the FHIR chain loads that user's current principal on every call.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> userTokenClaims() {
        return context -> {
            if (AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType())
                    && OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
                    && context.getPrincipal() != null
                    && context.getPrincipal().getPrincipal() instanceof CdssPrincipal user) {
                context.getClaims()
                        .claim(OAuthClients.USER_CLAIM, user.userId().toString())
                        .claim("client_id", context.getRegisteredClient().getClientId());
            }
        };
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(OAuthProperties properties) {
        AuthorizationServerSettings.Builder builder = AuthorizationServerSettings.builder();
        if (properties.issuer() != null) {
            builder.issuer(properties.issuer());
        }
        return builder.build();
    }

    @Bean
    @Order(5)
    SecurityFilterChain oauthServerFilterChain(
            HttpSecurity http,
            RegisteredClientRepository clients,
            AuthorizationServerSettings settings,
            OAuthClients registry,
            UsedJwtIds usedIds,
            ProblemWriter problems,
            SecurityContextRepository sessions,
            JdbcClient jdbc,
            Clock clock)
            throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        JwtDecoderFactory<RegisteredClient> assertions = new ClientAssertionDecoders(registry, usedIds);
        http.securityMatcher(server.getEndpointsMatcher())
                .with(
                        server,
                        s -> s.registeredClientRepository(clients)
                                .authorizationService(new OAuthAuthorizations(jdbc, clients, clock))
                                .authorizationConsentService(new ConsentAskedEachTime())
                                .authorizationServerSettings(settings)
                                .authorizationEndpoint(a -> a.consentPage(CONSENT_PAGE))
                                .clientAuthentication(c -> c.authenticationConverters(
                                                converters -> converters.addFirst(new SmartClientAssertions()))
                                        .authenticationProviders(providers -> providers.forEach(p -> {
                                            if (p instanceof JwtClientAssertionAuthenticationProvider jwt) {
                                                jwt.setJwtDecoderFactory(assertions);
                                            }
                                        }))))
                // the authorization endpoint (SMART app launch, ADR 0048) is for staff signed in to CDSS; the other
                // endpoints authenticate the client
                .authorizeHttpRequests(a -> a.requestMatchers(settings.getAuthorizationEndpoint())
                        .hasAnyRole(STAFF)
                        .anyRequest()
                        .authenticated())
                // Client authentication carries no cookie. The consent answer (POST /oauth2/authorize) is bound to
                // the signed-in user's pending authorization by its state, which only the consent page shows; the
                // session cookie is SameSite=Lax, so a cross-site POST does not carry it.
                .csrf(c -> c.disable())
                // the staff member's CDSS session (the one the login page starts: CSRF, session fixation
                // protection); never a session of its own
                .securityContext(c -> c.securityContextRepository(sessions))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(r -> r.disable())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                                OAuthServerConfiguration::signInFirst,
                                PathPatternRequestMatcher.withDefaults()
                                        .matcher(HttpMethod.GET, settings.getAuthorizationEndpoint()))
                        .defaultAuthenticationEntryPointFor(
                                (request, response, ex) ->
                                        problems.write(request, response, ProblemCode.UNAUTHENTICATED),
                                AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler(
                                (request, response, ex) -> problems.write(request, response, ProblemCode.FORBIDDEN)));
        return http.build();
    }

    /** Where the authorization endpoint sends a user for consent (ADR 0048, {@link OAuthConsentController}). */
    static final String CONSENT_PAGE = "/oauth2/consent";

    private static final String[] STAFF = java.util.Arrays.stream(Role.values())
            .filter(Role::isStaff)
            .map(Enum::name)
            .toArray(String[]::new);

    /**
     * A SMART app sent a user who is not signed in: the CDSS login page, which comes back to the same authorization
     * request once signed in (it follows only {@code /oauth2/authorize?…}).
     */
    private static void signInFirst(
            jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            org.springframework.security.core.AuthenticationException ex)
            throws java.io.IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String back = request.getQueryString() == null ? path : path + "?" + request.getQueryString();
        response.sendRedirect(request.getContextPath() + "/login?next="
                + java.net.URLEncoder.encode(back, java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Consent is asked at every launch (ADR 0048): nothing is remembered, so an app never gets more than the user
     * approved this time, and there is no remembered grant to revoke.
     */
    static final class ConsentAskedEachTime
            implements org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService {
        @Override
        public void save(org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent consent) {}

        @Override
        public void remove(
                org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent consent) {}

        @Override
        public org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent findById(
                String registeredClientId, String principalName) {
            return null;
        }
    }

    /**
     * Client assertions (private_key_jwt) checked against the client's configured PEM public key, or its JWKS URL,
     * with Spring's validators for client assertions ({@code iss} = {@code sub} = client id, {@code aud} this
     * server's issuer or token endpoint, unexpired, with {@code jti}), living at most five minutes, and single-use:
     * a {@code jti} seen before (until the assertion's {@code exp}) is a replay and gets {@code invalid_client}
     * (SMART Backend Services, ADR 0044).
     */
    static final class ClientAssertionDecoders implements JwtDecoderFactory<RegisteredClient> {

        /** SMART asks for RS384 or ES384; the 256 and 512 siblings are accepted too. */
        static final List<SignatureAlgorithm> ASSERTION_ALGORITHMS = List.of(
                SignatureAlgorithm.RS384,
                SignatureAlgorithm.ES384,
                SignatureAlgorithm.RS256,
                SignatureAlgorithm.ES256,
                SignatureAlgorithm.RS512,
                SignatureAlgorithm.ES512);

        /** SMART: an assertion's {@code exp} is at most five minutes after its {@code iat} (or after now). */
        static final Duration MAX_LIFETIME = Duration.ofMinutes(5);

        private final OAuthClients registry;
        private final UsedJwtIds usedIds;

        ClientAssertionDecoders(OAuthClients registry, UsedJwtIds usedIds) {
            this.registry = registry;
            this.usedIds = usedIds;
        }

        @Override
        public JwtDecoder createDecoder(RegisteredClient client) {
            OAuthProperties.Client configured = null;
            for (OAuthProperties.Client c : registry.all()) {
                if (c.clientId().equals(client.getClientId())) {
                    configured = c;
                }
            }
            if (configured == null) {
                throw new IllegalStateException("not a registered client");
            }
            NimbusJwtDecoder decoder;
            if (!OAuthClients.blank(configured.publicKey())) {
                JWK key;
                try {
                    key = OAuthKeys.publicKey(configured.publicKey());
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(
                            "cdss.oauth.clients[" + client.getClientId() + "]: bad public-key", e);
                }
                decoder = NimbusJwtDecoder.withJwkSource((selector, context) -> List.of(key))
                        .jwsAlgorithms(a -> a.addAll(ASSERTION_ALGORITHMS))
                        .build();
            } else {
                decoder = NimbusJwtDecoder.withJwkSetUri(configured.jwksUrl())
                        .jwsAlgorithms(a -> a.addAll(ASSERTION_ALGORITHMS))
                        .build();
            }
            OAuth2TokenValidator<Jwt> checks =
                    JwtClientAssertionDecoderFactory.DEFAULT_JWT_VALIDATOR_FACTORY.apply(client);
            String issuer = "oauth-client:" + client.getClientId();
            // The replay check comes last and only for an otherwise valid assertion, so that a refused one uses up no
            // id.
            decoder.setJwtValidator(jwt -> {
                OAuth2TokenValidatorResult result = checks.validate(jwt);
                if (result.hasErrors()) {
                    return result;
                }
                Instant start = jwt.getIssuedAt() == null ? Instant.now() : jwt.getIssuedAt();
                if (jwt.getExpiresAt() == null
                        || Duration.between(start, jwt.getExpiresAt()).compareTo(MAX_LIFETIME) > 0) {
                    return invalid("the assertion lives longer than five minutes");
                }
                if (jwt.getId() == null || jwt.getId().isBlank()) {
                    return invalid("jti is required");
                }
                return usedIds.firstUse(issuer, jwt.getId(), jwt.getExpiresAt())
                        ? result
                        : invalid("jti was used before");
            });
            return decoder;
        }
    }

    private static OAuth2TokenValidatorResult invalid(String why) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, why, null));
    }

    /** No client registered: every client authentication fails (the in-memory repository refuses an empty list). */
    static final class NoClients implements RegisteredClientRepository {
        @Override
        public void save(RegisteredClient registeredClient) {
            throw new UnsupportedOperationException("clients are configured in cdss.oauth.clients");
        }

        @Override
        public RegisteredClient findById(String id) {
            return null;
        }

        @Override
        public RegisteredClient findByClientId(String clientId) {
            return null;
        }
    }
}
