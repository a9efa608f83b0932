package org.cdss.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.cdss.shared.db.UtcTimestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The authorization server's memory between the steps of a SMART app launch (ADR 0048) — consent asked (found by its
 * {@code state}), code issued (found by the code), code redeemed — in the database ({@code oauth_authorization}), so
 * that any instance can serve any step. Only hashes of the state and the code are kept; the rest is our own JSON
 * ({@link StoredAuthorization}, ADR 0050). Each step takes the row over with a conditional statement whose row count
 * decides, so that two concurrent requests — on one instance or on two — cannot both pass: the consent answer turns
 * the state into a code once, and the redemption of a code deletes its row, once; the loser gets {@code
 * invalid_grant}, and nothing usable is left. Client-credentials grants keep nothing (ADR 0035): their access tokens
 * are self-contained and live five minutes; so do the user tokens, which are not stored either.
 */
final class OAuthAuthorizations implements OAuth2AuthorizationService {

    /** How long a consent request waits for the user's answer. */
    private static final Duration CONSENT_TTL = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final RegisteredClientRepository clients;
    private final Clock clock;

    OAuthAuthorizations(JdbcClient jdbc, RegisteredClientRepository clients, Clock clock) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.clock = clock;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())) {
            return;
        }
        OAuth2Authorization.Token<OAuth2AuthorizationCode> code = authorization.getToken(OAuth2AuthorizationCode.class);
        var now = UtcTimestamps.toColumn(clock.instant());
        if (code != null && code.isInvalidated()) {
            // the code is being redeemed: its row goes, and only one redemption can delete it
            int deleted = jdbc.sql("DELETE FROM oauth_authorization WHERE id = :id AND code_hash = :code"
                            + " AND expires_at >= :now")
                    .param("id", authorization.getId())
                    .param("code", hash(code.getToken().getTokenValue()))
                    .param("now", now)
                    .update();
            if (deleted != 1) {
                throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
            }
            return;
        }
        byte[] content = StoredAuthorization.of(authorization).toBytes();
        if (code != null) {
            // the user approved: the pending consent (found by its state) becomes the code, once
            Instant expires = code.getToken().getExpiresAt() == null
                    ? clock.instant().plus(CONSENT_TTL)
                    : code.getToken().getExpiresAt();
            int updated = jdbc.sql("UPDATE oauth_authorization SET state_hash = NULL, code_hash = :code,"
                            + " expires_at = :expires, content = :content"
                            + " WHERE id = :id AND code_hash IS NULL AND state_hash IS NOT NULL AND expires_at >= :now")
                    .param("code", hash(code.getToken().getTokenValue()))
                    .param("expires", UtcTimestamps.toColumn(expires))
                    .param("content", content)
                    .param("id", authorization.getId())
                    .param("now", now)
                    .update();
            if (updated != 1) {
                throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
            }
            return;
        }
        // a new consent request (expired ones are cleared on the way)
        String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
        jdbc.sql("DELETE FROM oauth_authorization WHERE id = :id OR expires_at < :now")
                .param("id", authorization.getId())
                .param("now", now)
                .update();
        jdbc.sql("INSERT INTO oauth_authorization (id, state_hash, code_hash, expires_at, content)"
                        + " VALUES (:id, :state, NULL, :expires, :content)")
                .param("id", authorization.getId())
                .param("state", state == null ? null : hash(state))
                .param("expires", UtcTimestamps.toColumn(clock.instant().plus(CONSENT_TTL)))
                .param("content", content)
                .update();
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        jdbc.sql("DELETE FROM oauth_authorization WHERE id = :id")
                .param("id", authorization.getId())
                .update();
    }

    /** Not asked for by the code flow; without the state or the code at hand a row cannot be made whole. */
    @Override
    public @Nullable OAuth2Authorization findById(String id) {
        return null;
    }

    @Override
    public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
        if (tokenType == null) {
            OAuth2Authorization byState = byState(token);
            return byState != null ? byState : byCode(token);
        }
        return switch (tokenType.getValue()) {
            case OAuth2ParameterNames.STATE -> byState(token);
            case OAuth2ParameterNames.CODE -> byCode(token);
            default -> null; // access tokens are self-contained and not kept; there are no refresh tokens
        };
    }

    private @Nullable OAuth2Authorization byState(String state) {
        StoredAuthorization stored = one("state_hash", hash(state));
        return stored == null || stored.code() != null ? null : whole(stored, state, null);
    }

    private @Nullable OAuth2Authorization byCode(String code) {
        StoredAuthorization stored = one("code_hash", hash(code));
        return stored == null || stored.code() == null ? null : whole(stored, null, code);
    }

    /** A row whose app is no longer registered is void, like one that no longer reads. */
    private @Nullable OAuth2Authorization whole(
            StoredAuthorization stored, @Nullable String state, @Nullable String code) {
        RegisteredClient client = clients.findById(stored.clientId());
        return client == null ? null : stored.toAuthorization(client, state, code);
    }

    private @Nullable StoredAuthorization one(String column, String value) {
        return jdbc.sql("SELECT content FROM oauth_authorization WHERE " + column + " = :v AND expires_at >= :now")
                .param("v", value)
                .param("now", UtcTimestamps.toColumn(clock.instant()))
                .query((rs, n) -> StoredAuthorization.parse(rs.getBytes(1)))
                .optional()
                .orElse(null);
    }

    static String hash(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
