package org.cdss.medsafety;

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
 * The {@code jti}s of CDS Hooks JWTs already accepted, each remembered until its token's {@code exp} (ADR 0009), in
 * the database ({@code cds_hooks_jti}): every instance behind the load balancer sees the same set, and the set
 * survives a restart. A token's id is recorded by an insert whose primary key is the hash of issuer and jti, so two
 * concurrent uses of one token cannot both pass. Expired ids are deleted every five minutes.
 */
@Component
class CdsHooksTokenIds {

    private final JdbcClient jdbc;
    private final Clock clock;

    CdsHooksTokenIds(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the token id; false if it was seen before (a replay). Runs in its own (auto-commit) statement. */
    boolean firstUse(String issuer, String jti, Instant expiresAt) {
        try {
            jdbc.sql("INSERT INTO cds_hooks_jti (token_key, expires_at) VALUES (:key, :expires)")
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
        jdbc.sql("DELETE FROM cds_hooks_jti WHERE expires_at < :cutoff")
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
