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
                        // the band shown is the clinician's when they edited it (their latest decision), else the
                        // model's; the text carries no model id or decision code (the chart's AI section has those
                        // in words)
                        "SELECT id, created_at, probability, created_by_name, CASE WHEN decision = 'EDITED' THEN"
                                + " (SELECT MAX(d.edited_band) FROM ai_suggestion_decision d"
                                + " WHERE d.suggestion_id = ai_suggestion.id AND d.decided_at ="
                                + " (SELECT MAX(d2.decided_at) FROM ai_suggestion_decision d2"
                                + " WHERE d2.suggestion_id = ai_suggestion.id)) ELSE band END AS shown_band"
                                + " FROM ai_suggestion",
                        "patient_id",
                        "created_at",
                        visible + " ORDER BY created_at DESC, id LIMIT " + limit)
                .query((rs, n) -> new TimelineEntry(
                        "AI_SUGGESTION",
                        UUID.fromString(rs.getString("id")),
                        null,
                        UtcTimestamps.read(rs, "created_at"),
                        rs.getString("shown_band"),
                        Math.round(rs.getDouble("probability") * 100) + " %",
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
