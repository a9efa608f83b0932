package org.cdss.identity;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.security.UsedJwtIds;
import org.cdss.shared.web.ProblemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
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
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
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
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Authorization Server for outside applications (issue 17 item 4, ADR 0035): the client-credentials grant
 * only (SMART backend services), at {@code /oauth2/token}, its keys at {@code /oauth2/jwks} and its metadata at
 * {@code /.well-known/oauth-authorization-server}. Clients authenticate with a secret (client_secret_basic/post) or
 * with a signed JWT assertion (private_key_jwt, RS384/ES384 and their 256/512 siblings, by a configured public key or
 * JWKS URL). Access tokens are signed JWTs of {@code cdss.oauth.token-ttl} (5 minutes by default) holding the granted
 * scopes; nothing is stored server-side (no refresh tokens, no introspection state).
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
            ProblemWriter problems)
            throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        JwtDecoderFactory<RegisteredClient> assertions = new ClientAssertionDecoders(registry, usedIds);
        http.securityMatcher(server.getEndpointsMatcher())
                .with(
                        server,
                        s -> s.registeredClientRepository(clients)
                                .authorizationService(new NothingStored())
                                .authorizationServerSettings(settings)
                                .clientAuthentication(c -> c.authenticationConverters(
                                                converters -> converters.addFirst(new SmartClientAssertions()))
                                        .authenticationProviders(providers -> providers.forEach(p -> {
                                            if (p instanceof JwtClientAssertionAuthenticationProvider jwt) {
                                                jwt.setJwtDecoderFactory(assertions);
                                            }
                                        }))))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .csrf(c -> c.disable()) // client authentication, no cookies
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(
                        (request, response, ex) -> problems.write(request, response, ProblemCode.UNAUTHENTICATED)));
        return http.build();
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

    /** Access tokens are self-contained JWTs: nothing to keep (client credentials issue no refresh token). */
    static final class NothingStored implements OAuth2AuthorizationService {
        @Override
        public void save(OAuth2Authorization authorization) {}

        @Override
        public void remove(OAuth2Authorization authorization) {}

        @Override
        public OAuth2Authorization findById(String id) {
            return null;
        }

        @Override
        public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
            return null;
        }
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
