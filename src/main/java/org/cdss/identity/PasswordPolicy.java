package org.cdss.identity;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cdss.shared.DomainException;
import org.cdss.shared.DomainException.FieldProblem;
import org.cdss.shared.ProblemCode;

/**
 * Password rules after NIST SP 800-63B §5.1.1.2: length matters, composition rules do not; refuse passwords that
 * contain the username or are on a list of commonly used passwords. At most 72 bytes in UTF-8: bcrypt (the password
 * encoder) reads no further and Spring Security's refuses longer input with an exception, which was a 500 for a
 * 25-character Korean passphrase.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 72;
    static final int MAX_BYTES = 72;

    private static final Set<String> COMMON = Set.of(
            "password",
            "password1",
            "password12",
            "password123",
            "password1234",
            "1234567890",
            "12345678910",
            "0123456789",
            "qwertyuiop",
            "qwerty1234",
            "1q2w3e4r5t",
            "1qaz2wsx3edc",
            "iloveyou12",
            "abcdefghij",
            "abcd123456",
            "letmein123",
            "welcome123",
            "admin12345",
            "administrator",
            "changeme123",
            "passw0rd12",
            "sunshine12",
            "football12",
            "hospital123",
            "qwerty123456",
            "asdfghjkl1",
            "zxcvbnm123",
            "1111111111",
            "0000000000",
            "aaaaaaaaaa");

    private PasswordPolicy() {}

    /** Throws a 422 password-policy problem naming the field when {@code password} is not acceptable. */
    static void check(String field, String username, String password) {
        String key = violation(username, password);
        if (key != null) {
            throw new DomainException(
                    ProblemCode.PASSWORD_POLICY,
                    key,
                    List.of(new FieldProblem("/" + field, key, MIN_LENGTH, MAX_LENGTH)),
                    MIN_LENGTH,
                    MAX_LENGTH);
        }
    }

    static String violation(String username, String password) {
        if (password == null
                || password.codePointCount(0, password.length()) < MIN_LENGTH
                || password.length() > MAX_LENGTH) {
            return "password.length";
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "password.too-long";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return "password.contains-username";
        }
        if (COMMON.contains(lower) || password.chars().distinct().count() < 4) {
            return "password.too-common";
        }
        return null;
    }
}
