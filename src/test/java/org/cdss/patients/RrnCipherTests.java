package org.cdss.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RrnCipherTests {

    static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @TempDir
    Path home;

    @Test
    void encrypts_with_a_fresh_iv_and_decrypts_back() {
        RrnCipher cipher = new RrnCipher(KEY, "production", home.toString());
        String a = cipher.encrypt("900101-1234567");
        String b = cipher.encrypt("900101-1234567");

        assertThat(a).isNotEqualTo(b).doesNotContain("900101");
        assertThat(cipher.decrypt(a)).isEqualTo("900101-1234567");
    }

    @Test
    void another_key_cannot_read_it() {
        String sealed = new RrnCipher(KEY, "production", home.toString()).encrypt("900101-1234567");
        RrnCipher other = new RrnCipher("HwECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "production", home.toString());

        assertThatThrownBy(() -> other.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void production_refuses_to_start_without_a_key() {
        assertThatThrownBy(() -> new RrnCipher("", "production", home.toString()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CDSS_RRN_KEY");
        assertThatThrownBy(() -> new RrnCipher("c2hvcnQ=", "production", home.toString()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
    }

    @Test
    void demo_mode_generates_a_key_once_and_keeps_it() {
        String sealed = new RrnCipher("", "demo", home.toString()).encrypt("900101-1234567");

        assertThat(Files.exists(home.resolve("keys/rrn.key"))).isTrue();
        assertThat(new RrnCipher("", "demo", home.toString()).decrypt(sealed)).isEqualTo("900101-1234567");
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
