package org.cdss.orders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cdss.shared.DomainException;
import org.cdss.shared.DomainException.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * Lab result entry at the completion of a lab order: each value must be one of the ordered test's (or panel's)
 * tests, once, with a value or a text; it is flagged against the catalogue's reference range for the patient's sex
 * and critical limits and stored with the order (with the range used). A test measured in a unit takes a number, or a text that bounds one ({@code ">10.0"}, what an
 * analyser reports beyond its range, flagged by its bound); free text is for tests without a unit.
 */
@Component
class LabResultEntry {

    /** Whether any value entered was abnormal, or critical (the prescriber is told urgently). */
    record Outcome(boolean abnormal, boolean critical) {}

    private final LabCatalogue catalogue;
    private final OrderRecords records;
    private final org.cdss.patients.PatientDirectory patients;

    LabResultEntry(LabCatalogue catalogue, OrderRecords records, org.cdss.patients.PatientDirectory patients) {
        this.catalogue = catalogue;
        this.records = records;
        this.patients = patients;
    }

    Outcome record(Order order, List<OrderRequests.LabValue> values, java.util.UUID by, Instant now) {
        if (values.isEmpty()) {
            throw DomainException.field(OrderProblem.RESULT_INVALID, "/results", "order.results-required");
        }
        // flagged against the range for the patient's sex, and stored with the result
        Map<String, LabTestView> tests = catalogue.resultTests(order.labTestCode(), patients.sexOf(order.patientId()));
        Set<String> seen = new HashSet<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            OrderRequests.LabValue v = values.get(i);
            if (!tests.containsKey(v.testCode()) || !seen.add(v.testCode())) {
                problems.add(new FieldProblem("/results/" + i + "/testCode", "order.result-test-unknown"));
            } else if (v.value() == null && (v.text() == null || v.text().isBlank())) {
                problems.add(new FieldProblem("/results/" + i + "/value", "order.result-value-required"));
            } else if (v.value() == null
                    && measured(tests.get(v.testCode()))
                    && LabFlag.Bound.parse(v.text()) == null) {
                // a measured test's text is a value beyond the analyser's range (">10.0") or nothing: any other text
                // would be stored unflagged, and a critical value would reach nobody urgently
                problems.add(new FieldProblem("/results/" + i + "/text", "order.result-text-not-a-value"));
            }
        }
        if (!problems.isEmpty()) {
            throw new DomainException(OrderProblem.RESULT_INVALID, "order.results-invalid", problems);
        }
        boolean abnormal = false;
        boolean critical = false;
        for (OrderRequests.LabValue v : values) {
            LabTestView test = tests.get(v.testCode());
            LabFlag.Bound bound = v.value() == null ? LabFlag.Bound.parse(v.text()) : null;
            LabFlag flag = bound != null
                    ? LabFlag.of(bound, test.refLow(), test.refHigh(), test.criticalLow(), test.criticalHigh())
                    : LabFlag.of(v.value(), test.refLow(), test.refHigh(), test.criticalLow(), test.criticalHigh());
            abnormal |= flag.abnormal();
            critical |= flag.critical();
            records.labResult(order.id(), test, v.value(), v.text(), flag, by, now);
        }
        return new Outcome(abnormal, critical);
    }

    /** A test measured in a unit: its result is a number (or a number's bound), never free text. */
    private static boolean measured(LabTestView test) {
        return test.unit() != null && !test.unit().isBlank();
    }
}
