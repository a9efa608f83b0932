package org.cdss.ai;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.cdss.audit.AuditEvent;
import org.cdss.patients.PatientDirectory;
import org.cdss.shared.db.ColumnText;
import org.cdss.shared.db.DatabaseVendor;
import org.cdss.shared.db.UtcTimestamps;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the persisted jobs that {@link AiJobs} queues ({@code ai_job}, ADR 0022). This instance claims a QUEUED job
 * with a row lease (PostgreSQL and MariaDB: {@code SELECT … FOR UPDATE SKIP LOCKED}, so concurrent pollers skip each
 * other's rows; on every database the claim is a conditional {@code UPDATE … WHERE status = 'QUEUED'} that exactly one
 * instance wins), runs it on a bounded pool ({@code cdss.ai.job-workers}) and renews the lease at each chunk. A
 * checkpoint ({@code done} items) is written in the same transaction as each chunk's ledger rows, so a job re-queued
 * after its instance died goes on where it stopped and records nothing twice. A RUNNING job whose lease ran out is
 * re-queued, or FAILED with the reason after {@link #MAX_ATTEMPTS}. Progress is published as {@link AiJobProgressed}.
 */
@Component
class AiJobWorker {

    static final int MAX_ATTEMPTS = 3;
    static final int CHUNK = 50;
    static final Duration LEASE = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(AiJobWorker.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final DatabaseVendor vendor;
    private final ApplicationEventPublisher events;
    private final LungRiskService lungRisk;
    private final PatientDirectory patients;
    private final String instance = "cdss-" + UUID.randomUUID();
    private final ExecutorService pool;
    private final Semaphore slots;

    AiJobWorker(
            JdbcClient jdbc,
            TransactionTemplate tx,
            Clock clock,
            DatabaseVendor vendor,
            ApplicationEventPublisher events,
            LungRiskService lungRisk,
            PatientDirectory patients,
            @Value("${cdss.ai.job-workers:1}") int workers) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.vendor = vendor;
        this.events = events;
        this.lungRisk = lungRisk;
        this.patients = patients;
        this.slots = new Semaphore(Math.max(1, workers));
        this.pool = Executors.newFixedThreadPool(
                Math.max(1, workers),
                Thread.ofPlatform().name("ai-job-", 0).daemon().factory());
    }

    /** At start-up: jobs left RUNNING by a stopped instance are re-queued or failed (their lease has run out). */
    @EventListener(ApplicationReadyEvent.class)
    void recoverAtStartup() {
        try {
            recover();
        } catch (org.springframework.dao.DataAccessException e) {
            // CDSS starts with the database down (readiness DOWN); the poller recovers once it answers
            log.warn(
                    "ai jobs: recovery deferred, the database does not answer ({})",
                    e.getClass().getSimpleName());
        }
    }

    /** Claims queued jobs while a worker slot is free; re-queues jobs whose lease ran out. */
    @Scheduled(fixedDelayString = "${cdss.ai.job-poll:PT1S}")
    void poll() {
        try {
            recover();
        } catch (org.springframework.dao.DataAccessException e) {
            log.debug("ai jobs: database unavailable, polling later: {}", e.getMessage());
            return;
        }
        while (slots.tryAcquire()) {
            Optional<UUID> claimed;
            try {
                claimed = claim();
            } catch (RuntimeException e) {
                slots.release();
                log.warn("ai job claim failed: {}", e.getMessage());
                return;
            }
            if (claimed.isEmpty()) {
                slots.release();
                return;
            }
            UUID id = claimed.get();
            pool.execute(() -> {
                try {
                    run(id);
                } finally {
                    slots.release();
                }
            });
        }
    }

    /** Claims the oldest queued job for this instance, or nothing. Exactly one instance wins a given job. */
    Optional<UUID> claim() {
        return tx.execute(status -> {
            String lock = vendor == DatabaseVendor.H2 ? "" : " FOR UPDATE SKIP LOCKED";
            List<String> ids = jdbc.sql(
                            "SELECT id FROM ai_job WHERE status = 'QUEUED' ORDER BY created_at, id LIMIT 5" + lock)
                    .query(String.class)
                    .list();
            Instant now = clock.instant();
            for (String id : ids) {
                int won = jdbc.sql("""
                        UPDATE ai_job SET status = 'RUNNING', lease_owner = :me, lease_until = :until,
                            started_at = COALESCE(started_at, :now), attempts = attempts + 1
                        WHERE id = :id AND status = 'QUEUED'""")
                        .param("me", instance)
                        .param("until", UtcTimestamps.toColumn(now.plus(LEASE)))
                        .param("now", UtcTimestamps.toColumn(now))
                        .param("id", id)
                        .update();
                if (won == 1) {
                    return Optional.of(UUID.fromString(id));
                }
            }
            return Optional.<UUID>empty();
        });
    }

    /** Re-queues (or fails, after {@link #MAX_ATTEMPTS}) running jobs whose lease has run out. */
    int recover() {
        var now = UtcTimestamps.toColumn(clock.instant());
        int failed = jdbc.sql("""
                UPDATE ai_job SET status = 'FAILED', finished_at = :now, lease_owner = NULL,
                    error = 'interrupted: its instance stopped while running it, and it has been tried the maximum number of times'
                WHERE status = 'RUNNING' AND lease_until < :now AND attempts >= :max""").param("now", now).param("max", MAX_ATTEMPTS).update();
        int requeued =
                jdbc.sql("""
                UPDATE ai_job SET status = 'QUEUED', lease_owner = NULL, lease_until = NULL,
                    error = 'resumed: its instance stopped while running it'
                WHERE status = 'RUNNING' AND lease_until < :now AND attempts < :max""").param("now", now).param("max", MAX_ATTEMPTS).update();
        if (failed + requeued > 0) {
            log.warn("ai jobs with an expired lease: {} re-queued, {} failed", requeued, failed);
        }
        return failed + requeued;
    }

    /** Runs a claimed job chunk by chunk; each chunk commits its ledger rows with the checkpoint and the new lease. */
    void run(UUID id) {
        // read before the try, as the owner must be known to tell them of a failure; a database error here leaves
        // the job RUNNING until its lease runs out and recover() re-queues it
        Optional<JobStart> claimed = jdbc.sql("SELECT created_by, input_json, result_json FROM ai_job WHERE id = :id")
                .param("id", id.toString())
                .query((rs, n) -> new JobStart(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
        UUID owner = claimed.map(JobStart::owner).map(UUID::fromString).orElse(null);
        try {
            JobStart start = claimed.orElseThrow(() -> new EmptyResultDataAccessException(1));
            AiRequests.LungRiskBatch batch = JSON.readValue(start.input(), AiRequests.LungRiskBatch.class);
            Map<String, Object> result = start.checkpoint() == null
                    ? new LinkedHashMap<>()
                    : new LinkedHashMap<>(
                            JSON.readValue(start.checkpoint(), new TypeReference<Map<String, Object>>() {}));
            AuditEvent.Actor actor = submitter(owner, result);
            int done = ((Number) result.getOrDefault("done", 0)).intValue();
            int total = batch.items().size();
            while (done < total) {
                int from = done;
                int to = Math.min(total, from + CHUNK);
                Boolean going = tx.execute(s -> {
                    if (!stillMine(id)) {
                        return false;
                    }
                    List<AiRequests.LungRiskPredict> present = new ArrayList<>();
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> skipped =
                            (List<Map<String, Object>>) result.computeIfAbsent("skipped", k -> new ArrayList<>());
                    for (int i = from; i < to; i++) {
                        AiRequests.LungRiskPredict item = batch.items().get(i);
                        switch (patients.state(item.patientId())) {
                            case ACTIVE -> {
                                if (lungRisk.withinTrainingAges(item)) {
                                    present.add(item);
                                } else {
                                    skipped.add(Map.of("index", i, "reason", "age outside the model's training range"));
                                }
                            }
                            case UNKNOWN -> skipped.add(Map.of("index", i, "reason", "patient not found"));
                            // merged or closed (ADR 0058): nothing new is recorded on it
                            case INACTIVE -> skipped.add(Map.of("index", i, "reason", "patient record inactive"));
                        }
                    }
                    List<UUID> ids = present.isEmpty() ? List.of() : lungRisk.predictBatch(present, id, owner, actor);
                    result.put("done", to);
                    result.put("recorded", ((Number) result.getOrDefault("recorded", 0)).intValue() + ids.size());
                    // the checkpoint and the lease renewal hold only while the lease is still ours: if another
                    // instance took the job over (our lease ran out in a long pause), this chunk rolls back so
                    // that its suggestions are never recorded twice
                    int renewed = jdbc.sql("UPDATE ai_job SET progress = :p, result_json = :r, lease_until = :until"
                                    + " WHERE id = :id AND status = 'RUNNING' AND lease_owner = :me")
                            .param("p", (int) Math.floor(100.0 * to / total))
                            .param("r", JSON.writeValueAsString(result))
                            .param(
                                    "until",
                                    UtcTimestamps.toColumn(clock.instant().plus(LEASE)))
                            .param("id", id.toString())
                            .param("me", instance)
                            .update();
                    if (renewed != 1) {
                        s.setRollbackOnly();
                        return false;
                    }
                    return true;
                });
                if (!Boolean.TRUE.equals(going)) {
                    return;
                }
                done = to;
                events.publishEvent(new AiJobProgressed(id, owner, "RUNNING", (int) Math.floor(100.0 * to / total)));
            }
            jdbc.sql("UPDATE ai_job SET status = 'SUCCEEDED', progress = 100, finished_at = :at, lease_owner = NULL,"
                            + " error = NULL WHERE id = :id AND status = 'RUNNING' AND lease_owner = :me")
                    .param("at", UtcTimestamps.toColumn(clock.instant()))
                    .param("id", id.toString())
                    .param("me", instance)
                    .update();
            events.publishEvent(new AiJobProgressed(id, owner, "SUCCEEDED", 100));
        } catch (RuntimeException e) {
            log.warn("ai job {} failed: {}", id, e.toString());
            // only while the lease is ours: an instance that stalled past its lease must not fail the job another
            // instance has taken over and is running
            int failed = jdbc.sql(
                            "UPDATE ai_job SET status = 'FAILED', finished_at = :at, lease_owner = NULL, error = :e"
                                    + " WHERE id = :id AND status = 'RUNNING' AND lease_owner = :me")
                    .param("at", UtcTimestamps.toColumn(clock.instant()))
                    .param("e", ColumnText.fit(e.getClass().getSimpleName() + ": " + e.getMessage(), 1000))
                    .param("id", id.toString())
                    .param("me", instance)
                    .update();
            if (failed > 0) {
                events.publishEvent(new AiJobProgressed(id, owner, "FAILED", 0));
            }
        }
    }

    private static AuditEvent.Actor submitter(@Nullable UUID owner, Map<String, Object> result) {
        Object name = result.get("submittedBy");
        Object roles = result.get("submitterRoles");
        return new AuditEvent.Actor(
                owner, name == null ? "ai-job" : name.toString(), roles == null ? null : roles.toString());
    }

    private boolean stillMine(UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM ai_job WHERE id = :id AND status = 'RUNNING' AND lease_owner = :me")
                        .param("id", id.toString())
                        .param("me", instance)
                        .query(Long.class)
                        .single()
                == 1;
    }

    /** What a run starts from: who submitted the job, its input and its last checkpoint (null before the first). */
    private record JobStart(
            @Nullable String owner, String input, @Nullable String checkpoint) {}

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
