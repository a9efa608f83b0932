package org.cdss.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cdss.medsafety.MedicationCheckResult;

/**
 * One order with everything about it: its typed payload (and a medication's product name as ordered), the timeline
 * of transitions, lab results, dispenses, safety overrides, the order it replaces and the orders that replace it (a
 * revision), and (on create, edit, revise, send and revalidate answers only) the medication-safety check just run.
 * {@code resultTests}: for a lab order that can take its result (sent or in progress), the tests a result is entered
 * for, each with the reference range for this patient's sex (what the server flags against); empty otherwise.
 * Linked orders the caller may not see are left out.
 */
public record OrderDetailView(
        OrderView order,
        String indication,
        OrderDetails.Medication medication,
        String drugName,
        OrderDetails.LabTest labTest,
        OrderDetails.Imaging imaging,
        OrderDetails.TissueExam tissueExam,
        OrderLink replaces,
        List<OrderLink> replacedBy,
        List<TransitionView> timeline,
        List<LabResultView> results,
        List<DispenseView> dispenses,
        List<OverrideView> overrides,
        String resultText,
        List<LabTestView> resultTests,
        MedicationCheckResult safety) {

    public OrderDetailView {
        resultTests = List.copyOf(resultTests);
        replacedBy = List.copyOf(replacedBy);
        timeline = List.copyOf(timeline);
        results = List.copyOf(results);
        dispenses = List.copyOf(dispenses);
        overrides = List.copyOf(overrides);
    }

    OrderDetailView withSafety(MedicationCheckResult check) {
        return new OrderDetailView(
                order,
                indication,
                medication,
                drugName,
                labTest,
                imaging,
                tissueExam,
                replaces,
                replacedBy,
                timeline,
                results,
                dispenses,
                overrides,
                resultText,
                resultTests,
                check);
    }

    /** Another order of the same patient this one is linked to by a revision. */
    public record OrderLink(UUID id, String orderNumber, OrderStatus status) {}

    /** One step of the life cycle: who moved the order from where to where, when, and why. */
    public record TransitionView(
            OrderStatus from, OrderStatus to, UUID actorId, String actorName, Instant at, String note) {}

    /** One lab value with its reference range and flag. */
    public record LabResultView(
            String testCode,
            String loinc,
            String name,
            BigDecimal value,
            String text,
            String unit,
            BigDecimal refLow,
            BigDecimal refHigh,
            LabFlag flag,
            UUID enteredBy,
            Instant enteredAt) {}

    public record DispenseView(
            BigDecimal quantity, String note, UUID dispensedBy, String dispensedByName, Instant dispensedAt) {}

    /** A blocking safety alert the prescriber overrode to send the order. */
    /**
     * A blocking alert overridden at sending: {@code alertType} (INTERACTION, ALLERGY, …) and {@code drugs} (display
     * names of the drugs involved) say what it was in words; {@code ruleId} is the code, for tooltips only.
     */
    public record OverrideView(
            UUID checkId,
            String ruleId,
            String tier,
            String reasonCode,
            String comment,
            UUID userId,
            Instant at,
            String alertType,
            List<String> drugs) {}
}
