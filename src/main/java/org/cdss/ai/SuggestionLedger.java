package org.cdss.ai;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cdss.shared.db.UtcTimestamps;
import org.cdss.shared.security.CdssPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The suggestion ledger ({@code ai_suggestion}, {@code ai_suggestion_decision}): append-only rows of every model
 * result and every decision on one. Only the latest decision and the share flag are copied onto the suggestion row,
 * for the dashboards.
 */
@Repository
class SuggestionLedger {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;

    SuggestionLedger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What is stored about the patient beside a result, for the statistics (sex code and age at the time). */
    record Subject(@Nullable UUID patientId, int sexCode, int age) {}

    UUID record(
            ModelRegistry.RegisteredModel model,
            String inputCanonical,
            LungRiskModel.Result result,
            Subject subject,
            @Nullable UUID jobId,
            @Nullable UUID byId,
            @Nullable String byName) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO ai_suggestion (id, model_id, model_version, model_sha256, input_sha256, input_json,
                    output_json, probability, band, patient_id, patient_sex, patient_age, job_id, created_at,
                    created_by, created_by_name, shared_with_patient)
                VALUES (:id, :model, :version, :sha, :inputSha, :input, :output, :p, :band, :patient, :sex, :age,
                    :job, :at, :by, :byName, FALSE)""")
                .param("id", id.toString())
                .param("model", model.id())
                .param("version", model.version())
                .param("sha", model.sha256())
                .param(
                        "inputSha",
                        ModelRegistry.sha256(inputCanonical.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .param("input", inputCanonical)
                .param(
                        "output",
                        JSON.writeValueAsString(Map.of(
                                "baselineLogOdds", result.baselineLogOdds(), "contributions", result.contributions())))
                .param("p", result.probability())
                .param("band", result.band())
                .param(
                        "patient",
                        subject.patientId() == null ? null : subject.patientId().toString())
                .param("sex", subject.sexCode() == LungRiskEncoding.SEX_MALE ? "MALE" : "FEMALE")
                .param("age", subject.age())
                .param("job", jobId == null ? null : jobId.toString())
                .param("at", UtcTimestamps.toColumn(clock.instant()))
                .param("by", byId == null ? null : byId.toString())
                .param("byName", byName)
                .update();
        return id;
    }

    Optional<SuggestionView> find(UUID id) {
        return jdbc.sql("SELECT * FROM ai_suggestion WHERE id = :id")
                .param("id", id.toString())
                .query((rs, n) -> view(rs))
                .optional()
                .map(v -> withDecisions(v));
    }

    /** A patient's suggestions, newest first, each with its decisions (read in one more statement for the page). */
    List<SuggestionView> forPatient(UUID patientId, int limit) {
        List<SuggestionView> page = jdbc.sql(
                        "SELECT * FROM ai_suggestion WHERE patient_id = :p ORDER BY created_at DESC, id LIMIT " + limit)
                .param("p", patientId.toString())
                .query((rs, n) -> view(rs))
                .list();
        if (page.isEmpty()) {
            return page;
        }
        Map<String, List<SuggestionView.AiDecisionView>> decisions = new java.util.HashMap<>();
        jdbc.sql("SELECT * FROM ai_suggestion_decision WHERE suggestion_id IN (:ids) ORDER BY decided_at, id")
                .param("ids", page.stream().map(v -> v.id().toString()).toList())
                .query((java.sql.ResultSet rs) -> {
                    decisions
                            .computeIfAbsent(rs.getString("suggestion_id"), k -> new ArrayList<>())
                            .add(decision(rs));
                });
        return page.stream()
                .map(v -> withDecisions(v, decisions.getOrDefault(v.id().toString(), List.of())))
                .toList();
    }

    void decide(UUID id, AiRequests.AiDecisionRequest decision, CdssPrincipal by) {
        // one decision at a time per suggestion: the row's latest decision and share flag follow the decision recorded
        // last (two at once could leave a rejected result shared with the patient)
        jdbc.sql("SELECT id FROM ai_suggestion WHERE id = :id FOR UPDATE")
                .param("id", id.toString())
                .query(String.class)
                .optional();
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO ai_suggestion_decision (id, suggestion_id, decided_at, user_id, username, decision, reason,
                    edited_band) VALUES (:id, :s, :at, :u, :name, :d, :reason, :band)""")
                .param("id", UUID.randomUUID().toString())
                .param("s", id.toString())
                .param("at", UtcTimestamps.toColumn(now))
                .param("u", by.userId().toString())
                .param("name", by.username())
                .param("d", decision.decision().name())
                .param("reason", decision.reason())
                .param("band", decision.editedBand())
                .update();
        // a rejected result is never shown to the patient (and a rejection withdraws an earlier share)
        boolean rejected = decision.decision() == AiRequests.AiDecisionKind.REJECTED;
        jdbc.sql("UPDATE ai_suggestion SET decision = :d, decided_at = :at"
                        + (rejected
                                ? ", shared_with_patient = FALSE"
                                : Boolean.TRUE.equals(decision.shareWithPatient())
                                        ? ", shared_with_patient = TRUE"
                                        : "")
                        + " WHERE id = :id")
                .param("d", decision.decision().name())
                .param("at", UtcTimestamps.toColumn(now))
                .param("id", id.toString())
                .update();
    }

    private SuggestionView withDecisions(SuggestionView v) {
        return withDecisions(
                v,
                jdbc.sql("SELECT * FROM ai_suggestion_decision WHERE suggestion_id = :s ORDER BY decided_at, id")
                        .param("s", v.id().toString())
                        .query((rs, n) -> decision(rs))
                        .list());
    }

    private static SuggestionView.AiDecisionView decision(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SuggestionView.AiDecisionView(
                UtcTimestamps.read(rs, "decided_at"),
                rs.getString("username"),
                rs.getString("decision"),
                rs.getString("reason"),
                rs.getString("edited_band"));
    }

    private static SuggestionView withDecisions(SuggestionView v, List<SuggestionView.AiDecisionView> decisions) {
        return new SuggestionView(
                v.id(),
                v.modelId(),
                v.modelVersion(),
                v.modelSha256(),
                v.inputSha256(),
                v.patientId(),
                v.createdAt(),
                v.createdBy(),
                v.probability(),
                v.band(),
                v.baselineLogOdds(),
                v.contributions(),
                v.decision(),
                v.decidedAt(),
                v.sharedWithPatient(),
                decisions);
    }

    private static SuggestionView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        Map<String, Object> output = JSON.readValue(rs.getString("output_json"), new TypeReference<>() {});
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> raw = (List<Map<String, Object>>) output.get("contributions");
        List<LungRiskModel.LungRiskContribution> contributions = raw.stream()
                .map(c -> new LungRiskModel.LungRiskContribution(
                        (String) c.get("input"),
                        ((Number) c.get("value")).doubleValue(),
                        ((Number) c.get("logOdds")).doubleValue()))
                .toList();
        String patient = rs.getString("patient_id");
        return new SuggestionView(
                UUID.fromString(rs.getString("id")),
                rs.getString("model_id"),
                rs.getString("model_version"),
                rs.getString("model_sha256"),
                rs.getString("input_sha256"),
                patient == null ? null : UUID.fromString(patient),
                UtcTimestamps.read(rs, "created_at"),
                rs.getString("created_by_name"),
                rs.getDouble("probability"),
                rs.getString("band"),
                ((Number) output.get("baselineLogOdds")).doubleValue(),
                contributions,
                rs.getString("decision"),
                UtcTimestamps.read(rs, "decided_at"),
                rs.getBoolean("shared_with_patient"),
                List.of());
    }
}
