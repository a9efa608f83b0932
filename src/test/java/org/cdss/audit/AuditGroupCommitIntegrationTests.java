package org.cdss.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cdss.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ADR 0054 on the real database: many threads appending read rows at once (their commits shared) each find their row
 * committed — visible on another connection — as soon as {@code record} returns, and every row is there exactly once.
 */
@IntegrationTest
class AuditGroupCommitIntegrationTests {

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void concurrent_appends_are_each_committed_when_record_returns_and_written_once() throws Exception {
        int threads = 16;
        int rowsEach = 20;
        String run = UUID.randomUUID().toString().substring(0, 8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                String resource = run + "-" + t;
                results.add(pool.submit(() -> {
                    start.await();
                    int seenAtReturn = 0;
                    for (int i = 0; i < rowsEach; i++) {
                        audit.record(AuditEvent.success("TEST_GROUP_COMMIT", "Test", resource, null));
                        if (count(resource) == i + 1) {
                            seenAtReturn++;
                        }
                    }
                    return seenAtReturn;
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS))
                        .as("rows committed when record returned")
                        .isEqualTo(rowsEach);
            }
        }
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT id) FROM audit_event WHERE resource_id LIKE :r")
                        .param("r", run + "-%")
                        .query(Long.class)
                        .single())
                .isEqualTo((long) threads * rowsEach);
    }

    private long count(String resource) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE resource_id = :r")
                .param("r", resource)
                .query(Long.class)
                .single();
    }
}
