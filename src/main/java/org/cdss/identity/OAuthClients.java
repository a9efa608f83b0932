package org.cdss.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.SmartScope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clients registered for the authorization server (ADR 0035) and the CDSS account each one acts as. Whoever
 * checks a client's token asks here, on every call, for the account's principal: a removed client or a deactivated
 * or locked account stops working at once, not when its tokens expire.
 */
@Service
public class OAuthClients {

    /** The claim of a user token (SMART app launch, ADR 0048) that names the staff member's account id. */
    public static final String USER_CLAIM = "cdss_user";

    private final Map<String, OAuthProperties.Client> clients = new LinkedHashMap<>();
    private final UserAccounts users;

    /**
     * The configured clients, and those another module contributes as beans: demo mode's SMART app
     * ({@code org.cdss.demo.SmartDemoApp}, ADR 0050), checked like configured ones.
     */
    OAuthClients(OAuthProperties properties, ObjectProvider<OAuthProperties.Client> contributed, UserAccounts users) {
        this.users = users;
        List<OAuthProperties.Client> all = new ArrayList<>(properties.clients());
        contributed.orderedStream().forEach(all::add);
        for (OAuthProperties.Client client : all) {
            validate(client);
            if (clients.put(client.clientId(), client) != null) {
                throw new IllegalStateException("cdss.oauth.clients: client-id " + client.clientId() + " twice");
            }
        }
    }

    private static void validate(OAuthProperties.Client client) {
        if (client.clientId() == null || !client.clientId().matches("[A-Za-z0-9._-]{3,100}")) {
            throw new IllegalStateException("cdss.oauth.clients: client-id must be 3-100 of A-Z a-z 0-9 . _ -");
        }
        String where = "cdss.oauth.clients[" + client.clientId() + "]: ";
        if (client.launchedByUser()) {
            validateApp(client, where);
            return;
        }
        if (blank(client.secret()) && blank(client.publicKey()) && blank(client.jwksUrl())) {
            throw new IllegalStateException(where + "secret, public-key or jwks-url is required");
        }
        if (!blank(client.secret()) && !client.secret().startsWith("{")) {
            throw new IllegalStateException(
                    where + "secret must be a password hash ({bcrypt}…), never the secret itself");
        }
        if (blank(client.actAs())) {
            throw new IllegalStateException(where + "act-as (the CDSS account it acts as) is required");
        }
        if (client.scopes().isEmpty()) {
            throw new IllegalStateException(where + "at least one scope is required");
        }
        for (String scope : client.scopes()) {
            if (SmartScope.parse(scope).isEmpty()) {
                throw new IllegalStateException(where + "not a SMART scope: " + scope);
            }
        }
    }

    /**
     * A SMART app launched by staff (ADR 0048): it acts as whoever signs in, so no {@code act-as}; {@code user/}
     * scopes only (no standalone patient launch); redirect URIs exact, https or a loopback http address (a desktop
     * app or a developer's machine), without a fragment; a secret, if any, hashed; no assertion keys.
     */
    private static void validateApp(OAuthProperties.Client client, String where) {
        if (!blank(client.actAs())) {
            throw new IllegalStateException(where + "an app with redirect-uris acts as its user: no act-as");
        }
        if (!blank(client.publicKey()) || !blank(client.jwksUrl())) {
            throw new IllegalStateException(where + "an app with redirect-uris uses PKCE and optionally a secret");
        }
        if (!blank(client.secret()) && !client.secret().startsWith("{")) {
            throw new IllegalStateException(
                    where + "secret must be a password hash ({bcrypt}…), never the secret itself");
        }
        if (client.scopes().isEmpty()) {
            throw new IllegalStateException(where + "at least one scope is required");
        }
        for (String scope : client.scopes()) {
            var parsed = SmartScope.parse(scope);
            if (parsed.isEmpty() || parsed.get().context() != SmartScope.Context.USER) {
                throw new IllegalStateException(where + "an app launched by staff has user/ scopes only: " + scope);
            }
        }
        for (String uri : client.redirectUris()) {
            java.net.URI parsed;
            try {
                parsed = new java.net.URI(uri);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(where + "not a redirect URI: " + uri, e);
            }
            boolean loopback = "http".equals(parsed.getScheme())
                    && ("localhost".equals(parsed.getHost()) || "127.0.0.1".equals(parsed.getHost()));
            if (parsed.getFragment() != null
                    || parsed.getHost() == null
                    || !("https".equals(parsed.getScheme()) || loopback)) {
                throw new IllegalStateException(
                        where + "a redirect URI is https (or http on localhost), without a fragment: " + uri);
            }
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    Iterable<OAuthProperties.Client> all() {
        return clients.values();
    }

    java.util.Optional<OAuthProperties.Client> find(String clientId) {
        return java.util.Optional.ofNullable(clients.get(clientId));
    }

    /**
     * The principal of the staff member a SMART app's user token was issued to (ADR 0048), as of now: the client is
     * still a registered app, the account exists, is active, not locked, and staff. The module rules then apply
     * the user's current role and departments, whatever they were when the token was issued.
     */
    @Transactional(readOnly = true)
    public Optional<CdssPrincipal> userOfApp(String clientId, java.util.UUID userId) {
        OAuthProperties.Client client = clients.get(clientId);
        if (client == null || !client.launchedByUser()) {
            return Optional.empty();
        }
        return users.findById(userId)
                .filter(UserAccount::active)
                .filter(user -> !user.isLocked(Instant.now()))
                .map(UserAccount::principal)
                .filter(principal -> principal.patientId() == null);
    }

    /**
     * The principal of the account the client acts as, if the client is registered and the account exists, is active
     * and not locked.
     */
    @Transactional(readOnly = true)
    public Optional<CdssPrincipal> actingAs(String clientId) {
        OAuthProperties.Client client = clients.get(clientId);
        if (client == null || client.launchedByUser()) {
            return Optional.empty();
        }
        return users.findByUsername(Authentication.normalize(client.actAs()))
                .filter(UserAccount::active)
                .filter(user -> !user.isLocked(Instant.now()))
                .map(UserAccount::principal);
    }
}
