package org.cdss.notifications;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Refetch hints of a change (an appointment, an order on a worklist), sent through the same {@link PushFanOut} as
 * notifications once the transaction has committed ({@link AfterCommit}), on a virtual thread so that a slow or absent
 * broker never holds the request. A hint that cannot be handed on is dropped with a warning: it carries nothing that is
 * not in the database, and the browser shows the truth on its next fetch. (Stored notifications, which must arrive,
 * go through the outbox instead: {@link NotificationPushRelay}.)
 */
@Component
class PushHints {

    private static final Logger log = LoggerFactory.getLogger(PushHints.class);

    private final PushFanOut fanOut;

    PushHints(PushFanOut fanOut) {
        this.fanOut = fanOut;
    }

    void afterCommit(Push push) {
        AfterCommit.run(() -> Thread.ofVirtual().name("push-hint").start(() -> {
            try {
                fanOut.send(List.of(push));
            } catch (RuntimeException e) {
                log.warn("dropped a {} push hint: {}", push.type(), e.getClass().getSimpleName());
            }
        }));
    }
}
