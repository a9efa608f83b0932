package org.cdss.identity;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authorization server's signing key (ADR 0035): the hospital's RSA private key (PKCS#8 PEM, e.g. {@code openssl
 * genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out oauth-signing.pem}); in demo mode, when none is
 * configured, one generated once under {@code CDSS_HOME/keys/oauth-signing.pem} (owner-only). Also reads clients'
 * PEM public keys.
 */
final class OAuthKeys {

    private static final Logger log = LoggerFactory.getLogger(OAuthKeys.class);

    private OAuthKeys() {}

    /** The signing key, or none (production mode without a key and without clients: no token can be issued). */
    static List<JWK> signingKeys(
            String configured, boolean generate, String mode, String home, boolean clientsRegistered) {
        Path file;
        if (configured != null) {
            file = Path.of(configured);
            if (generate && !Files.exists(file)) {
                generate(file);
            }
        } else if ("demo".equalsIgnoreCase(mode)) {
            file = Path.of(home, "keys", "oauth-signing.pem");
            if (!Files.exists(file)) {
                generate(file);
            }
        } else if (clientsRegistered) {
            throw new IllegalStateException("cdss.oauth.clients are registered but CDSS_OAUTH_SIGNING_KEY is not set:"
                    + " production mode needs the RSA private key (PKCS#8 PEM) that signs access tokens");
        } else {
            return List.of();
        }
        try {
            return List.of(rsa(Files.readString(file, StandardCharsets.US_ASCII)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(
                    "cdss.oauth.signing-key: cannot read an RSA PKCS#8 PEM key from " + file, e);
        }
    }

    static RSAKey rsa(String pem) throws GeneralSecurityException {
        RSAPrivateCrtKey key =
                (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
        RSAPublicKey pub = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        if (pub.getModulus().bitLength() < 2048) {
            throw new InvalidKeySpecException("the signing key must have at least 2048 bits");
        }
        try {
            return new RSAKey.Builder(pub)
                    .privateKey(key)
                    .keyIDFromThumbprint()
                    .keyUse(com.nimbusds.jose.jwk.KeyUse.SIGNATURE)
                    .build();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /** A PEM public key ({@code -----BEGIN PUBLIC KEY-----}), RSA or EC, as a JWK. */
    static JWK publicKey(String pem) throws GeneralSecurityException {
        byte[] der = der(pem);
        for (String algorithm : List.of("RSA", "EC")) {
            PublicKey key;
            try {
                key = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (InvalidKeySpecException e) {
                continue;
            }
            if (key instanceof RSAPublicKey rsa) {
                return new RSAKey.Builder(rsa).build();
            }
            if (key instanceof ECPublicKey ec) {
                return new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).build();
            }
        }
        throw new InvalidKeySpecException("not an RSA or EC public key");
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder()
                .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }

    private static void generate(Path file) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072);
            byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(der)
                    + "\n-----END PRIVATE KEY-----\n";
            Files.createDirectories(file.getParent());
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            log.warn(
                    "Demo mode: generated the OAuth token signing key {} (set CDSS_OAUTH_SIGNING_KEY in production)",
                    file);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate the demo OAuth signing key " + file, e);
        }
    }
}
