package org.cdss.patients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts resident registration numbers at rest with AES-256-GCM (random 96-bit IV per value, 128-bit tag). The key
 * is {@code CDSS_RRN_KEY} (base64 of 32 bytes). In demo mode without it, a key is generated once and kept in
 * {@code CDSS_HOME/keys/rrn.key}; in production CDSS refuses to start without it.
 */
@Component
class RrnCipher {

    private static final Logger log = LoggerFactory.getLogger(RrnCipher.class);
    private static final String PREFIX = "v1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    RrnCipher(@Value("${cdss.rrn-key:}") String keyText, @Value("${cdss.mode:production}") String mode,
            @Value("${cdss.home:./data}") String home) {
        this.key = new SecretKeySpec(resolveKey(keyText, mode, home), "AES");
    }

    private static byte[] resolveKey(String keyText, String mode, String home) {
        if (keyText != null && !keyText.isBlank()) {
            return decodeKey(keyText.strip(), "CDSS_RRN_KEY");
        }
        if (!"demo".equalsIgnoreCase(mode)) {
            throw new IllegalStateException("CDSS_RRN_KEY is not set: production mode needs the key (base64 of 32 "
                    + "bytes, e.g. `openssl rand -base64 32`) that encrypts resident registration numbers");
        }
        Path file = Path.of(home, "keys", "rrn.key");
        try {
            if (Files.exists(file)) {
                return decodeKey(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
            }
            byte[] generated = new byte[32];
            RANDOM.nextBytes(generated);
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(generated), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's permissions apply
            }
            log.warn("CDSS_RRN_KEY is not set: generated a demo key for resident registration numbers in {}. Set "
                    + "CDSS_RRN_KEY for real use; losing this key makes the stored numbers unreadable.", file);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the demo RRN key " + file, e);
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

    String encrypt(String plain) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RRN encryption failed", e);
        }
    }

    String decrypt(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new IllegalStateException("unknown RRN cipher text format");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("RRN decryption failed (wrong CDSS_RRN_KEY?)", e);
        }
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
