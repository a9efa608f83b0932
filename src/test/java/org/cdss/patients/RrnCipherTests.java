package org.cdss.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RrnCipherTests {

    static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @TempDir
    Path home;

    static final String OLD_KEY = "HwECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final UUID PATIENT = UUID.fromString("7a1e0000-0000-4000-8000-000000000001");
    static final UUID OTHER_PATIENT = UUID.fromString("7a1e0000-0000-4000-8000-000000000002");

    @Test
    void encrypts_with_a_fresh_iv_and_the_key_id_and_decrypts_back() {
        RrnCipher cipher = new RrnCipher(KEY, "production", home.toString());
        String a = cipher.encrypt(PATIENT, "900101-1234567");
        String b = cipher.encrypt(PATIENT, "900101-1234567");

        assertThat(a).isNotEqualTo(b).doesNotContain("900101").startsWith("v2:" + cipher.keyId() + ":");
        assertThat(cipher.keyId()).matches("[0-9a-f]{8}");
        assertThat(cipher.decrypt(PATIENT, a)).isEqualTo("900101-1234567");
        assertThat(cipher.needsReencryption(a)).isFalse();
    }

    @Test
    void a_value_moved_to_another_patient_does_not_decrypt() {
        RrnCipher cipher = new RrnCipher(KEY, "production", home.toString());
        String sealed = cipher.encrypt(PATIENT, "900101-1234567");

        assertThatThrownBy(() -> cipher.decrypt(OTHER_PATIENT, sealed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("900101");
    }

    @Test
    void another_key_cannot_read_it() {
        String sealed = new RrnCipher(KEY, "production", home.toString()).encrypt(PATIENT, "900101-1234567");
        RrnCipher other = new RrnCipher(OLD_KEY, "production", home.toString());

        assertThatThrownBy(() -> other.decrypt(PATIENT, sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void an_old_key_still_decrypts_but_only_the_current_one_encrypts() {
        RrnCipher before = new RrnCipher(OLD_KEY, "production", home.toString());
        String sealedBefore = before.encrypt(PATIENT, "900101-1234567");
        RrnCipher rotated = new RrnCipher(KEY, OLD_KEY, "production", home.toString());

        assertThat(rotated.decrypt(PATIENT, sealedBefore)).isEqualTo("900101-1234567");
        assertThat(rotated.needsReencryption(sealedBefore)).isTrue();
        assertThat(rotated.encrypt(PATIENT, "900101-1234567"))
                .startsWith("v2:" + rotated.keyId() + ":")
                .doesNotContain(before.keyId());
        assertThat(rotated.keyId()).isNotEqualTo(before.keyId());
        assertThatThrownBy(() -> new RrnCipher(KEY, "production", home.toString()).decrypt(PATIENT, sealedBefore))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(before.keyId());
    }

    @Test
    void legacy_values_without_key_id_or_associated_data_still_decrypt_with_the_current_or_an_old_key() {
        String legacyCurrent = legacy(KEY, "900101-1234567");
        String legacyOld = legacy(OLD_KEY, "850505-2345678");
        RrnCipher rotated = new RrnCipher(KEY, OLD_KEY, "production", home.toString());

        assertThat(rotated.decrypt(PATIENT, legacyCurrent)).isEqualTo("900101-1234567");
        assertThat(rotated.decrypt(OTHER_PATIENT, legacyOld)).isEqualTo("850505-2345678");
        assertThat(rotated.needsReencryption(legacyCurrent)).isTrue();
        assertThatThrownBy(() -> new RrnCipher(KEY, "production", home.toString()).decrypt(PATIENT, legacyOld))
                .isInstanceOf(IllegalStateException.class);
    }

    /** A value as versions before ADR 0014 stored it: {@code v1:} + base64(iv ‖ AES-GCM without associated data). */
    static String legacy(String keyBase64, String plain) {
        try {
            byte[] iv = new byte[12];
            new java.security.SecureRandom().nextBytes(iv);
            javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    javax.crypto.Cipher.ENCRYPT_MODE,
                    new javax.crypto.spec.SecretKeySpec(
                            java.util.Base64.getDecoder().decode(keyBase64), "AES"),
                    new javax.crypto.spec.GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return "v1:" + java.util.Base64.getEncoder().encodeToString(out);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void production_refuses_to_start_without_a_key() {
        assertThatThrownBy(() -> new RrnCipher("", "production", home.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CDSS_RRN_KEY");
        assertThatThrownBy(() -> new RrnCipher("c2hvcnQ=", "production", home.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void demo_mode_generates_a_key_once_and_keeps_it() {
        String sealed = new RrnCipher("", "demo", home.toString()).encrypt(PATIENT, "900101-1234567");

        assertThat(Files.exists(home.resolve("keys/rrn.key"))).isTrue();
        assertThat(new RrnCipher("", "demo", home.toString()).decrypt(PATIENT, sealed))
                .isEqualTo("900101-1234567");
    }

    @Test
    void masks_all_but_birth_date_and_the_sex_digit() {
        assertThat(RrnCipher.mask("9001011234567")).isEqualTo("900101-1******");
        assertThat(RrnCipher.normalise("9001011234567")).isEqualTo("900101-1234567");
    }

    @Test
    void initial_consonants_of_hangul_names() {
        assertThat(KoreanText.initials("홍길동")).isEqualTo("ㅎㄱㄷ");
        assertThat(KoreanText.initials("김 영희")).isEqualTo("ㄱㅇㅎ");
        assertThat(KoreanText.initials("Hong")).isNull();
        assertThat(KoreanText.isInitialsQuery("ㅎㄱㄷ")).isTrue();
        assertThat(KoreanText.isInitialsQuery("홍길동")).isFalse();
        assertThat(KoreanText.digits("010-1234-5678")).isEqualTo("01012345678");
    }
}
