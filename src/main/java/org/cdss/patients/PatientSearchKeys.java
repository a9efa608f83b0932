package org.cdss.patients;

/**
 * The search columns the registry derives from a patient's name and phone, for tools that write patient rows in bulk
 * (the synthetic data generator) and must fill them exactly as registration does.
 */
public final class PatientSearchKeys {

    private PatientSearchKeys() {}

    /** {@code name_initials}: the initial consonants (홍길동 → ㅎㄱㄷ). */
    public static String initials(String name) {
        return KoreanText.initials(name);
    }

    /** {@code phone_digits}: the digits of a phone number. */
    public static String phoneDigits(String phone) {
        return KoreanText.digits(phone);
    }
}
