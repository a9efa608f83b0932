package org.cdss.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cdss.patients.PatientDirectory;
import org.cdss.shared.db.DatabaseVendor;
import org.cdss.shared.db.UtcTimestamps;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jobs on H2, PostgreSQL and MariaDB: a queued job is claimed by exactly one of two instances racing for it (row
 * lease: SKIP LOCKED where the database has it, a conditional update everywhere), and a job left RUNNING by a stopped
 * instance is re-queued and resumed from its checkpoint without recording anything twice, or failed with the reason
 * once it has been tried the maximum number of times.
 */
@IntegrationTest
class AiJobLeaseIntegrationTests {

    @Autowired
    AiJobs jobs;

    @Autowired
    AiJobWorker worker;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Clock clock;

    @Autowired
    DatabaseVendor vendor;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    LungRiskService lungRisk;

    @Autowired
    PatientDirectory patients;

    @Autowired
    TestUsers testUsers;

    static final JsonMapper JSON = JsonMapper.builder().build();

    String insert(String status, int attempts, String input, String resultJson, Duration leaseFromNow) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO ai_job (id, kind, status, progress, input_json, result_json, attempts, created_at,
                    lease_owner, lease_until) VALUES (:id, 'LUNG_RISK_BATCH', :s, 0, :in, :r, :a, :at, :owner, :until)""")
                .param("id", id)
                .param("s", status)
                .param("in", input)
                .param("r", resultJson)
                .param("a", attempts)
                .param("at", UtcTimestamps.toColumn(clock.instant()))
                .param("owner", leaseFromNow == null ? null : "stopped-instance")
                .param(
                        "until",
                        leaseFromNow == null
                                ? null
                                : UtcTimestamps.toColumn(clock.instant().plus(leaseFromNow)))
                .update();
        return id;
    }

    @Test
    void each_queued_job_is_claimed_by_exactly_one_of_two_racing_instances() throws Exception {
        AiJobWorker other = new AiJobWorker(jdbc, tx, clock, vendor, events, lungRisk, patients, 1);
        List<String> queued = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            queued.add(insert("QUEUED", 0, "{\"items\":[]}", null, null));
        }
        List<UUID> claimed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> racers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            AiJobWorker instance = t % 2 == 0 ? worker : other;
            racers.add(pool.submit(() -> {
                start.await();
                for (int k = 0; k < 12; k++) {
                    Optional<UUID> got = instance.claim();
                    got.ifPresent(claimed::add);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : racers) {
            f.get();
        }
        pool.shutdown();
        other.stop();
        assertThat(claimed).doesNotHaveDuplicates();
        for (String id : queued) {
            // claimed once: by a racer or by the application's own poller, never twice
            assertThat(jdbc.sql("SELECT attempts FROM ai_job WHERE id = :id")
                            .param("id", id)
                            .query(Integer.class)
                            .single())
                    .as("attempts of %s", id)
                    .isEqualTo(1);
        }
    }

    @Test
    void a_job_left_running_by_a_stopped_instance_is_resumed_from_its_checkpoint() {
        UUID patient = testUsers.patient("작업재개").id();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Map<String, Object> in = LungRiskApiIntegrationTests.inputs(40 + i % 30, i % 3 == 0);
            items.add(LungRiskApiIntegrationTests.predict(patient, in));
        }
        Map<String, Object> checkpoint = new LinkedHashMap<>();
        checkpoint.put("done", 50);
        checkpoint.put("recorded", 50);
        String id = insert(
                "RUNNING",
                1,
                JSON.writeValueAsString(Map.of("items", items)),
                JSON.writeValueAsString(checkpoint),
                Duration.ofMinutes(-1));
        // the application's own poller (every second) may recover it before this call does: what shows the
        // recovery is the job's second attempt resuming at its checkpoint, checked below, not who re-queued it
        worker.recover();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "SUCCEEDED"
                        .equals(jdbc.sql("SELECT status FROM ai_job WHERE id = :id")
                                .param("id", id)
                                .query(String.class)
                                .single()));
        var job = jobs.find(UUID.fromString(id)).orElseThrow();
        assertThat(job.attempts()).isEqualTo(2);
        assertThat(job.progress()).isEqualTo(100);
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) job.result();
        assertThat(result).containsEntry("recorded", 60).containsEntry("done", 60);
        // only the ten items after the checkpoint were recorded on resumption
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ai_suggestion WHERE job_id = :j")
                        .param("j", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(10L);
    }

    @Test
    void a_job_interrupted_too_often_is_failed_with_the_reason_never_lost() {
        String id = insert("RUNNING", AiJobWorker.MAX_ATTEMPTS, "{\"items\":[]}", null, Duration.ofMinutes(-1));
        worker.recover();
        var job = jobs.find(UUID.fromString(id)).orElseThrow();
        assertThat(job.status()).isEqualTo("FAILED");
        assertThat(job.error()).startsWith("interrupted");
        assertThat(job.finishedAt()).isNotNull();
    }

    /** An instance that stalled past its lease and then fails must not fail the job another instance now runs. */
    @Test
    void a_failure_of_an_instance_that_lost_the_lease_leaves_the_job_to_its_new_owner() {
        String id = insert("RUNNING", 2, "not a batch", null, Duration.ofMinutes(5)); // owned by "stopped-instance"
        try {
            worker.run(UUID.fromString(id)); // this instance does not hold the lease; reading the input fails
            var job = jobs.find(UUID.fromString(id)).orElseThrow();
            assertThat(job.status()).isEqualTo("RUNNING");
            assertThat(job.error()).isNull();
            assertThat(jdbc.sql("SELECT lease_owner FROM ai_job WHERE id = :id")
                            .param("id", id)
                            .query(String.class)
                            .single())
                    .isEqualTo("stopped-instance");
        } finally {
            jdbc.sql("DELETE FROM ai_job WHERE id = :id").param("id", id).update();
        }
    }

    @Test
    void a_queued_job_is_cancelled_once_and_a_finished_one_cannot_be() {
        var user = testUsers.staff(org.cdss.shared.security.Role.DOCTOR);
        var principal = new org.cdss.shared.security.CdssPrincipal(
                user.id(),
                user.username(),
                user.username(),
                java.util.Set.of(org.cdss.shared.security.Role.DOCTOR),
                java.util.Set.of(),
                null);
        String id = insert("SUCCEEDED", 1, "{\"items\":[]}", null, null);
        String queued = insert("RUNNING", 1, "{\"items\":[]}", null, Duration.ofMinutes(5));
        jdbc.sql("UPDATE ai_job SET created_by = :u WHERE id IN (:a, :b)")
                .param("u", user.id().toString())
                .param("a", id)
                .param("b", queued)
                .update();
        var auth = new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                principal, null, java.util.List.of());
        org.springframework.security.core.context.SecurityContextHolder.getContext()
                .setAuthentication(auth);
        try {
            assertThat(jobs.cancel(UUID.fromString(queued)).status()).isEqualTo("CANCELLED");
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'AI_JOB_CANCEL'"
                                            + " AND resource_id = :id AND user_id = :u")
                                    .param("id", queued)
                                    .param("u", user.id().toString())
                                    .query(Long.class)
                                    .single()
                            == 1L);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jobs.cancel(UUID.fromString(queued)))
                    .isInstanceOf(org.cdss.shared.DomainException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jobs.cancel(UUID.fromString(id)))
                    .isInstanceOf(org.cdss.shared.DomainException.class);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    @Test
    void a_running_job_whose_lease_is_still_valid_is_left_alone() {
        String id = insert("RUNNING", 1, "{\"items\":[]}", null, Duration.ofMinutes(5));
        worker.recover();
        assertThat(jobs.find(UUID.fromString(id)).orElseThrow().status()).isEqualTo("RUNNING");
        jdbc.sql("UPDATE ai_job SET status = 'CANCELLED' WHERE id = :id")
                .param("id", id)
                .update();
    }
}
