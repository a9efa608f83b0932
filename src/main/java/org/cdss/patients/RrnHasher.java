package org.cdss.patients;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The keyed hash that makes resident registration numbers unique although they are stored encrypted with a random IV
 * (ADR 0026): HMAC-SHA-256 of the normalised number ({@code 900101-1234567}) under {@code CDSS_RRN_HASH_KEY} (base64
 * of 32 bytes; like {@code CDSS_RRN_KEY}: required in production, generated once into
 * {@code CDSS_HOME/keys/rrn-hash.key} in demo mode). Without the key a copy of the database cannot be searched for a
 * known number (about 10^10 candidates would otherwise be hashed in minutes). The key is separate from the
 * encryption key so that rotating the latter ({@code ./cdss rrn reencrypt}) leaves the hashes as they are.
 */
@Component
class RrnHasher {

    private final SecretKeySpec key;

    RrnHasher(
            @Value("${cdss.rrn-hash-key:}") String keyText,
            @Value("${cdss.mode:production}") String mode,
            @Value("${cdss.home:./data}") String home) {
        this.key = new SecretKeySpec(
                RrnCipher.resolveKey(
                        keyText, mode, home, "CDSS_RRN_HASH_KEY", "rrn-hash.key", "hashes (for uniqueness)"),
                "HmacSHA256");
    }

    /** 64 hex digits; equal for equal numbers whatever their spelling ("9001011234567" or "900101-1234567"). */
    String hash(String rrn) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update("cdss-rrn-hash:v1:".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(RrnCipher.normalise(rrn).getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RRN hash failed", e);
        }
    }
}
