package org.cdss.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cdss.medsafety.ActiveMedication;
import org.cdss.medsafety.AlertDecisionRequest;
import org.cdss.medsafety.AlertTier;
import org.cdss.medsafety.InvolvedDrug;
import org.cdss.medsafety.MedicationCheckResult;
import org.cdss.medsafety.MedicationSafety;
import org.cdss.medsafety.OrderCheckRequest;
import org.cdss.medsafety.ProposedDrug;
import org.cdss.medsafety.SafetyAlert;
import org.cdss.records.RecordQueries;
import org.cdss.shared.DomainException;
import org.cdss.shared.DomainException.FieldProblem;
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

    private static final Set<AlertTier> BLOCKING = EnumSet.of(AlertTier.HARD_STOP, AlertTier.INTERRUPTIVE);

    private final MedicationSafety safety;
    private final OrderQueries queries;
    private final RecordQueries vitals;
    private final OrderRecords records;
    private final Orders orders;
    private final Clock clock;

    OrderSafetyGate(MedicationSafety safety, OrderQueries queries, RecordQueries vitals, OrderRecords records,
            Orders orders, Clock clock) {
        this.safety = safety;
        this.queries = queries;
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
        ProposedDrug proposed = new ProposedDrug(order.medDrugId(), null, order.medDose().doubleValue(),
                order.medDoseUnit(), order.medFrequency().perDay());
        List<ActiveMedication> otherOrders = queries.activeMedicationDrugIds(order.patientId(), order.id()).stream()
                .map(d -> new ActiveMedication(d, null)).toList();
        Double weight = vitals.recentWeightKg(order.patientId(), clock.instant(), MedicationSafety.WEIGHT_MAX_AGE_DAYS)
                .orElse(null);
        MedicationCheckResult check = safety.checkOrder(new OrderCheckRequest(order.patientId(), proposed,
                otherOrders, weight));
        order.checked(check.complete(), blocking(check).size());
        return check;
    }

    /**
     * The gate at sending: checks a medication order again; blocking alerts (hard stop, interruptive, or "check
     * incomplete") refuse the send until the request carries an override with a coded reason (and free text for a
     * hard stop). A refusal keeps the check's outcome with the order (the transaction commits, see
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
            throw (SafetyBlocked) new SafetyBlocked().with("checkId", check.checkId())
                    .with("findings", findings(blocking));
        }
        boolean hardStop = blocking.stream().anyMatch(a -> a.tier() == AlertTier.HARD_STOP);
        if (hardStop && (override.comment() == null || override.comment().isBlank())) {
            throw new DomainException(OrderProblem.OVERRIDE_INCOMPLETE, "order.override-comment-required",
                    List.of(new FieldProblem("/override/comment", "order.override-comment-required")));
        }
        Set<String> rules = new LinkedHashSet<>();
        blocking.forEach(a -> rules.add(a.ruleId()));
        safety.decide(new AlertDecisionRequest(check.checkId(), rules.stream()
                .map(r -> new AlertDecisionRequest.Decision(r, AlertDecisionRequest.Action.OVERRIDDEN,
                        override.reasonCode(), override.comment())).toList()));
        for (SafetyAlert alert : blocking) {
            if (rules.remove(alert.ruleId())) {
                records.override(order.id(), check.checkId(), alert.ruleId(), alert.tier().name(),
                        override.reasonCode().name(), override.comment(), user.userId(), now);
            }
        }
        return check;
    }

    private static List<SafetyAlert> blocking(MedicationCheckResult check) {
        return check.alerts().stream().filter(a -> BLOCKING.contains(a.tier())).toList();
    }

    /** What the 422 names: each blocking alert with its rule, severity, drugs and advice (no patient data). */
    static List<Map<String, Object>> findings(List<SafetyAlert> alerts) {
        return alerts.stream().map(a -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("ruleId", a.ruleId());
            f.put("type", a.type().name());
            f.put("severity", a.severity().name());
            f.put("tier", a.tier().name());
            f.put("drugs", a.drugs().stream().map(InvolvedDrug::name).toList());
            f.put("whatHappens", a.whatHappens());
            f.put("whatToDo", a.whatToDo());
            f.put("source", a.source());
            return f;
        }).toList();
    }
}
