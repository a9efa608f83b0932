package org.cdss.ai;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.shared.DomainException;
import org.cdss.shared.db.UtcTimestamps;
import org.cdss.shared.security.CdssPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Persisted jobs ({@code ai_job}, ADR 0022): submitting a lung-risk batch (QUEUED), the caller's own jobs and
 * cancelling one (a running one stops before its next chunk). {@link AiJobWorker} claims and runs them. Only the
 * submitter sees a job; anyone else gets 404.
 */
@Service
public class AiJobs {

    static final String LUNG_RISK_BATCH = "LUNG_RISK_BATCH";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final LungRiskService lungRisk;
    private final AuditLog audit;
    private final int batchLimit;

    AiJobs(
            JdbcClient jdbc,
            Clock clock,
            ApplicationEventPublisher events,
            LungRiskService lungRisk,
            AuditLog audit,
            @Value("${cdss.ai.batch-limit:500}") int batchLimit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.lungRisk = lungRisk;
        this.audit = audit;
        this.batchLimit = batchLimit;
    }

    /** Queues a batch of lung-risk predictions; more than {@code cdss.ai.batch-limit} items is 413. */
    public AiJobView submitLungRiskBatch(AiRequests.LungRiskBatch batch) {
        CdssPrincipal user = LungRiskService.requireRunner();
        if (batch.items().size() > batchLimit) {
            throw new DomainException(AiProblem.BATCH_TOO_LARGE).with("limit", batchLimit);
        }
        lungRisk.available();
        UUID id = UUID.randomUUID();
        // who submitted, kept with the job: each prediction the job records is audited in their name
        Map<String, Object> start = new LinkedHashMap<>();
        start.put("submittedBy", user.username());
        start.put("submitterRoles", user.rolesText());
        jdbc.sql("""
                INSERT INTO ai_job (id, kind, status, progress, input_json, result_json, attempts, created_at, created_by)
                VALUES (:id, :kind, 'QUEUED', 0, :input, :result, 0, :at, :by)""")
                .param("id", id.toString())
                .param("kind", LUNG_RISK_BATCH)
                .param("input", JSON.writeValueAsString(batch))
                .param("result", JSON.writeValueAsString(start))
                .param("at", UtcTimestamps.toColumn(clock.instant()))
                .param("by", user.userId().toString())
                .update();
        audit.record(AuditEvent.success("AI_BATCH_SUBMIT", "AiJob", id, null)
                .withDetail("items=" + batch.items().size()));
        events.publishEvent(new AiJobProgressed(id, user.userId(), "QUEUED", 0));
        return find(id).orElseThrow();
    }

    /** The caller's own job. */
    public AiJobView job(UUID id) {
        CdssPrincipal user = LungRiskService.requireRunner();
        return find(id).filter(j -> user.userId().toString().equals(owner(id)))
                .orElseThrow(() -> new DomainException(AiProblem.JOB_NOT_FOUND));
    }

    /** The caller's jobs, newest first. */
    public List<AiJobView> mine() {
        CdssPrincipal user = LungRiskService.requireRunner();
        return jdbc.sql("SELECT * FROM ai_job WHERE created_by = :u ORDER BY created_at DESC, id LIMIT 50")
                .param("u", user.userId().toString())
                .query((rs, n) -> view(rs))
                .list();
    }

    /** Cancels a queued or running job of the caller (a running one stops before its next chunk). */
    public AiJobView cancel(UUID id) {
        CdssPrincipal user = LungRiskService.requireRunner();
        job(id);
        int n = jdbc.sql("UPDATE ai_job SET status = 'CANCELLED', finished_at = :at, lease_owner = NULL"
                        + " WHERE id = :id AND status IN ('QUEUED', 'RUNNING')")
                .param("at", UtcTimestamps.toColumn(clock.instant()))
                .param("id", id.toString())
                .update();
        if (n == 0) {
            throw new DomainException(AiProblem.JOB_FINISHED);
        }
        audit.record(AuditEvent.success("AI_JOB_CANCEL", "AiJob", id, null));
        events.publishEvent(new AiJobProgressed(
                id, user.userId(), "CANCELLED", find(id).orElseThrow().progress()));
        return find(id).orElseThrow();
    }

    private @Nullable String owner(UUID id) {
        return jdbc.sql("SELECT created_by FROM ai_job WHERE id = :id")
                .param("id", id.toString())
                .query(String.class)
                .optional()
                .orElse(null);
    }

    Optional<AiJobView> find(UUID id) {
        return jdbc.sql("SELECT * FROM ai_job WHERE id = :id")
                .param("id", id.toString())
                .query((rs, n) -> view(rs))
                .optional();
    }

    private static AiJobView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        String result = rs.getString("result_json");
        return new AiJobView(
                UUID.fromString(rs.getString("id")),
                rs.getString("kind"),
                rs.getString("status"),
                rs.getInt("progress"),
                rs.getInt("attempts"),
                UtcTimestamps.read(rs, "created_at"),
                UtcTimestamps.read(rs, "started_at"),
                UtcTimestamps.read(rs, "finished_at"),
                rs.getString("error"),
                result == null ? null : JSON.readValue(result, new TypeReference<Map<String, Object>>() {}));
    }
}
