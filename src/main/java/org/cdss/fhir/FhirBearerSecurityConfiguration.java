package org.cdss.fhir;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cdss.identity.OAuthClients;
import org.cdss.identity.OAuthProperties;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.SmartScope;
import org.cdss.shared.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A call to {@code /fhir/**} with {@code Authorization: Bearer} (ADR 0035) is checked here, before the session chain:
 * stateless, no CSRF, the token must be signed by this server's authorization server key, unexpired, and issued to a
 * registered client whose account is active — checked on every call. A user token of a SMART app (ADR 0048) runs as
 * the staff member who approved it, as that account is now (active, not locked, its current role and departments). Calls without a bearer token go to the session
 * chain (staff and patients logged in to the UI), and nothing under {@code /fhir} but the CapabilityStatement is
 * anonymous.
 */
@Configuration(proxyBeanMethods = false)
class FhirBearerSecurityConfiguration {

    @Bean
    @Order(9)
    SecurityFilterChain fhirBearerFilterChain(
            HttpSecurity http,
            JWKSource<SecurityContext> keys,
            OAuthProperties properties,
            OAuthClients clients,
            ProblemWriter problems)
            throws Exception {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        List<OAuth2TokenValidator<Jwt>> checks = new ArrayList<>();
        checks.add(new JwtTimestampValidator());
        if (properties.issuer() != null) {
            checks.add(new JwtIssuerValidator(properties.issuer()));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(checks));
        http.securityMatcher(FhirBearerSecurityConfiguration::bearerCallToFhir)
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.disable())
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .oauth2ResourceServer(o -> o.jwt(
                                j -> j.decoder(decoder).jwtAuthenticationConverter(jwt -> authentication(jwt, clients)))
                        .authenticationEntryPoint((request, response, e) ->
                                problems.write(request, response, ProblemCode.UNAUTHENTICATED)))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) ->
                                problems.write(request, response, ProblemCode.UNAUTHENTICATED))
                        .accessDeniedHandler(
                                (request, response, ex) -> problems.write(request, response, ProblemCode.FORBIDDEN)));
        return http.build();
    }

    /**
     * The account a token's calls run as, looked up on every call: for a user token (a SMART app a staff member
     * launched, ADR 0048) that staff member as of now, with the app named; for a backend service (ADR 0035) the
     * account its client acts as.
     */
    static FhirTokenAuthentication authentication(Jwt jwt, OAuthClients clients) {
        String user = jwt.getClaimAsString(OAuthClients.USER_CLAIM);
        String client = user == null ? jwt.getSubject() : jwt.getClaimAsString("client_id");
        Optional<CdssPrincipal> principal;
        if (client == null) {
            principal = Optional.empty();
        } else if (user == null) {
            principal = clients.actingAs(client);
        } else {
            principal = clients.userOfApp(client, uuid(user));
        }
        if (principal.isEmpty()) {
            throw new InvalidBearerTokenException("the client is not registered or its account is not active");
        }
        List<SmartScope> scopes = jwt.getClaimAsStringList("scope") == null
                ? List.of()
                : jwt.getClaimAsStringList("scope").stream()
                        .flatMap(s -> Arrays.stream(s.split(" ")))
                        .flatMap(s -> SmartScope.parse(s).stream())
                        .toList();
        return new FhirTokenAuthentication(principal.get(), client, scopes, user != null);
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidBearerTokenException("not a user of this server");
        }
    }

    static boolean bearerCallToFhir(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return header != null
                && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && (path.equals("/fhir") || path.startsWith("/fhir/"));
    }
}
