package org.cdss.orders;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.cdss.medsafety.MedicationCheckResult;
import org.cdss.shared.DomainException;
import org.cdss.shared.HospitalZone;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;
import org.cdss.shared.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The prescriber's commands on the content of orders: create, edit, revise (replace by a new order), withdraw a
 * pending one, and run the safety check again. Authorisation ({@link OrderAccess}), the rules of the order itself
 * ({@link Order}), the content checks ({@link OrderForms}) and the safety check ({@link OrderSafetyGate}) are applied
 * here; idempotency is the caller's ({@link OrderIdempotency#once}), the command records its key.
 */
@Service
public class OrderCommands {

    private static final DateTimeFormatter NUMBER_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final OrderChanges changes;
    private final OrderForms forms;
    private final OrderSafetyGate gate;
    private final OrderRouting routing;
    private final OrderRecords records;
    private final Clock clock;
    private final ZoneId zone;

    OrderCommands(
            OrderChanges changes,
            OrderForms forms,
            OrderSafetyGate gate,
            OrderRouting routing,
            OrderRecords records,
            Clock clock,
            HospitalZone zone) {
        this.changes = changes;
        this.forms = forms;
        this.gate = gate;
        this.routing = routing;
        this.records = records;
        this.clock = clock;
        this.zone = zone.zoneId();
    }

    /**
     * Creates a pending order for the calling doctor. A medication order is checked at once and the alerts come back
     * with it (they block only at sending). A second open order of the same ingredient is refused
     * ({@code order.duplicate-ingredient}) unless {@code intendedDuplicate}.
     */
    @Transactional
    public OrderDetailView create(OrderRequests.OrderForm form, OrderIdempotency.Key key) {
        CdssPrincipal user = OrderAccess.doctor();
        Instant now = clock.instant();
        String drugName = forms.validate(form, null, now);
        Order order = new Order(newNumber(now), form, drugName, routing.departmentFor(form.type()), user.userId(), now);
        key.remember(order.id(), now);
        // checked before the INSERT, so the check's outcome is stored with it
        MedicationCheckResult check = gate.check(order);
        return changes.created(order, check, user, now, "ORDER_CREATE");
    }

    /**
     * Creates a pending (draft) order without an idempotency key, through the same checks and the same
     * medication-safety check as {@link #create(OrderRequests.OrderForm, OrderIdempotency.Key)} (the FHIR facade's
     * MedicationRequest create; FHIR clients use conditional create for retries).
     */
    @Transactional
    public OrderDetailView create(OrderRequests.OrderForm form) {
        return create(form, OrderIdempotency.NONE);
    }

    /** New content of a pending order, by its prescriber, at the version they saw (stale → 409). */
    @Transactional
    public OrderDetailView update(UUID id, OrderRequests.UpdateOrder request) {
        CdssPrincipal user = OrderAccess.doctor();
        Order order = changes.visible(id, user);
        OrderAccess.requireOrderer(user, order);
        order.expectVersion(request.version());
        Instant now = clock.instant();
        String drugName = forms.validate(request.order(), order.id(), now);
        order.revise(request.order(), drugName, now);
        // checked before the flush, so the check's outcome goes out in the same UPDATE
        MedicationCheckResult check = gate.check(order);
        return changes.saved(order, check, user, "ORDER_UPDATE");
    }

    /**
     * Replaces an order by a new pending one linked to it; the old one, unless already final, is cancelled with a
     * reason naming its successor.
     */
    @Transactional
    public OrderDetailView revise(UUID id, OrderRequests.OrderForm form, OrderIdempotency.Key key) {
        CdssPrincipal user = OrderAccess.doctor();
        Order old = changes.visible(id, user);
        OrderAccess.requireOrderer(user, old);
        old.requireSamePatientAndType(form);
        Instant now = clock.instant();
        String drugName = forms.validate(form, old.id(), now);
        Order replacement =
                new Order(newNumber(now), form, drugName, routing.departmentFor(form.type()), user.userId(), now);
        replacement.replaces(old.id());
        key.remember(replacement.id(), now);
        if (!old.status().isFinal()) {
            String reason = "Revised: replaced by " + replacement.orderNumber();
            OrderStatus from = old.cancel(CancelCause.REPLACED, reason, user.userId(), now);
            changes.stored(old, from, user, now, reason);
        }
        MedicationCheckResult check = gate.check(replacement);
        return changes.created(replacement, check, user, now, "ORDER_REVISE");
    }

    /** {@code DELETE} of a pending order: it is cancelled (never deleted); anything else is 409. */
    @Transactional
    public OrderDetailView withdraw(UUID id) {
        CdssPrincipal user = OrderAccess.doctor();
        Order order = changes.visible(id, user);
        OrderAccess.requireOrderer(user, order);
        order.requirePending();
        Instant now = clock.instant();
        String reason = "Withdrawn before sending";
        OrderStatus from = order.cancel(CancelCause.WITHDRAWN, reason, user.userId(), now);
        return changes.moved(order, from, user, now, reason, "ORDER_CANCEL");
    }

    /** Runs the medication-safety check of a medication order again (e.g. after an allergy was recorded). */
    @Transactional
    public OrderDetailView revalidate(UUID id) {
        CdssPrincipal user = CurrentUser.require();
        if (!user.hasAny(EnumSet.of(Role.DOCTOR, Role.PHARMACIST))) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
        Order order = changes.visible(id, user);
        if (order.type() != OrderType.MEDICATION) {
            throw new DomainException(OrderProblem.NOT_MEDICATION, "order.not-medication");
        }
        MedicationCheckResult check = gate.check(order);
        return changes.saved(order, check, user, "ORDER_REVALIDATE");
    }

    /**
     * A new order number: the day and six random base-36 characters (2.2 billion a day). Random so that numbers do not
     * tell how many orders a hospital places, but then two orders of one day share a number with a probability that
     * grows with the square of the day's orders (≈ 1 % at 6 500, 56 % at 60 000: seen in bench/order-create.sh as a
     * refused create), so a taken number is drawn again; the unique constraint stays the last word.
     */
    private String newNumber(Instant now) {
        String number = randomNumber(now);
        for (int attempt = 1; attempt < 10 && records.numberTaken(number); attempt++) {
            number = randomNumber(now);
        }
        return number;
    }

    private String randomNumber(Instant now) {
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36)
                .toUpperCase(Locale.ROOT);
        return "O-" + NUMBER_DAY.format(now.atZone(zone)) + "-" + "0".repeat(6 - suffix.length()) + suffix;
    }
}
