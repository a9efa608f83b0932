package org.cdss.notifications;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cdss.orders.OrderMessagePosted;
import org.cdss.orders.OrderResultRecorded;
import org.cdss.orders.OrderStatus;
import org.cdss.orders.OrderStatusChanged;
import org.cdss.radiology.ReportAddendumSigned;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns order events into persistent notifications: sent → the target department; completed, cancelled, result
 * recorded → the ordering doctor (critical results urgent). Runs after the order's commit, in its own transaction,
 * from the event publication registry: an event whose delivery was cut short (crash, restart) is delivered again, and
 * the dedupe key keeps it to one notification per recipient.
 */
@Component
class OrderNotifications {

    static final String SUBJECT_ORDER = "ORDER";

    private final NotificationInbox inbox;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    OrderNotifications(
            NotificationInbox inbox, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.inbox = inbox;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    // Like @ApplicationModuleListener (async, after commit, from the publication registry), but the transaction is
    // ours: a duplicate delivered at the same moment fails on the unique key, and the retry then finds the row.
    // The condition keeps transitions that tell no one (a created order, a started one) out of the publication
    // registry: no outbox row, no processing and completion commits for them (issue 16).
    @Async
    @TransactionalEventListener(condition = "T(org.cdss.notifications.OrderNotifications).tellsAnyone(#event)")
    void on(OrderStatusChanged event) {
        store(drafts(event));
    }

    /** Whether this transition notifies anyone: the same rule as {@link #drafts}, by construction. */
    public static boolean tellsAnyone(OrderStatusChanged event) {
        return !drafts(event).isEmpty();
    }

    @Async
    @TransactionalEventListener
    void on(OrderResultRecorded event) {
        NotificationKind kind = event.critical() ? NotificationKind.CRITICAL_RESULT : NotificationKind.RESULT_AVAILABLE;
        Map<String, String> params = params(event.orderNumber(), event.type().name(), null);
        params.put("abnormal", Boolean.toString(event.abnormal()));
        store(List.of(new NotificationDraft(
                key(event.orderId(), "RESULT@" + event.at().toEpochMilli(), "U" + event.orderedBy()),
                event.orderedBy(),
                null,
                kind,
                event.critical(),
                SUBJECT_ORDER,
                event.orderId(),
                event.orderNumber(),
                params,
                event.at())));
    }

    /**
     * An addendum appended to the signed radiology report of an order: its ordering doctor is told like of a result
     * (urgent, as a critical result, when the addendum reports a critical finding). One notification per addendum.
     */
    @Async
    @TransactionalEventListener
    void on(ReportAddendumSigned event) {
        store(List.of(draft(event)));
    }

    static NotificationDraft draft(ReportAddendumSigned e) {
        Map<String, String> params = params(e.orderNumber(), "IMAGING", null);
        params.put("addendum", "true");
        return new NotificationDraft(
                key(e.orderId(), "ADDENDUM@" + e.addendumId(), "U" + e.orderedBy()),
                e.orderedBy(),
                null,
                e.critical() ? NotificationKind.CRITICAL_RESULT : NotificationKind.RESULT_AVAILABLE,
                e.critical(),
                SUBJECT_ORDER,
                e.orderId(),
                e.orderNumber(),
                params,
                e.at());
    }

    /**
     * A message on an order's thread: a query goes to the prescriber (urgent: the order waits for the answer), an
     * answer to the department. One notification per message.
     */
    @Async
    @TransactionalEventListener
    void on(OrderMessagePosted event) {
        store(List.of(draft(event)));
    }

    static NotificationDraft draft(OrderMessagePosted e) {
        Map<String, String> params = params(e.orderNumber(), e.type().name(), null);
        String fact = "MESSAGE@" + e.messageId();
        return e.toPrescriber()
                ? new NotificationDraft(
                        key(e.orderId(), fact, "U" + e.orderedBy()),
                        e.orderedBy(),
                        null,
                        NotificationKind.ORDER_QUERY,
                        true,
                        SUBJECT_ORDER,
                        e.orderId(),
                        e.orderNumber(),
                        params,
                        e.at())
                : new NotificationDraft(
                        key(e.orderId(), fact, "D" + e.targetDepartmentId()),
                        null,
                        e.targetDepartmentId(),
                        NotificationKind.ORDER_QUERY_ANSWERED,
                        false,
                        SUBJECT_ORDER,
                        e.orderId(),
                        e.orderNumber(),
                        params,
                        e.at());
    }

    static List<NotificationDraft> drafts(OrderStatusChanged e) {
        Map<String, String> params =
                params(e.orderNumber(), e.type().name(), e.priority().name());
        boolean urgentOrder = e.priority() != null && e.priority().ordinal() <= 1; // EMERGENCY, STAT
        List<NotificationDraft> drafts = new ArrayList<>();
        switch (e.to()) {
            case SENT -> drafts.add(toDepartment(e, NotificationKind.ORDER_SENT, urgentOrder, params));
            case COMPLETED -> drafts.add(toDoctor(e, NotificationKind.ORDER_COMPLETED, false, params));
            case CANCELLED -> {
                // a cancelled emergency or STAT order is as urgent as it was: the lab stops a specimen run, the
                // prescriber whose order someone else cancelled learns it while the patient waits
                if (!e.orderedBy().equals(e.actorId())) {
                    drafts.add(toDoctor(e, NotificationKind.ORDER_CANCELLED, urgentOrder, params));
                }
                if (e.from() == OrderStatus.SENT || e.from() == OrderStatus.IN_PROGRESS) {
                    drafts.add(toDepartment(e, NotificationKind.ORDER_CANCELLED, urgentOrder, params));
                }
            }
            default -> {
                // PENDING (created) and IN_PROGRESS tell no one: the worklists show them
            }
        }
        return drafts;
    }

    private void store(List<NotificationDraft> drafts) {
        try {
            transaction.executeWithoutResult(s -> storeAndAnnounce(drafts));
        } catch (DuplicateKeyException deliveredTwiceAtOnce) {
            transaction.executeWithoutResult(s -> storeAndAnnounce(drafts));
        }
    }

    /** Stores the notifications and, in the same transaction, the event that pushes them after commit. */
    private void storeAndAnnounce(List<NotificationDraft> drafts) {
        List<NotificationsRecorded.Recorded> stored = inbox.record(drafts);
        if (!stored.isEmpty()) {
            events.publishEvent(new NotificationsRecorded(stored));
        }
    }

    private static NotificationDraft toDepartment(
            OrderStatusChanged e, NotificationKind kind, boolean urgent, Map<String, String> params) {
        return new NotificationDraft(
                key(e.orderId(), e.to().name(), "D" + e.targetDepartmentId()),
                null,
                e.targetDepartmentId(),
                kind,
                urgent,
                SUBJECT_ORDER,
                e.orderId(),
                e.orderNumber(),
                params,
                e.at());
    }

    private static NotificationDraft toDoctor(
            OrderStatusChanged e, NotificationKind kind, boolean urgent, Map<String, String> params) {
        return new NotificationDraft(
                key(e.orderId(), e.to().name(), "U" + e.orderedBy()),
                e.orderedBy(),
                null,
                kind,
                urgent,
                SUBJECT_ORDER,
                e.orderId(),
                e.orderNumber(),
                params,
                e.at());
    }

    /** Source fact + recipient: an order reaches each status once, a result is identified by its time. */
    private static String key(UUID orderId, String fact, String recipient) {
        return "order:" + orderId + ":" + fact + ":" + recipient;
    }

    private static Map<String, String> params(String orderNumber, String type, String priority) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("orderNumber", orderNumber);
        params.put("orderType", type);
        if (priority != null) {
            params.put("priority", priority);
        }
        return params;
    }
}
