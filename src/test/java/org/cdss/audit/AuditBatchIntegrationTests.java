package org.cdss.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.cdss.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * ADR 0049: rows recorded while a batch is open are held until the batch is flushed or closed, then written together
 * exactly once; closing ends the batch even when the work inside failed, so the thread's next rows are written at once
 * again; rows of a read-write transaction are not held.
 */
@IntegrationTest
class AuditBatchIntegrationTests {

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void held_rows_are_written_together_on_flush_each_once() {
        String resource = UUID.randomUUID().toString();
        try (AuditLog.Batch batch = audit.openBatch()) {
            audit.record(AuditEvent.success("TEST_BATCH_A", "Test", resource, null));
            audit.record(AuditEvent.success("TEST_BATCH_B", "Test", resource, null));
            TransactionTemplate readOnly = new TransactionTemplate(transactions);
            readOnly.setReadOnly(true);
            readOnly.executeWithoutResult(
                    status -> audit.record(AuditEvent.success("TEST_BATCH_C", "Test", resource, null)));
            assertThat(count(resource)).isZero();
            audit.flushBatch();
            assertThat(count(resource)).isEqualTo(3);
            audit.record(AuditEvent.success("TEST_BATCH_D", "Test", resource, null));
            assertThat(count(resource)).isEqualTo(3);
        }
        // the close wrote the one left, and nothing twice
        assertThat(count(resource)).isEqualTo(4);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT action) FROM audit_event WHERE resource_id = :r")
                        .param("r", resource)
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
    }

    @Test
    void a_failure_inside_the_batch_still_writes_its_rows_and_ends_the_batch() {
        String resource = UUID.randomUUID().toString();
        assertThatThrownBy(() -> {
                    try (AuditLog.Batch batch = audit.openBatch()) {
                        audit.record(AuditEvent.success("TEST_BATCH_FAILED", "Test", resource, null)
                                .withOutcome(AuditOutcome.FAILURE));
                        throw new IllegalStateException("the request failed");
                    }
                })
                .isInstanceOf(IllegalStateException.class);
        assertThat(count(resource)).isEqualTo(1);

        // the next request on this thread has no batch: its row is written at once
        audit.record(AuditEvent.success("TEST_AFTER", "Test", resource, null));
        assertThat(count(resource)).isEqualTo(2);
    }

    @Test
    void an_inner_batch_writes_but_does_not_end_the_outer_one() {
        String resource = UUID.randomUUID().toString();
        try (AuditLog.Batch outer = audit.openBatch()) {
            try (AuditLog.Batch inner = audit.openBatch()) {
                audit.record(AuditEvent.success("TEST_INNER", "Test", resource, null));
            }
            assertThat(count(resource)).isEqualTo(1);
            audit.record(AuditEvent.success("TEST_OUTER", "Test", resource, null));
            assertThat(count(resource)).isEqualTo(1);
        }
        assertThat(count(resource)).isEqualTo(2);
    }

    @Test
    void a_row_of_a_read_write_transaction_is_not_held() {
        String resource = UUID.randomUUID().toString();
        try (AuditLog.Batch batch = audit.openBatch()) {
            new TransactionTemplate(transactions)
                    .executeWithoutResult(
                            status -> audit.record(AuditEvent.success("TEST_WRITE", "Test", resource, null)));
            // committed with its transaction, not held for the batch
            assertThat(count(resource)).isEqualTo(1);
        }
        assertThat(count(resource)).isEqualTo(1);
    }

    private long count(String resource) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE resource_id = :r")
                .param("r", resource)
                .query(Long.class)
                .single();
    }
}
