package org.cdss.patients;

/** Helpers for Korean names and numbers: initial consonants (초성) for search, phone digits. */
final class KoreanText {

    private static final char[] CHOSEONG = {
        'ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ'
    };

    private KoreanText() {}

    /** The initial consonants of the Hangul syllables of {@code name} ("홍길동" → "ㅎㄱㄷ"); other letters are dropped. */
    static String initials(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 0xAC00 && c <= 0xD7A3) {
                out.append(CHOSEONG[(c - 0xAC00) / 588]);
            } else if (isConsonant(c)) {
                out.append(c);
            }
        }
        return out.isEmpty() ? null : out.toString();
    }

    /** Whether {@code text} is made of Hangul compatibility consonants only (a 초성 query such as "ㅎㄱㄷ"). */
    static boolean isInitialsQuery(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isConsonant(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isConsonant(char c) {
        return c >= 0x3131 && c <= 0x314E;
    }

    static String digits(String text) {
        if (text == null) {
            return null;
        }
        String d = text.replaceAll("\\D", "");
        return d.isEmpty() ? null : d;
    }
}
