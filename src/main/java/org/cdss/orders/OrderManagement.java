package org.cdss.orders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.identity.IdentityQueries;
import org.cdss.medsafety.ActiveMedication;
import org.cdss.medsafety.AlertDecisionRequest;
import org.cdss.medsafety.DrugSuggestion;
import org.cdss.medsafety.MedicationCheckResult;
import org.cdss.medsafety.MedicationSafety;
import org.cdss.medsafety.OverridePolicy;
import org.cdss.medsafety.ProposedDrug;
import org.cdss.medsafety.SafetyAlert;
import org.cdss.medsafety.SafetyFinding;
import org.cdss.patients.PatientDirectory;
import org.cdss.shared.DomainException;
import org.cdss.shared.DomainException.FieldProblem;
import org.cdss.shared.HospitalZone;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;
import org.cdss.shared.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The orders module's commands: create, edit, send, start, complete, cancel, revise and revalidate orders, and edit
 * the routing table. Authorisation ({@link OrderAccess}), the life cycle ({@link Order}), optimistic locking
 * ({@code version}, stale → 409), idempotency ({@code Idempotency-Key}) and the medication-safety gate are enforced
 * here. Every change writes a transition row, an audit row and an {@link OrderStatusChanged} event in the same
 * transaction.
 */
@Service
public class OrderManagement {

    private static final OverridePolicy.Pointers OVERRIDE_POINTERS = new OverridePolicy.Pointers(
            "/override/reasonCode", "/override/comment", "/override/incompleteAcknowledged");
    private static final DateTimeFormatter NUMBER_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final Duration DUE_GRACE = Duration.ofMinutes(5);

    private final Orders orders;
    private final OrderQueries queries;
    private final OrderRecords records;
    private final OrderRouting routing;
    private final LabCatalogue catalogue;
    private final OrderIdempotency idempotency;
    private final MedicationSafety safety;
    private final PatientDirectory patients;
    private final IdentityQueries identity;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    OrderManagement(Orders orders, OrderQueries queries, OrderRecords records, OrderRouting routing,
            LabCatalogue catalogue, OrderIdempotency idempotency, MedicationSafety safety,
            PatientDirectory patients, IdentityQueries identity, AuditLog audit,
            ApplicationEventPublisher events, Clock clock, HospitalZone zone) {
        this.orders = orders;
        this.queries = queries;
        this.records = records;
        this.routing = routing;
        this.catalogue = catalogue;
        this.idempotency = idempotency;
        this.safety = safety;
        this.patients = patients;
        this.identity = identity;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.zone = zone.zoneId();
    }

    // ---- create, edit, revise ----

    /**
     * Creates a pending order for the calling doctor. A medication order is checked at once and the alerts come back
     * with it (they block only at sending). A second open order of the same ingredient is refused (422) unless
     * {@code intendedDuplicate}.
     */
    @Transactional
    public OrderDetailView create(OrderRequests.OrderForm form, String idempotencyKey) {
        CdssPrincipal user = OrderAccess.doctor();
        String key = OrderIdempotency.validKey(idempotencyKey);
        Optional<UUID> previous = idempotency.previous(user.userId(), key, "CREATE");
        if (previous.isPresent()) {
            return queries.load(previous.get(), user);
        }
        Instant now = clock.instant();
        String drugName = validate(form, null, now);
        Order order = new Order(newNumber(now), form, drugName, routing.departmentFor(form.type()), user.userId(),
                now);
        idempotency.remember(user.userId(), key, "CREATE", order.id(), now);
        return created(order, user, now, "ORDER_CREATE");
    }

    /** New content of a pending order, by its prescriber, at the version they saw (stale → 409). */
    @Transactional
    public OrderDetailView update(UUID id, OrderRequests.UpdateOrder request) {
        CdssPrincipal user = OrderAccess.doctor();
        Order order = visible(id, user);
        OrderAccess.requireOrderer(user, order);
        order.expectVersion(request.version());
        Instant now = clock.instant();
        String drugName = validate(request.order(), order.id(), now);
        order.revise(request.order(), drugName, now);
        // checked before the flush, so the check's outcome goes out in the same UPDATE
        MedicationCheckResult check = order.type() == OrderType.MEDICATION ? check(order) : null;
        orders.saveAndFlush(order);
        audit.record(AuditEvent.success("ORDER_UPDATE", "Order", id, order.patientId()));
        return queries.load(id, user).withSafety(check);
    }

    /**
     * Replaces an order by a new pending one linked to it; the old one, unless already final, is cancelled with a
     * reason naming its successor.
     */
    @Transactional
    public OrderDetailView revise(UUID id, OrderRequests.OrderForm form, String idempotencyKey) {
        CdssPrincipal user = OrderAccess.doctor();
        String key = OrderIdempotency.validKey(idempotencyKey);
        Optional<UUID> previous = idempotency.previous(user.userId(), key, "REVISE");
        if (previous.isPresent()) {
            return queries.load(previous.get(), user);
        }
        Order old = visible(id, user);
        OrderAccess.requireOrderer(user, old);
        if (!form.patientId().equals(old.patientId()) || form.type() != old.type()) {
            throw new DomainException(ProblemCode.BUSINESS_RULE, "order.patient-or-type-changed");
        }
        Instant now = clock.instant();
        String drugName = validate(form, old.id(), now);
        Order replacement = new Order(newNumber(now), form, drugName, routing.departmentFor(form.type()),
                user.userId(), now);
        replacement.replaces(old.id());
        idempotency.remember(user.userId(), key, "REVISE", replacement.id(), now);
        if (!old.status().isFinal()) {
            String reason = "Revised: replaced by " + replacement.orderNumber();
            OrderStatus from = old.cancel(CancelCause.REPLACED, reason, now);
            orders.saveAndFlush(old);
            records.transition(old.id(), from, OrderStatus.CANCELLED, user.userId(), now, reason);
            publish(old, from, user, now);
        }
        return created(replacement, user, now, "ORDER_REVISE");
    }

    private OrderDetailView created(Order order, CdssPrincipal user, Instant now, String action) {
        // checked before the INSERT, so the check's outcome is stored with it (no second UPDATE of the new row)
        MedicationCheckResult check = order.type() == OrderType.MEDICATION ? check(order) : null;
        orders.saveAndFlush(order);
        records.transition(order.id(), null, OrderStatus.PENDING, user.userId(), now, null);
        audit.record(AuditEvent.success(action, "Order", order.id(), order.patientId()));
        publish(order, null, user, now);
        return queries.load(order.id(), user).withSafety(check);
    }

    // ---- life cycle ----

    /**
     * Sends a pending order to its department. A medication order is checked again: alerts that block by
     * {@link OverridePolicy} (hard stop, interruptive, or "check incomplete") refuse the send with 422, the check id
     * and typed {@code findings} ({@link SafetyFinding}, each saying what its override needs), until the request
     * carries an override that satisfies every finding (coded reason, comment, acknowledgement of an incomplete
     * check; otherwise 422 with a {@code medsafety.*} code); the override is recorded with the order, in the alert
     * log and in the audit trail.
     */
    @Transactional(noRollbackFor = SafetyBlocked.class)
    public OrderDetailView send(UUID id, OrderRequests.Send request, String idempotencyKey) {
        CdssPrincipal user = OrderAccess.doctor();
        String key = OrderIdempotency.validKey(idempotencyKey);
        Optional<OrderDetailView> replay = replay(user, key, "SEND", id);
        if (replay.isPresent()) {
            return replay.get();
        }
        Order order = visible(id, user);
        OrderAccess.requireOrderer(user, order);
        order.expectVersion(request.version());
        if (order.status() != OrderStatus.PENDING) {
            throw new DomainException(ProblemCode.CONFLICT, "order.invalid-transition", order.status().name(),
                    OrderStatus.SENT.name());
        }
        Instant now = clock.instant();
        MedicationCheckResult check = null;
        if (order.type() == OrderType.MEDICATION) {
            check = check(order);
            List<SafetyAlert> blocking = check.alerts().stream().filter(OverridePolicy::blocks).toList();
            if (!blocking.isEmpty()) {
                overrideOrRefuse(order, check, blocking, request.override(), user, now);
            }
        }
        idempotency.remember(user.userId(), key, "SEND", id, now);
        OrderStatus from = order.send(now);
        return changed(order, from, user, now, null, "ORDER_SEND").withSafety(check);
    }

    /** The target department takes the order on (for a medication: the pharmacist has verified it). */
    @Transactional
    public OrderDetailView start(UUID id, OrderRequests.Transition request, String idempotencyKey) {
        CdssPrincipal user = CurrentUser.require();
        Instant now = clock.instant();
        Acting acting = acting(id, request.version(), idempotencyKey, "START", user, OrderAccess::requirePerformer,
                now);
        if (acting.replay() != null) {
            return acting.replay();
        }
        OrderStatus from = acting.order().start(now);
        return changed(acting.order(), from, user, now, request.note(), "ORDER_START");
    }

    /**
     * Completes an order with its outcome: a dispense for a medication, values for a lab test (flagged against the
     * catalogue's reference and critical limits), a result text for imaging and tissue exams.
     */
    @Transactional
    public OrderDetailView complete(UUID id, OrderRequests.Complete request, String idempotencyKey) {
        CdssPrincipal user = CurrentUser.require();
        Instant now = clock.instant();
        Acting acting = acting(id, request.version(), idempotencyKey, "COMPLETE", user,
                OrderAccess::requirePerformer, now);
        if (acting.replay() != null) {
            return acting.replay();
        }
        Order order = acting.order();
        OrderStatus from = order.complete(now);
        boolean abnormal = false;
        boolean critical = false;
        boolean result = true;
        switch (order.type()) {
            case MEDICATION -> {
                if (request.dispense() == null) {
                    throw field("/dispense", "order.dispense-required");
                }
                records.dispense(id, request.dispense().quantity(), request.dispense().note(), user.userId(), now);
                result = false;
            }
            case LAB_TEST -> {
                LabOutcome outcome = recordLabResults(order, request.results(), user, now);
                abnormal = outcome.abnormal();
                critical = outcome.critical();
            }
            case IMAGING, TISSUE_EXAM -> {
                if (request.resultText() == null || request.resultText().isBlank()) {
                    throw field("/resultText", "order.result-text-required");
                }
                records.resultText(id, request.resultText().trim(), user.userId(), now);
            }
            default -> throw new IllegalStateException();
        }
        OrderDetailView view = changed(order, from, user, now, request.note(), "ORDER_COMPLETE");
        if (result) {
            events.publishEvent(new OrderResultRecorded(id, order.orderNumber(), order.type(), order.patientId(),
                    order.orderedBy(), order.targetDepartmentId(), abnormal, critical, user.userId(), now));
        }
        return view;
    }

    /** The prescriber cancels their order (any state before completed), with a reason. */
    @Transactional
    public OrderDetailView cancel(UUID id, OrderRequests.Cancel request, String idempotencyKey) {
        CdssPrincipal user = OrderAccess.doctor();
        Instant now = clock.instant();
        Acting acting = acting(id, request.version(), idempotencyKey, "CANCEL", user, OrderAccess::requireOrderer,
                now);
        if (acting.replay() != null) {
            return acting.replay();
        }
        OrderStatus from = acting.order().cancel(CancelCause.REQUESTED, request.reason(), now);
        return changed(acting.order(), from, user, now, request.reason(), "ORDER_CANCEL");
    }

    /** {@code DELETE} of a pending order: it is cancelled (never deleted); anything else is 409. */
    @Transactional
    public OrderDetailView withdraw(UUID id) {
        CdssPrincipal user = OrderAccess.doctor();
        Order order = visible(id, user);
        OrderAccess.requireOrderer(user, order);
        if (order.status() != OrderStatus.PENDING) {
            throw new DomainException(ProblemCode.CONFLICT, "order.not-pending");
        }
        Instant now = clock.instant();
        String reason = "Withdrawn before sending";
        OrderStatus from = order.cancel(CancelCause.WITHDRAWN, reason, now);
        return changed(order, from, user, now, reason, "ORDER_CANCEL");
    }

    /** Runs the medication-safety check of a medication order again (e.g. after an allergy was recorded). */
    @Transactional
    public OrderDetailView revalidate(UUID id) {
        CdssPrincipal user = CurrentUser.require();
        if (!user.hasAny(EnumSet.of(Role.DOCTOR, Role.PHARMACIST))) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
        Order order = visible(id, user);
        if (order.type() != OrderType.MEDICATION) {
            throw new DomainException(ProblemCode.BUSINESS_RULE, "order.not-medication");
        }
        MedicationCheckResult check = check(order);
        orders.saveAndFlush(order);
        audit.record(AuditEvent.success("ORDER_REVALIDATE", "Order", id, order.patientId()));
        return queries.load(id, user).withSafety(check);
    }

    /** A replayed request (same Idempotency-Key) that lost the race to record its key: answer what the first did. */
    @Transactional(readOnly = true)
    public OrderDetailView replayed(String idempotencyKey, String operation) {
        CdssPrincipal user = CurrentUser.require();
        return idempotency.previous(user.userId(), idempotencyKey, operation).map(o -> queries.load(o, user))
                .orElseThrow(() -> new DomainException(ProblemCode.CONFLICT, "order.request-in-progress"));
    }

    // ---- routing table ----

    @Transactional
    public List<RoutingView> route(OrderType type, UUID departmentId) {
        CdssPrincipal user = CurrentUser.require();
        if (!user.has(Role.ADMIN)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
        boolean known = identity.departments().stream().anyMatch(d -> d.id().equals(departmentId) && d.active());
        if (!known) {
            throw field("/departmentId", "order.routing-unknown-department");
        }
        routing.route(type, departmentId, user.userId(), clock.instant());
        audit.record(new AuditEvent("ORDER_ROUTING_UPDATE", "OrderRouting", type.name(), null, null,
                "department=" + departmentId, null));
        return routing.all();
    }

    @Transactional(readOnly = true)
    public List<RoutingView> routing() {
        if (!CurrentUser.require().has(Role.ADMIN)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
        return routing.all();
    }

    // ---- helpers ----

    private OrderDetailView changed(Order order, OrderStatus from, CdssPrincipal user, Instant now, String note,
            String action) {
        orders.saveAndFlush(order);
        records.transition(order.id(), from, order.status(), user.userId(), now, note);
        audit.record(AuditEvent.success(action, "Order", order.id(), order.patientId()));
        publish(order, from, user, now);
        return queries.load(order.id(), user);
    }

    private void publish(Order order, OrderStatus from, CdssPrincipal user, Instant now) {
        events.publishEvent(new OrderStatusChanged(order.id(), order.orderNumber(), order.type(), order.priority(),
                order.patientId(), order.orderedBy(), order.targetDepartmentId(), from, order.status(),
                user.userId(), now));
    }

    /** Either the answer to a replayed request, or the order to act on. */
    private record Acting(Order order, OrderDetailView replay) {
    }

    /**
     * The first steps every transition shares: answer a retried request (same key) with the order as it is now;
     * otherwise load the order the caller may see, check who may act, the version they saw, and record the key.
     */
    private Acting acting(UUID id, Long version, String idempotencyKey, String operation, CdssPrincipal user,
            java.util.function.BiConsumer<CdssPrincipal, Order> authorise, Instant now) {
        String key = OrderIdempotency.validKey(idempotencyKey);
        Optional<OrderDetailView> replay = replay(user, key, operation, id);
        if (replay.isPresent()) {
            return new Acting(null, replay.get());
        }
        Order order = visible(id, user);
        authorise.accept(user, order);
        order.expectVersion(version);
        idempotency.remember(user.userId(), key, operation, id, now);
        return new Acting(order, null);
    }

    private Optional<OrderDetailView> replay(CdssPrincipal user, String key, String operation, UUID orderId) {
        Optional<UUID> previous = idempotency.previous(user.userId(), key, operation);
        if (previous.isPresent() && !previous.get().equals(orderId)) {
            throw new DomainException(ProblemCode.BUSINESS_RULE, "order.idempotency-key-reused");
        }
        return previous.map(o -> queries.load(o, user));
    }

    private Order visible(UUID id, CdssPrincipal user) {
        Order order = orders.findById(id).orElseThrow(DomainException::notFound);
        if (!OrderAccess.canSee(user, order.type(), order.targetDepartmentId(), order.status())) {
            throw DomainException.notFound();
        }
        return order;
    }

    /** Checks the payload against the order type and the catalogues; returns the product name of a medication. */
    private String validate(OrderRequests.OrderForm form, UUID exceptOrderId, Instant now) {
        Map<OrderType, Object> payloads = new LinkedHashMap<>();
        payloads.put(OrderType.MEDICATION, form.medication());
        payloads.put(OrderType.LAB_TEST, form.labTest());
        payloads.put(OrderType.IMAGING, form.imaging());
        payloads.put(OrderType.TISSUE_EXAM, form.tissueExam());
        List<FieldProblem> problems = new ArrayList<>();
        payloads.forEach((type, payload) -> {
            String pointer = "/" + pointerName(type);
            if (type == form.type() && payload == null) {
                problems.add(new FieldProblem(pointer, "order.payload-required"));
            } else if (type != form.type() && payload != null) {
                problems.add(new FieldProblem(pointer, "order.payload-wrong-type"));
            }
        });
        if (!problems.isEmpty()) {
            throw new DomainException(ProblemCode.VALIDATION, "order.payload-mismatch", problems);
        }
        if (form.dueAt() != null && form.dueAt().isBefore(now.minus(DUE_GRACE))) {
            throw validation("/dueAt", "order.due-in-past");
        }
        if (!patients.exists(form.patientId())) {
            throw field("/patientId", "order.patient-unknown");
        }
        return switch (form.type()) {
            case MEDICATION -> validateMedication(form, exceptOrderId);
            case LAB_TEST -> {
                LabTestView test = catalogue.find(form.labTest().testCode())
                        .orElseThrow(() -> field("/labTest/testCode", "order.lab-test-unknown"));
                if (form.labTest().specimen() != null && !form.labTest().specimen().equals(test.specimen())) {
                    throw field("/labTest/specimen", "order.lab-specimen-mismatch");
                }
                yield null;
            }
            default -> null;
        };
    }

    private String validateMedication(OrderRequests.OrderForm form, UUID exceptOrderId) {
        DrugSuggestion product = safety.orderableProduct(form.medication().drugId())
                .orElseThrow(() -> field("/medication/drugId", "order.drug-unknown"));
        List<String> open = queries.openOrdersOfDrug(form.patientId(), product.id(), exceptOrderId);
        if (!open.isEmpty() && !form.duplicateIntended()) {
            throw new DomainException(ProblemCode.BUSINESS_RULE, "order.duplicate-medication",
                    List.of(new FieldProblem("/intendedDuplicate", "order.duplicate-medication")))
                    .with("duplicates", open);
        }
        return product.nameEn();
    }

    /** Runs medsafety for a medication order against the patient's recorded lists and running medication orders. */
    private MedicationCheckResult check(Order order) {
        Integer perDay = order.medFrequency().perDay();
        ProposedDrug proposed = new ProposedDrug(order.medDrugId(), null, order.medDose().doubleValue(),
                order.medDoseUnit(), perDay);
        List<ActiveMedication> otherOrders = queries.activeMedicationDrugIds(order.patientId(), order.id()).stream()
                .map(d -> new ActiveMedication(d, null)).toList();
        MedicationCheckResult check = safety.checkOrder(order.patientId(), proposed, otherOrders);
        order.checked(check.complete(), (int) check.alerts().stream().filter(OverridePolicy::blocks).count());
        return check;
    }

    private void overrideOrRefuse(Order order, MedicationCheckResult check, List<SafetyAlert> blocking,
            OrderRequests.Override override, CdssPrincipal user, Instant now) {
        if (override == null) {
            orders.saveAndFlush(order); // keeps the last check's outcome; the transaction commits (SafetyBlocked)
            throw (SafetyBlocked) new SafetyBlocked().with("checkId", check.checkId())
                    .with("findings", findings(blocking));
        }
        OverridePolicy.enforceFor(blocking, override.reasonCode(), override.comment(), override.acknowledged(),
                OVERRIDE_POINTERS);
        Set<String> rules = new LinkedHashSet<>();
        blocking.forEach(a -> rules.add(a.ruleId()));
        safety.decide(new AlertDecisionRequest(check.checkId(), rules.stream()
                .map(r -> new AlertDecisionRequest.Decision(r, AlertDecisionRequest.Action.OVERRIDDEN,
                        override.reasonCode(), override.comment())).toList()));
        for (SafetyAlert alert : blocking) {
            if (rules.remove(alert.ruleId())) {
                String reason = alert.override().acknowledgementRequired() ? OverridePolicy.INCOMPLETE_ACKNOWLEDGED
                        : override.reasonCode().name();
                records.override(order.id(), check.checkId(), alert.ruleId(), alert.tier().name(), reason,
                        override.comment(), user.userId(), now);
            }
        }
    }

    /** What the 422 names: each blocking alert with its rule, severity, drugs, advice and override requirement. */
    static List<SafetyFinding> findings(List<SafetyAlert> alerts) {
        return alerts.stream().map(SafetyFinding::of).toList();
    }

    private record LabOutcome(boolean abnormal, boolean critical) {
    }

    private LabOutcome recordLabResults(Order order, List<OrderRequests.LabValue> values, CdssPrincipal user,
            Instant now) {
        if (values.isEmpty()) {
            throw field("/results", "order.results-required");
        }
        Map<String, LabTestView> tests = catalogue.resultTests(order.labTestCode());
        Set<String> seen = new java.util.HashSet<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            OrderRequests.LabValue v = values.get(i);
            if (!tests.containsKey(v.testCode()) || !seen.add(v.testCode())) {
                problems.add(new FieldProblem("/results/" + i + "/testCode", "order.result-test-unknown"));
            } else if (v.value() == null && (v.text() == null || v.text().isBlank())) {
                problems.add(new FieldProblem("/results/" + i + "/value", "order.result-value-required"));
            }
        }
        if (!problems.isEmpty()) {
            throw new DomainException(ProblemCode.BUSINESS_RULE, "order.results-invalid", problems);
        }
        boolean abnormal = false;
        boolean critical = false;
        for (OrderRequests.LabValue v : values) {
            LabTestView test = tests.get(v.testCode());
            LabFlag flag = LabFlag.of(v.value(), test.refLow(), test.refHigh(), test.criticalLow(),
                    test.criticalHigh());
            abnormal |= flag.abnormal();
            critical |= flag.critical();
            records.labResult(order.id(), test, v.value(), v.text(), flag, user.userId(), now);
        }
        return new LabOutcome(abnormal, critical);
    }

    private String newNumber(Instant now) {
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36)
                .toUpperCase(java.util.Locale.ROOT);
        return "O-" + NUMBER_DAY.format(now.atZone(zone)) + "-" + "0".repeat(6 - suffix.length()) + suffix;
    }

    private static String pointerName(OrderType type) {
        return switch (type) {
            case MEDICATION -> "medication";
            case LAB_TEST -> "labTest";
            case IMAGING -> "imaging";
            case TISSUE_EXAM -> "tissueExam";
        };
    }

    private static DomainException field(String pointer, String key) {
        return new DomainException(ProblemCode.BUSINESS_RULE, key, List.of(new FieldProblem(pointer, key)));
    }

    private static DomainException validation(String pointer, String key) {
        return new DomainException(ProblemCode.VALIDATION, key, List.of(new FieldProblem(pointer, key)));
    }
}
