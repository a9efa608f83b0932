package org.cdss.patients;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Request bodies of the patient registry API. Shape only; the registry enforces the rest. */
public final class PatientRequests {

    /**
     * Korean telephone numbers, hyphens optional: mobile (010…), Seoul (02), regional (031–064), internet (070) and
     * the 4+4 national numbers (15xx, 16xx, 18xx).
     */
    static final String PHONE = "^(01[016789]-?\\d{3,4}-?\\d{4}|02-?\\d{3,4}-?\\d{4}|0[3-6][1-5]-?\\d{3,4}-?\\d{4}"
            + "|070-?\\d{4}-?\\d{4}|1[568]\\d{2}-?\\d{4})$";

    /** Resident registration number: 6 birth-date digits, an optional hyphen, 7 digits starting with 1–8. */
    static final String RRN = "^\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])-?[1-8]\\d{6}$";

    private PatientRequests() {}

    public record RegisterPatientRequest(
            @NotBlank @Size(max = 100) String name,
            @Size(max = 100) String nameLatin,
            @NotNull @PastOrPresent LocalDate birthDate,
            @NotNull Sex sex,
            @Size(max = 20) @Pattern(regexp = PHONE) String phone,
            @Size(max = 300) String address,
            BloodType bloodType,
            @Size(max = 100) String emergencyContactName,
            @Size(max = 20) @Pattern(regexp = PHONE) String emergencyContactPhone,
            @Size(max = 14) @Pattern(regexp = RRN) String rrn) {

        public Demographics demographics() {
            return new Demographics(
                    name.strip(),
                    blankToNull(nameLatin),
                    birthDate,
                    sex,
                    blankToNull(phone),
                    blankToNull(address),
                    bloodType,
                    blankToNull(emergencyContactName),
                    blankToNull(emergencyContactPhone));
        }

        @Override
        public String toString() {
            return "RegisterPatientRequest[…]";
        }
    }

    public record UpdatePatientRequest(
            @NotNull Long version,
            @NotBlank @Size(max = 100) String name,
            @Size(max = 100) String nameLatin,
            @NotNull @PastOrPresent LocalDate birthDate,
            @NotNull Sex sex,
            @Size(max = 20) @Pattern(regexp = PHONE) String phone,
            @Size(max = 300) String address,
            BloodType bloodType,
            @Size(max = 100) String emergencyContactName,
            @Size(max = 20) @Pattern(regexp = PHONE) String emergencyContactPhone,
            @Size(max = 14) @Pattern(regexp = RRN) String rrn) {

        public Demographics demographics() {
            return new Demographics(
                    name.strip(),
                    blankToNull(nameLatin),
                    birthDate,
                    sex,
                    blankToNull(phone),
                    blankToNull(address),
                    bloodType,
                    blankToNull(emergencyContactName),
                    blankToNull(emergencyContactPhone));
        }

        @Override
        public String toString() {
            return "UpdatePatientRequest[version=" + version + "]";
        }
    }

    record InactivateRequest(@NotBlank @Size(max = 500) String reason) {}

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
