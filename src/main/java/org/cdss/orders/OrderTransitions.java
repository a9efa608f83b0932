package org.cdss.orders;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.cdss.medsafety.MedicationCheckResult;
import org.cdss.shared.DomainException;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life-cycle commands: the prescriber sends (through the safety gate) or cancels an order, the target
 * department starts and completes it with its outcome (a dispense, lab values, a result text). Each checks who may
 * act and the version the caller saw, records the request's idempotency key, lets the {@link Order} move itself
 * (it refuses a step its life cycle does not allow and registers the events) and stores the change.
 */
@Service
class OrderTransitions {

    private final OrderChanges changes;
    private final OrderSafetyGate gate;
    private final LabResultEntry labResults;
    private final OrderRecords records;
    private final Clock clock;

    OrderTransitions(
            OrderChanges changes, OrderSafetyGate gate, LabResultEntry labResults, OrderRecords records, Clock clock) {
        this.changes = changes;
        this.gate = gate;
        this.labResults = labResults;
        this.records = records;
        this.clock = clock;
    }

    /**
     * Sends a pending order to its department. A medication order passes the safety gate first
     * ({@link OrderSafetyGate#beforeSend}): refused with {@code order.safety-blocked} until overridden. The key is
     * recorded only once the gate let the order through, so a retry with the override acts.
     */
    @Transactional(noRollbackFor = SafetyBlocked.class)
    public OrderDetailView send(UUID id, OrderRequests.Send request, OrderIdempotency.Key key) {
        CdssPrincipal user = OrderAccess.doctor();
        Order order = changes.visible(id, user);
        OrderAccess.requireOrderer(user, order);
        order.expectVersion(request.version());
        order.requireSendable();
        Instant now = clock.instant();
        MedicationCheckResult check = gate.beforeSend(order, request.override(), user, now);
        key.remember(id, now);
        OrderStatus from = order.send(user.userId(), now);
        return changes.moved(order, from, user, now, null, "ORDER_SEND").withSafety(check);
    }

    /**
     * The target department takes the order on. For a medication this is the pharmacist's verification: the safety
     * check runs again on the patient's record as it is now ({@link OrderSafetyGate#beforeVerify}); new blocking
     * alerts refuse it with {@code order.safety-blocked} (the key is recorded only once it passed, as at sending).
     */
    @Transactional(noRollbackFor = SafetyBlocked.class)
    public OrderDetailView start(UUID id, OrderRequests.Transition request, OrderIdempotency.Key key) {
        CdssPrincipal user = CurrentUser.require();
        Instant now = clock.instant();
        Order order = changes.visible(id, user);
        OrderAccess.requirePerformer(user, order);
        order.expectVersion(request.version());
        MedicationCheckResult check = order.type() == OrderType.MEDICATION && order.status() == OrderStatus.SENT
                ? gate.beforeVerify(order)
                : null;
        key.remember(id, now);
        OrderStatus from = order.start(user.userId(), now);
        return changes.moved(order, from, user, now, request.note(), "ORDER_START")
                .withSafety(check);
    }

    /**
     * Completes an order with its outcome: a dispense for a medication, values for a lab test (flagged against the
     * catalogue's reference and critical limits), a result text for a tissue exam. An imaging order is completed by
     * its radiologist's signed report only ({@link #completeImagingWithReport}).
     */
    @Transactional
    public OrderDetailView complete(UUID id, OrderRequests.Complete request, OrderIdempotency.Key key) {
        CdssPrincipal user = CurrentUser.require();
        Instant now = clock.instant();
        Order order = acting(id, request.version(), key, user, OrderAccess::requirePerformer, now);
        OrderStatus from = order.complete(user.userId(), now);
        switch (order.type()) {
            case MEDICATION -> {
                if (request.dispense() == null) {
                    throw DomainException.field(OrderProblem.RESULT_INVALID, "/dispense", "order.dispense-required");
                }
                BigDecimal quantity = request.dispense().quantity();
                if (order.exceedsOrderedQuantity(quantity)) {
                    // less than ordered is a partial dispense; more is a different order (an opioid's 10 tablets
                    // dispensed as 100): the prescriber revises the order first
                    String ordered =
                            order.orderedQuantity().stripTrailingZeros().toPlainString();
                    throw new DomainException(
                            OrderProblem.DISPENSE_EXCEEDS_ORDERED,
                            "order.dispense-exceeds-ordered",
                            List.of(new DomainException.FieldProblem(
                                    "/dispense/quantity", "order.dispense-exceeds-ordered", ordered)),
                            ordered);
                }
                records.dispense(id, quantity, request.dispense().note(), user.userId(), now);
            }
            case LAB_TEST -> {
                LabResultEntry.Outcome outcome = labResults.record(order, request.results(), user.userId(), now);
                order.resultRecorded(outcome.abnormal(), outcome.critical(), user.userId(), now);
            }
            case IMAGING ->
                // the radiologist's signed report completes it (completeImagingWithReport, from the reading
                // worklist): a free text here would close the order unread, off the reading worklist, with no
                // report to sign and no critical finding to flag (ADR 0029)
                throw new DomainException(OrderProblem.IMAGING_NEEDS_REPORT, "order.imaging-needs-report");
            case TISSUE_EXAM -> {
                if (request.resultText() == null || request.resultText().isBlank()) {
                    throw DomainException.field(
                            OrderProblem.RESULT_INVALID, "/resultText", "order.result-text-required");
                }
                records.resultText(id, request.resultText().trim(), user.userId(), now);
                order.resultRecorded(false, false, user.userId(), now);
            }
            default -> throw new IllegalStateException();
        }
        return changes.moved(order, from, user, now, request.note(), "ORDER_COMPLETE");
    }

    /**
     * Completes an acquired imaging order with the radiology report its radiologist has just signed (the radiology
     * module's sign-off, inside its transaction, so a refused completion leaves the report unsigned). The result text
     * points to the report; a critical finding makes the result critical, so the ordering doctor is told urgently
     * ({@link OrderResultRecorded} → notifications), as for a critical lab value. Reached through
     * {@link ImagingOrderCompletion}.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    OrderDetailView completeImagingWithReport(UUID id, String resultText, boolean critical) {
        CdssPrincipal user = CurrentUser.require();
        Instant now = clock.instant();
        Order order = acting(id, null, OrderIdempotency.NONE, user, OrderAccess::requirePerformer, now);
        if (order.type() != OrderType.IMAGING) {
            throw DomainException.field(OrderProblem.RESULT_INVALID, "/resultText", "order.result-text-required");
        }
        OrderStatus from = order.complete(user.userId(), now);
        records.resultText(id, resultText, user.userId(), now);
        order.resultRecorded(false, critical, user.userId(), now);
        return changes.moved(order, from, user, now, null, "ORDER_COMPLETE");
    }

    /** The prescriber cancels their order (any state before completed), with a reason. */
    @Transactional
    public OrderDetailView cancel(UUID id, OrderRequests.Cancel request, OrderIdempotency.Key key) {
        CdssPrincipal user = OrderAccess.doctor();
        Instant now = clock.instant();
        Order order = acting(id, request.version(), key, user, OrderAccess::requireOrderer, now);
        OrderStatus from = order.cancel(CancelCause.REQUESTED, request.reason(), user.userId(), now);
        return changes.moved(order, from, user, now, request.reason(), "ORDER_CANCEL");
    }

    /**
     * The department that verifies the order (a pharmacist) returns it to the prescriber instead of carrying it out:
     * it is cancelled with the cause {@link CancelCause#RETURNED} and their reason, and the prescriber is notified
     * (an order cancelled by someone else than its prescriber, {@code OrderNotifications}).
     */
    @Transactional
    public OrderDetailView returnToPrescriber(UUID id, OrderRequests.Cancel request, OrderIdempotency.Key key) {
        CdssPrincipal user = CurrentUser.require();
        Instant now = clock.instant();
        Order order = acting(id, request.version(), key, user, OrderAccess::requirePerformer, now);
        OrderStatus from = order.cancel(CancelCause.RETURNED, request.reason(), user.userId(), now);
        return changes.moved(order, from, user, now, request.reason(), "ORDER_RETURN");
    }

    /**
     * The first steps every department or cancel transition shares: load the order the caller may see, check who
     * may act and the version they saw, and record the key.
     */
    private Order acting(
            UUID id,
            Long version,
            OrderIdempotency.Key key,
            CdssPrincipal user,
            BiConsumer<CdssPrincipal, Order> authorise,
            Instant now) {
        Order order = changes.visible(id, user);
        authorise.accept(user, order);
        order.expectVersion(version);
        key.remember(id, now);
        return order;
    }
}
