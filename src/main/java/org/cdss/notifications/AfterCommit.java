package org.cdss.notifications;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a live-push hint once the current transaction has committed (at once when there is none). Used instead of
 * {@code @TransactionalEventListener} for pushes on purpose: Spring Modulith's event publication registry records
 * every transactional listener and marks it processed in a transaction of its own while the request still holds its
 * connection, which exhausts the pool under load (measured with bench/ocs-load.sh: 5 s pool timeouts from 50 users
 * on). A refetch hint needs no outbox: what matters is stored, and stored notifications go through the registry.
 */
final class AfterCommit {

    private AfterCommit() {}

    static void run(Runnable push) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            push.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                push.run();
            }
        });
    }
}
