package org.cdss.shared.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import org.cdss.shared.db.UtcTimestamps;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The {@code jti}s of single-use JWTs already accepted — CDS Hooks bearer tokens (ADR 0009) and SMART client
 * assertions at the token endpoint (ADR 0044) —, each remembered until its token's {@code exp}, in the database
 * ({@code used_jwt_id}): every instance behind the load balancer sees the same set, and the set survives a restart. A
 * token's id is recorded by an insert whose primary key is the hash of issuer and jti, so two concurrent uses of one
 * token cannot both pass. Callers name the issuer so that the kinds of tokens cannot collide (CDS Hooks: the token's
 * {@code iss}; client assertions: {@code oauth-client:} and the client id). Expired ids are deleted every five minutes.
 */
@Component
public class UsedJwtIds {

    private final JdbcClient jdbc;
    private final Clock clock;

    UsedJwtIds(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the token id; false if it was seen before (a replay). Runs in its own (auto-commit) statement. */
    public boolean firstUse(String issuer, String jti, Instant expiresAt) {
        try {
            jdbc.sql("INSERT INTO used_jwt_id (token_key, expires_at) VALUES (:key, :expires)")
                    .param("key", key(issuer, jti))
                    .param("expires", UtcTimestamps.toColumn(expiresAt))
                    .update();
            return true;
        } catch (DataIntegrityViolationException e) {
            return false;
        }
    }

    @Scheduled(fixedDelay = 300_000, initialDelay = 300_000)
    void forgetExpired() {
        // a minute past exp: the JWT validators accept up to 60 s of clock skew
        jdbc.sql("DELETE FROM used_jwt_id WHERE expires_at < :cutoff")
                .param("cutoff", UtcTimestamps.toColumn(clock.instant().minusSeconds(60)))
                .update();
    }

    private static String key(String issuer, String jti) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest((issuer + "\n" + jti).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
