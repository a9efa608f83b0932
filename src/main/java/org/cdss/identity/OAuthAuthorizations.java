package org.cdss.identity;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import org.cdss.shared.db.UtcTimestamps;
import org.cdss.shared.security.UsedJwtIds;
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

/**
 * The authorization server's memory between the steps of a SMART app launch (ADR 0048) — consent asked (found by its
 * {@code state}), code issued (found by the code), code redeemed — in the database ({@code oauth_authorization}), so
 * that any instance can serve any step. Only hashes of the state and the code are searchable. A code is redeemed once:
 * the redemption is recorded in {@link UsedJwtIds} (an insert, so two concurrent redemptions cannot both pass, on any
 * instance); the loser gets {@code invalid_grant}. Client-credentials grants keep nothing (ADR 0035): their access
 * tokens are self-contained and live five minutes; so do the user tokens, which are not stored either.
 */
final class OAuthAuthorizations implements OAuth2AuthorizationService {

    /** How long a consent request waits for the user's answer. */
    private static final java.time.Duration CONSENT_TTL = java.time.Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final UsedJwtIds usedIds;
    private final Clock clock;

    OAuthAuthorizations(JdbcClient jdbc, UsedJwtIds usedIds, Clock clock) {
        this.jdbc = jdbc;
        this.usedIds = usedIds;
        this.clock = clock;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())) {
            return;
        }
        OAuth2Authorization.Token<OAuth2AuthorizationCode> code = authorization.getToken(OAuth2AuthorizationCode.class);
        if (code != null && code.isInvalidated() && authorization.getAccessToken() != null) {
            // the code is being redeemed: once only, across instances
            Instant until = code.getToken().getExpiresAt() == null
                    ? clock.instant().plus(CONSENT_TTL)
                    : code.getToken().getExpiresAt();
            if (!usedIds.firstUse("oauth-code", hash(code.getToken().getTokenValue()), until)) {
                throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
            }
        }
        String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
        Instant expires = code != null && code.getToken().getExpiresAt() != null
                ? code.getToken().getExpiresAt()
                : clock.instant().plus(CONSENT_TTL);
        jdbc.sql("DELETE FROM oauth_authorization WHERE id = :id OR expires_at < :now")
                .param("id", authorization.getId())
                .param("now", UtcTimestamps.toColumn(clock.instant()))
                .update();
        jdbc.sql("INSERT INTO oauth_authorization (id, state_hash, code_hash, expires_at, content)"
                        + " VALUES (:id, :state, :code, :expires, :content)")
                .param("id", authorization.getId())
                .param("state", state == null ? null : hash(state))
                .param("code", code == null ? null : hash(code.getToken().getTokenValue()))
                .param("expires", UtcTimestamps.toColumn(expires))
                .param("content", serialise(authorization))
                .update();
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        jdbc.sql("DELETE FROM oauth_authorization WHERE id = :id")
                .param("id", authorization.getId())
                .update();
    }

    @Override
    public @Nullable OAuth2Authorization findById(String id) {
        return one("id", id);
    }

    @Override
    public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
        if (tokenType == null) {
            OAuth2Authorization byState = one("state_hash", hash(token));
            return byState != null ? byState : one("code_hash", hash(token));
        }
        return switch (tokenType.getValue()) {
            case OAuth2ParameterNames.STATE -> one("state_hash", hash(token));
            case OAuth2ParameterNames.CODE -> one("code_hash", hash(token));
            default -> null; // access tokens are self-contained and not kept; there are no refresh tokens
        };
    }

    private @Nullable OAuth2Authorization one(String column, String value) {
        return jdbc.sql("SELECT content FROM oauth_authorization WHERE " + column + " = :v AND expires_at >= :now")
                .param("v", value)
                .param("now", UtcTimestamps.toColumn(clock.instant()))
                .query((rs, n) -> deserialise(rs.getBytes(1)))
                .optional()
                .orElse(null);
    }

    private static byte[] serialise(OAuth2Authorization authorization) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(authorization);
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep the authorization", e);
        }
        return bytes.toByteArray();
    }

    /** A row written by another version that no longer reads is an expired request: the user starts again. */
    private static @Nullable OAuth2Authorization deserialise(byte[] content) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(content))) {
            return (OAuth2Authorization) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            return null;
        }
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
