package org.cdss.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cdss.medsafety.ActiveMedication;
import org.cdss.medsafety.AlertDecisionRequest;
import org.cdss.medsafety.MedicationCheckResult;
import org.cdss.medsafety.MedicationSafety;
import org.cdss.medsafety.OrderCheckRequest;
import org.cdss.medsafety.OverridePolicy;
import org.cdss.medsafety.ProposedDrug;
import org.cdss.medsafety.SafetyAlert;
import org.cdss.medsafety.SafetyFinding;
import org.cdss.records.RecordQueries;
import org.cdss.shared.security.CdssPrincipal;
import org.springframework.stereotype.Component;

/**
 * The medication-safety gate of orders: runs medsafety for a medication order (at create, edit, revalidation and
 * send) and, at send, decides whether its blocking alerts refuse the send ({@link SafetyBlocked}, 422 with
 * {@code findings}) or are overridden by the request's coded reason, which is then recorded with the order, in the
 * alert log and in the audit trail. The decision is {@link #beforeSend}, one unit.
 */
@Component
class OrderSafetyGate {

    private static final OverridePolicy.Pointers OVERRIDE_POINTERS = new OverridePolicy.Pointers(
            "/override/reasonCode", "/override/comment", "/override/incompleteAcknowledged");

    private final MedicationSafety safety;
    private final OpenMedicationOrders openMedicationOrders;
    private final RecordQueries vitals;
    private final OrderRecords records;
    private final Orders orders;
    private final Clock clock;

    OrderSafetyGate(
            MedicationSafety safety,
            OpenMedicationOrders openMedicationOrders,
            RecordQueries vitals,
            OrderRecords records,
            Orders orders,
            Clock clock) {
        this.safety = safety;
        this.openMedicationOrders = openMedicationOrders;
        this.vitals = vitals;
        this.records = records;
        this.orders = orders;
        this.clock = clock;
    }

    /** The check of a medication order, stored with it (its outcome); null for other order types. */
    MedicationCheckResult check(Order order) {
        if (order.type() != OrderType.MEDICATION) {
            return null;
        }
        ProposedDrug proposed = new ProposedDrug(
                order.medDrugId(),
                null,
                order.medDose().doubleValue(),
                order.medDoseUnit(),
                order.medFrequency().perDay());
        List<ActiveMedication> otherOrders =
                openMedicationOrders
                        .activeMedicationDrugIds(order.patientId(), order.id(), order.replacesOrderId())
                        .stream()
                        .map(d -> new ActiveMedication(d, null))
                        .toList();
        Double weight = vitals.recentWeightKg(order.patientId(), clock.instant(), MedicationSafety.WEIGHT_MAX_AGE_DAYS)
                .orElse(null);
        MedicationCheckResult check =
                safety.checkOrder(new OrderCheckRequest(order.patientId(), proposed, otherOrders, weight));
        order.checked(check.complete(), blocking(check).size());
        return check;
    }

    /**
     * The gate at sending: checks a medication order again; alerts that block by {@link OverridePolicy} (hard stop,
     * interruptive, or "check incomplete") refuse the send with 422, the check id and typed {@code findings}
     * ({@link SafetyFinding}, each saying what its override needs), until the request carries an override that
     * satisfies every finding (coded reason, comment, acknowledgement of an incomplete check; otherwise 422 with a
     * {@code medsafety.*} code). A refusal keeps the check's outcome with the order (the transaction commits, see
     * {@link SafetyBlocked}).
     */
    MedicationCheckResult beforeSend(Order order, OrderRequests.Override override, CdssPrincipal user, Instant now) {
        MedicationCheckResult check = check(order);
        if (check == null) {
            return null;
        }
        List<SafetyAlert> blocking = blocking(check);
        if (blocking.isEmpty()) {
            return check;
        }
        if (override == null) {
            orders.saveAndFlush(order); // keeps the last check's outcome; the transaction commits (SafetyBlocked)
            throw (SafetyBlocked)
                    new SafetyBlocked().with("checkId", check.checkId()).with("findings", findings(blocking));
        }
        OverridePolicy.enforceFor(
                blocking, override.reasonCode(), override.comment(), override.acknowledged(), OVERRIDE_POINTERS);
        Set<String> rules = new LinkedHashSet<>();
        blocking.forEach(a -> rules.add(a.ruleId()));
        safety.decide(new AlertDecisionRequest(
                check.checkId(),
                rules.stream()
                        .map(r -> new AlertDecisionRequest.Decision(
                                r, AlertDecisionRequest.Action.OVERRIDDEN, override.reasonCode(), override.comment()))
                        .toList()));
        for (SafetyAlert alert : blocking) {
            if (rules.remove(alert.ruleId())) {
                String reason = alert.override().acknowledgementRequired()
                        ? OverridePolicy.INCOMPLETE_ACKNOWLEDGED
                        : override.reasonCode().name();
                records.override(
                        order.id(),
                        check.checkId(),
                        alert.ruleId(),
                        alert.tier().name(),
                        reason,
                        override.comment(),
                        alert.type().name(),
                        String.join(
                                " + ",
                                alert.drugs().stream()
                                        .map(d -> d.name())
                                        .filter(java.util.Objects::nonNull)
                                        .distinct()
                                        .toList()),
                        user.userId(),
                        now);
            }
        }
        return check;
    }

    /**
     * The gate at the pharmacist's verification: the order is checked again against the patient's record as it is now
     * (an allergy, a medication or a weight recorded since it was sent). Blocking alerts the prescriber did not
     * override at sending refuse the verification (422 {@code order.safety-blocked} with the new findings): the
     * prescriber decides on them (the pharmacist returns the order), not the pharmacist. The check is kept with the
     * order either way.
     */
    MedicationCheckResult beforeVerify(Order order) {
        MedicationCheckResult check = check(order);
        Set<String> overridden = new java.util.HashSet<>();
        records.overrides(order.id()).forEach(o -> overridden.add(o.ruleId()));
        List<SafetyAlert> unseen = blocking(check).stream()
                .filter(a -> !overridden.contains(a.ruleId()))
                .toList();
        if (!unseen.isEmpty()) {
            orders.saveAndFlush(order); // keeps this check's outcome; the transaction commits (SafetyBlocked)
            throw (SafetyBlocked) new SafetyBlocked("order.safety-blocked-at-verification")
                    .with("checkId", check.checkId())
                    .with("findings", findings(unseen));
        }
        return check;
    }

    private static List<SafetyAlert> blocking(MedicationCheckResult check) {
        return check.alerts().stream().filter(OverridePolicy::blocks).toList();
    }

    /** What the 422 names: each blocking alert with its rule, severity, drugs, advice and override requirement. */
    static List<SafetyFinding> findings(List<SafetyAlert> alerts) {
        return alerts.stream().map(SafetyFinding::of).toList();
    }
}
