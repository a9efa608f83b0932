package org.cdss.orders;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request bodies of the orders API. Shape is checked here; rules in {@link OrderCommands} and {@link OrderTransitions}. */
public final class OrderRequests {

    private OrderRequests() {}

    /**
     * A new order, or the new content of a pending one. Exactly the payload matching {@code type} must be present.
     * {@code intendedDuplicate} confirms a second active order of the same ingredient; {@code dueAt} defaults from
     * the priority.
     */
    public record OrderForm(
            @NotNull UUID patientId,
            @NotNull OrderType type,
            @NotNull OrderPriority priority,
            Instant dueAt,
            @Size(max = 1000) String indication,
            @Valid OrderDetails.Medication medication,
            @Valid OrderDetails.LabTest labTest,
            @Valid OrderDetails.Imaging imaging,
            @Valid OrderDetails.TissueExam tissueExam,
            Boolean intendedDuplicate) {

        boolean duplicateIntended() {
            return Boolean.TRUE.equals(intendedDuplicate);
        }
    }

    /** A pending order's new content, with the version the editor saw. */
    public record UpdateOrder(
            @NotNull Long version, @NotNull @Valid OrderForm order) {}

    /**
     * Going on despite the blocking safety alerts of the previous attempt's 422: a coded reason, free text, and the
     * explicit acknowledgement of an incomplete check, as each finding's {@code override} requires
     * ({@link org.cdss.medsafety.OverridePolicy}).
     */
    public record Override(
            org.cdss.medsafety.OverrideReason reasonCode,
            @Size(max = 1000) String comment,
            Boolean incompleteAcknowledged) {

        boolean acknowledged() {
            return Boolean.TRUE.equals(incompleteAcknowledged);
        }
    }

    /** Send a pending order; {@code override} answers the blocking alerts of the previous attempt's 422. */
    public record Send(Long version, @Valid Override override) {}

    /** Start or any transition without data: an optional version (stale → 409) and note. */
    public record Transition(Long version, @Size(max = 1000) String note) {}

    /** A doctor's own name for a favourite order; blank or null clears it. */
    public record FavouriteLabel(@Size(max = 120) String label) {}

    /** A message on an order's thread (a query or an answer). */
    public record Message(@NotBlank @Size(max = 2000) String body) {}

    public record Cancel(
            Long version, @NotBlank @Size(max = 500) String reason) {}

    /** One lab value: numeric with the catalogue's unit, or text (e.g. "positive"). */
    /** {@code value}: at most what its column holds (DECIMAL(14,4)), so that a typo is a 400, not a 500. */
    public record LabValue(
            @NotBlank @Size(max = 20) String testCode,
            @Digits(integer = 10, fraction = 4) BigDecimal value,
            @Size(max = 200) String text) {}

    /** {@code quantity}: positive, at most what its column holds (DECIMAL(12,2)). */
    public record Dispense(
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 10, fraction = 2)
            BigDecimal quantity,

            @Size(max = 1000) String note) {}

    /**
     * Completes an order with its outcome: lab values for a lab test, a dispense for a medication, a result text for
     * imaging and tissue exams (until their reports are signed in radiology/pathology).
     */
    public record Complete(
            Long version,
            @Size(max = 1000) String note,
            @Size(max = 100) List<@Valid @NotNull LabValue> results,
            @Valid Dispense dispense,
            @Size(max = 20000) String resultText) {

        public Complete {
            results = results == null ? List.of() : List.copyOf(results);
        }
    }

    /** Admin change of the routing table. */
    public record Route(@NotNull UUID departmentId) {}

    /**
     * An order form without patient or due time, kept as a favourite or in an order set (ADR 0038): exactly the
     * payload matching {@code type} must be present.
     */
    public record OrderTemplate(
            @NotNull OrderType type,
            @NotNull OrderPriority priority,
            @Size(max = 1000) String indication,
            @Valid OrderDetails.Medication medication,
            @Valid OrderDetails.LabTest labTest,
            @Valid OrderDetails.Imaging imaging,
            @Valid OrderDetails.TissueExam tissueExam) {}

    /** A department's order set as administrators write it; {@code version} is required when updating. */
    public record OrderSetForm(
            @NotNull UUID departmentId,
            @NotBlank @Size(max = 120) String name,
            @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull OrderTemplate> items,
            Long version) {}
}
