package org.cdss.patients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts resident registration numbers at rest with AES-256-GCM (random 96-bit IV per value, 128-bit tag), bound
 * to the patient they belong to and labelled with the key that sealed them (ADR 0014).
 *
 * <p>Stored format {@code v2:<key id>:<base64(iv ‖ cipher text ‖ tag)>}; the associated data is
 * {@code cdss-rrn:v2:<key id>:<patient id>}, so a value copied to another patient's row does not decrypt. The key id is
 * derived from the key (the first 8 hex digits of SHA-256 over a label and the key), never configured by hand.
 * Values written before this format ({@code v1:<base64>}, no key id, no associated data) still decrypt, with the
 * current key or an old one; {@link RrnReencryption} ({@code ./cdss rrn reencrypt}) rewrites them and every value of
 * an old key under the current one.
 *
 * <p>The current key is {@code CDSS_RRN_KEY} (base64 of 32 bytes); {@code CDSS_RRN_OLD_KEYS} (comma-separated, same
 * form) are keys that only decrypt, for the time between a rotation and the re-encryption. In demo mode without a
 * key, one is generated once and kept in {@code CDSS_HOME/keys/rrn.key}; in production CDSS refuses to start without
 * it.
 */
@Component
class RrnCipher {

    private static final Logger log = LoggerFactory.getLogger(RrnCipher.class);
    private static final String LEGACY = "v1:";
    private static final String CURRENT = "v2:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String keyId;
    /** Key id → key, the current one first, then the old ones (decryption only). */
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    RrnCipher(String keyText, String mode, String home) {
        this(keyText, "", mode, home);
    }

    @Autowired
    RrnCipher(
            @Value("${cdss.rrn-key:}") String keyText,
            @Value("${cdss.rrn-old-keys:}") String oldKeys,
            @Value("${cdss.mode:production}") String mode,
            @Value("${cdss.home:./data}") String home) {
        byte[] current = resolveKey(keyText, mode, home, "CDSS_RRN_KEY", "rrn.key", "encrypts");
        this.key = new SecretKeySpec(current, "AES");
        this.keyId = keyId(current);
        keys.put(keyId, key);
        int n = 0;
        for (String old : oldKeys == null ? new String[0] : oldKeys.split(",")) {
            n++;
            if (!old.isBlank()) {
                byte[] bytes = decodeKey(old.strip(), "CDSS_RRN_OLD_KEYS (key " + n + ")");
                keys.putIfAbsent(keyId(bytes), new SecretKeySpec(bytes, "AES"));
            }
        }
    }

    /** The id of the key that encrypts: 8 hex digits derived from the key, safe to show and log. */
    String keyId() {
        return keyId;
    }

    static String keyId(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("cdss-rrn-key-id:".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(key), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A 32-byte key from its setting ({@code variable}, base64), or in demo mode from {@code CDSS_HOME/keys/<file>}
     * (generated once); production mode refuses to start without it. {@code purpose} completes "the key that …
     * resident registration numbers" in the messages.
     */
    static byte[] resolveKey(
            String keyText, String mode, String home, String variable, String fileName, String purpose) {
        if (keyText != null && !keyText.isBlank()) {
            return decodeKey(keyText.strip(), variable);
        }
        if (!"demo".equalsIgnoreCase(mode)) {
            throw new IllegalStateException(variable + " is not set: production mode needs the key (base64 of 32 "
                    + "bytes, e.g. `openssl rand -base64 32`) that " + purpose + " resident registration numbers");
        }
        Path file = Path.of(home, "keys", fileName);
        try {
            if (Files.exists(file)) {
                return decodeKey(
                        Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
            }
            byte[] generated = new byte[32];
            RANDOM.nextBytes(generated);
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(generated), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(
                        file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's permissions apply
            }
            log.warn(
                    "{} is not set: generated a demo key that {} resident registration numbers in {}. Set {} for "
                            + "real use and back it up.",
                    variable,
                    purpose,
                    file,
                    variable);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the demo key " + file, e);
        }
    }

    private static byte[] decodeKey(String text, String where) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not valid base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(where + " must be 32 bytes (base64), found " + bytes.length);
        }
        return bytes;
    }

    /** Seals the number of this patient under the current key. */
    String encrypt(UUID patientId, String plain) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(associatedData(keyId, patientId));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return CURRENT + keyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RRN encryption failed", e);
        }
    }

    /**
     * The number of this patient: a current value with the key its id names (any configured key) and this patient
     * as associated data, or a legacy value with any configured key. Fails for a value of another patient, of an
     * unknown key or altered.
     */
    String decrypt(UUID patientId, String stored) {
        if (stored != null && stored.startsWith(CURRENT)) {
            int colon = stored.indexOf(':', CURRENT.length());
            if (colon < 0) {
                throw new IllegalStateException("unknown RRN cipher text format");
            }
            String id = stored.substring(CURRENT.length(), colon);
            SecretKeySpec k = keys.get(id);
            if (k == null) {
                throw new IllegalStateException(
                        "RRN sealed with key " + id + ", which is neither CDSS_RRN_KEY nor " + "in CDSS_RRN_OLD_KEYS");
            }
            try {
                return open(k, stored.substring(colon + 1), associatedData(id, patientId));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalStateException("RRN decryption failed (not this patient's value, or altered)");
            }
        }
        if (stored != null && stored.startsWith(LEGACY)) {
            for (SecretKeySpec k : keys.values()) {
                try {
                    return open(k, stored.substring(LEGACY.length()), null);
                } catch (GeneralSecurityException | IllegalArgumentException e) {
                    // try the next key
                }
            }
            throw new IllegalStateException("RRN decryption failed (legacy value of none of the configured keys)");
        }
        throw new IllegalStateException("unknown RRN cipher text format");
    }

    /** Whether a stored value is not (yet) in the current format under the current key: what re-encryption rewrites. */
    boolean needsReencryption(String stored) {
        return stored != null && !stored.startsWith(CURRENT + keyId + ":");
    }

    private static String open(SecretKeySpec k, String base64, byte[] aad) throws GeneralSecurityException {
        byte[] all = Base64.getDecoder().decode(base64);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, k, new GCMParameterSpec(128, all, 0, 12));
        if (aad != null) {
            cipher.updateAAD(aad);
        }
        return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
    }

    private static byte[] associatedData(String keyId, UUID patientId) {
        return ("cdss-rrn:v2:" + keyId + ":" + patientId).getBytes(StandardCharsets.US_ASCII);
    }

    /** "900101-1234567" → "900101-1******". */
    static String mask(String rrn) {
        String d = rrn.replace("-", "");
        return d.substring(0, 6) + "-" + d.charAt(6) + "******";
    }

    /** "9001011234567" → "900101-1234567". */
    static String normalise(String rrn) {
        String d = rrn.replace("-", "").strip();
        return d.substring(0, 6) + "-" + d.substring(6);
    }
}
