package org.cdss.identity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.SmartScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clients registered for the authorization server (ADR 0035) and the CDSS account each one acts as. Whoever
 * checks a client's token asks here, on every call, for the account's principal: a removed client or a deactivated
 * or locked account stops working at once, not when its tokens expire.
 */
@Service
public class OAuthClients {

    private final Map<String, OAuthProperties.Client> clients = new LinkedHashMap<>();
    private final UserAccounts users;

    OAuthClients(OAuthProperties properties, UserAccounts users) {
        this.users = users;
        for (OAuthProperties.Client client : properties.clients()) {
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

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    Iterable<OAuthProperties.Client> all() {
        return clients.values();
    }

    /**
     * The principal of the account the client acts as, if the client is registered and the account exists, is active
     * and not locked.
     */
    @Transactional(readOnly = true)
    public Optional<CdssPrincipal> actingAs(String clientId) {
        OAuthProperties.Client client = clients.get(clientId);
        if (client == null) {
            return Optional.empty();
        }
        return users.findByUsername(Authentication.normalize(client.actAs()))
                .filter(UserAccount::active)
                .filter(user -> !user.isLocked(Instant.now()))
                .map(UserAccount::principal);
    }
}
