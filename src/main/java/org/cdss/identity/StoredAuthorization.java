package org.cdss.identity;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A pending SMART app launch as {@code oauth_authorization.content} keeps it (ADR 0048, format of ADR 0050): JSON of
 * our own with the fields the next step needs — the app, the staff member, the app's request (redirect URI, scopes,
 * its state, the PKCE challenge and method, a nonce if any), the scopes approved and when the code was issued and
 * expires — instead of Spring's Java-serialised {@link OAuth2Authorization}, which another Spring version may not read.
 * The consent state and the code themselves are not kept (only their hashes, in their columns): whoever looks a row up
 * holds the value. Version {@value #VERSION}; a row that does not parse as this version (an older format, a Java-
 * serialised row of the first release) is an expired request: the user launches the app again.
 */
record StoredAuthorization(
        int v,
        String id,
        String clientId,
        User user,
        Request request,
        Set<String> authorizedScopes,
        @Nullable Code code) {

    static final int VERSION = 1;

    /** Unknown fields are ignored: an instance still on the previous version reads a row a newer one wrote. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The signed-in staff member who launched the app, as the session had them. */
    record User(UUID id, String username, String displayName, Set<Role> roles, Set<UUID> departmentIds) {}

    /** The app's authorization request; {@code parameters} holds code_challenge(_method), aud, nonce. */
    record Request(
            String authorizationUri,
            String redirectUri,
            Set<String> scopes,
            @Nullable String state,
            Map<String, String> parameters) {}

    record Code(Instant issuedAt, Instant expiresAt) {}

    static StoredAuthorization of(OAuth2Authorization authorization) {
        Authentication signedIn = authorization.getAttribute(Principal.class.getName());
        OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
        if (signedIn == null || !(signedIn.getPrincipal() instanceof CdssPrincipal p) || request == null) {
            throw new IllegalStateException("an authorization-code grant of a signed-in CDSS user was expected");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        request.getAdditionalParameters().forEach((name, value) -> {
            if (value instanceof String s) {
                parameters.put(name, s);
            }
        });
        var token = authorization.getToken(OAuth2AuthorizationCode.class);
        Code code = token == null
                ? null
                : new Code(token.getToken().getIssuedAt(), token.getToken().getExpiresAt());
        return new StoredAuthorization(
                VERSION,
                authorization.getId(),
                request.getClientId(),
                new User(p.userId(), p.username(), p.displayName(), p.roles(), p.departmentIds()),
                new Request(
                        request.getAuthorizationUri(),
                        request.getRedirectUri(),
                        request.getScopes(),
                        request.getState(),
                        parameters),
                authorization.getAuthorizedScopes(),
                code);
    }

    byte[] toBytes() {
        return JSON.writeValueAsString(this).getBytes(StandardCharsets.UTF_8);
    }

    /** The row's content, or null when it is not this version's JSON (then the request counts as expired). */
    static @Nullable StoredAuthorization parse(byte[] content) {
        if (content.length == 0 || content[0] != '{') {
            return null; // the first release's Java serialisation starts with 0xACED
        }
        try {
            StoredAuthorization stored = JSON.readValue(content, StoredAuthorization.class);
            return stored.v() == VERSION && stored.user() != null && stored.request() != null ? stored : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /**
     * The authorization Spring Authorization Server expects at the next step: found by the consent {@code state} (the
     * consent answer) or by the {@code code} (the token request), whose value the caller has.
     */
    OAuth2Authorization toAuthorization(RegisteredClient client, @Nullable String state, @Nullable String codeValue) {
        CdssPrincipal principal = new CdssPrincipal(
                user.id(), user.username(), user.displayName(), user.roles(), user.departmentIds(), null);
        Authentication signedIn = UsernamePasswordAuthenticationToken.authenticated(
                principal,
                null,
                user.roles().stream()
                        .map(r -> new SimpleGrantedAuthority(r.authority()))
                        .toList());
        OAuth2AuthorizationRequest authorizationRequest = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(request.authorizationUri())
                .clientId(clientId)
                .redirectUri(request.redirectUri())
                .scopes(request.scopes())
                .state(request.state())
                .additionalParameters(Map.copyOf(request.parameters()))
                .build();
        OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
                .id(id)
                .principalName(user.username())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizedScopes(authorizedScopes == null ? Set.of() : authorizedScopes)
                .attribute(Principal.class.getName(), signedIn)
                .attribute(OAuth2AuthorizationRequest.class.getName(), authorizationRequest);
        if (state != null) {
            builder.attribute(OAuth2ParameterNames.STATE, state);
        }
        if (code != null && codeValue != null) {
            builder.token(new OAuth2AuthorizationCode(codeValue, code.issuedAt(), code.expiresAt()));
        }
        return builder.build();
    }
}
