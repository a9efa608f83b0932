package org.cdss.ai;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cdss.records.TimelineEntry;
import org.cdss.records.TimelineQuery;
import org.cdss.records.TimelineSource;
import org.cdss.shared.db.UtcTimestamps;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;
import org.cdss.shared.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The AI part of a patient's timeline (records' port): AI_SUGGESTION when a model ran for the patient (code = the risk
 * band, text = model, probability and the decision). The timeline checks chart access and audits; this source adds
 * the AI rule: doctors and nurses see every suggestion, a patient only those a clinician shared, other chart readers
 * none.
 */
@Component
class AiTimelineSource implements TimelineSource {

    private final JdbcClient jdbc;

    AiTimelineSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> types() {
        return Set.of("AI_SUGGESTION");
    }

    @Override
    public List<TimelineEntry> newest(TimelineQuery query, int limit) {
        String visible = visibility();
        if (!query.wants("AI_SUGGESTION") || visible == null) {
            return List.of();
        }
        return query.restrict(
                        jdbc,
                        "SELECT id, created_at, band, probability, model_id, model_version, decision, created_by_name"
                                + " FROM ai_suggestion",
                        "patient_id",
                        "created_at",
                        visible + " ORDER BY created_at DESC, id LIMIT " + limit)
                .query((rs, n) -> new TimelineEntry(
                        "AI_SUGGESTION",
                        UUID.fromString(rs.getString("id")),
                        null,
                        UtcTimestamps.read(rs, "created_at"),
                        rs.getString("band"),
                        rs.getString("model_id") + " " + rs.getString("model_version") + " · "
                                + Math.round(rs.getDouble("probability") * 100) + " %"
                                + (rs.getString("decision") == null ? "" : " · " + rs.getString("decision")),
                        rs.getString("created_by_name")))
                .list();
    }

    @Override
    public long count(TimelineQuery query) {
        String visible = visibility();
        if (!query.wants("AI_SUGGESTION") || visible == null) {
            return 0;
        }
        return query.restrict(jdbc, "SELECT COUNT(*) FROM ai_suggestion", "patient_id", "created_at", visible)
                .query(Long.class)
                .single();
    }

    /** The extra condition for the caller, or null when they see no suggestion at all. */
    private static String visibility() {
        CdssPrincipal user = CurrentUser.require();
        if (user.hasAny(LungRiskService.RUNNERS)) {
            return "";
        }
        if (user.has(Role.PATIENT)) {
            return " AND shared_with_patient = TRUE";
        }
        return null;
    }
}
