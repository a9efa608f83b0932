package org.cdss.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.cdss.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 16 (ADR 0043): in a read-write transaction the audit row is written in that transaction (one commit with the
 * change it records); when the transaction rolls back, the row is still recorded exactly once (a refused attempt stays
 * on the trail); in a read-only transaction it is written at once, as before.
 */
@IntegrationTest
class AuditInTransactionIntegrationTests {

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void a_row_recorded_in_a_committed_transaction_commits_with_it() {
        String resource = UUID.randomUUID().toString();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            audit.record(AuditEvent.success("TEST_WRITE", "Test", resource, null));
            // visible to the transaction, not yet to anyone else: it was written on the transaction's connection
            assertThat(count(resource)).isEqualTo(1);
            TransactionTemplate other = new TransactionTemplate(transactions);
            other.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
            Long seenByOthers = other.execute(s -> count(resource));
            assertThat(seenByOthers).isZero();
        });
        assertThat(count(resource)).isEqualTo(1);
    }

    @Test
    void a_row_recorded_in_a_transaction_that_rolls_back_is_still_recorded_once() {
        String resource = UUID.randomUUID().toString();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            audit.record(AuditEvent.success("TEST_REFUSED", "Test", resource, null));
            status.setRollbackOnly();
        });
        assertThat(count(resource)).isEqualTo(1);
    }

    @Test
    void a_row_recorded_in_a_read_only_transaction_is_written_at_once() {
        String resource = UUID.randomUUID().toString();
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(status -> audit.record(AuditEvent.success("TEST_READ", "Test", resource, null)));
        assertThat(count(resource)).isEqualTo(1);
    }

    private long count(String resource) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE resource_id = :r")
                .param("r", resource)
                .query(Long.class)
                .single();
    }
}
