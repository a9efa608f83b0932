package org.cdss.records;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.cdss.shared.DomainException;
import org.cdss.shared.DomainException.FieldProblem;
import org.cdss.shared.ProblemCode;

/**
 * One set of vital signs as measured; any value may be missing but not all. {@link #validated()} refuses values
 * outside what a living adult or child can show (plausibility limits to catch typing errors such as 1200 for 120,
 * not clinical normal ranges); the limits below follow the input checks common in EHR vital-sign flowsheets.
 * {@link #bmi()} is computed here from height and weight, never taken from the client.
 */
public record VitalSigns(
        Integer systolic,
        Integer diastolic,
        Integer heartRate,
        Integer respiratoryRate,
        BigDecimal temperatureC,
        Integer spo2,
        BigDecimal heightCm,
        BigDecimal weightKg) {

    record Range(String pointer, BigDecimal min, BigDecimal max) {
        static Range of(String pointer, String min, String max) {
            return new Range(pointer, new BigDecimal(min), new BigDecimal(max));
        }
    }

    static final Range SYSTOLIC = Range.of("/systolic", "40", "300");
    static final Range DIASTOLIC = Range.of("/diastolic", "20", "200");
    static final Range HEART_RATE = Range.of("/heartRate", "20", "300");
    static final Range RESPIRATORY_RATE = Range.of("/respiratoryRate", "4", "80");
    static final Range TEMPERATURE = Range.of("/temperatureC", "25.0", "45.0");
    static final Range SPO2 = Range.of("/spo2", "50", "100");
    static final Range HEIGHT = Range.of("/heightCm", "20", "250");
    static final Range WEIGHT = Range.of("/weightKg", "0.5", "400");
    /** Above any body-mass index measured in a person; the stored column holds up to 999.9. */
    static final BigDecimal MAX_BMI = new BigDecimal("200");

    /** This set, or a 400 naming every field that is out of range (with a pointer to it). */
    public VitalSigns validated() {
        List<FieldProblem> problems = new ArrayList<>();
        check(problems, SYSTOLIC, systolic == null ? null : BigDecimal.valueOf(systolic));
        check(problems, DIASTOLIC, diastolic == null ? null : BigDecimal.valueOf(diastolic));
        check(problems, HEART_RATE, heartRate == null ? null : BigDecimal.valueOf(heartRate));
        check(problems, RESPIRATORY_RATE, respiratoryRate == null ? null : BigDecimal.valueOf(respiratoryRate));
        check(problems, TEMPERATURE, temperatureC);
        check(problems, SPO2, spo2 == null ? null : BigDecimal.valueOf(spo2));
        check(problems, HEIGHT, heightCm);
        check(problems, WEIGHT, weightKg);
        BigDecimal bmi = bmi();
        if (bmi != null && bmi.compareTo(MAX_BMI) > 0) {
            // each value in its range, together impossible (30 cm and 90 kg): no body-mass index to store
            for (String pointer : List.of("/heightCm", "/weightKg")) {
                problems.add(new FieldProblem(pointer, "vitals.bmi-implausible", bmi.toPlainString(), MAX_BMI));
            }
        }
        if (systolic != null && diastolic != null && diastolic >= systolic) {
            problems.add(new FieldProblem("/diastolic", "vitals.diastolic-not-below-systolic"));
        }
        if ((systolic == null) != (diastolic == null)) {
            problems.add(new FieldProblem(systolic == null ? "/systolic" : "/diastolic", "validation.required"));
        }
        if (systolic == null
                && diastolic == null
                && heartRate == null
                && respiratoryRate == null
                && temperatureC == null
                && spo2 == null
                && heightCm == null
                && weightKg == null) {
            problems.add(new FieldProblem("", "vitals.empty"));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(ProblemCode.VALIDATION, null, problems);
        }
        return this;
    }

    /** Body-mass index in kg/m², one decimal (half up), or null without both height and weight. */
    public BigDecimal bmi() {
        if (heightCm == null || weightKg == null || heightCm.signum() <= 0) {
            return null;
        }
        BigDecimal metres = heightCm.movePointLeft(2);
        return weightKg.divide(metres.multiply(metres), 1, RoundingMode.HALF_UP);
    }

    private static void check(List<FieldProblem> problems, Range range, BigDecimal value) {
        if (value != null && (value.compareTo(range.min()) < 0 || value.compareTo(range.max()) > 0)) {
            problems.add(new FieldProblem(
                    range.pointer(),
                    "vitals.out-of-range",
                    range.min().toPlainString(),
                    range.max().toPlainString()));
        }
    }
}
