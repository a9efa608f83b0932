package org.cdss.medsafety;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cdss.shared.DomainException;
import org.cdss.shared.db.RowIds;
import org.cdss.shared.db.UtcTimestamps;
import org.cdss.shared.security.CdssPrincipal;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The alert log: the alerts a check showed (one row per rule and check, with the strictest tier of that rule's
 * alerts) and the decisions taken on them. Append only, {@link JdbcClient}; the read side is {@link OverrideStats}.
 */
@Component
class AlertLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AlertLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A rule's alert as shown in one check. */
    record Shown(String ruleId, AlertType type, Severity severity, AlertTier tier, String kbVersion, UUID patientId) {}

    /** A shown rule found by its event id (a CDS Hooks card uuid), with the check it belongs to. */
    record ShownEvent(UUID checkId, Shown shown) {}

    /** Records the rules a check showed; returns the event id of each rule (CDS Hooks uses them as card uuids). */
    Map<String, UUID> recordShown(UUID checkId, CdssPrincipal user, UUID patientId, List<SafetyAlert> alerts) {
        Map<String, SafetyAlert> strictest = new LinkedHashMap<>();
        for (SafetyAlert alert : alerts) { // alerts come most severe first: the first of a rule is its strictest
            strictest.putIfAbsent(alert.ruleId(), alert);
        }
        LocalDateTime now = now();
        Map<String, UUID> ids = new LinkedHashMap<>();
        for (SafetyAlert alert : strictest.values()) {
            UUID id = RowIds.next();
            ids.put(alert.ruleId(), id);
            jdbc.sql("""
                    INSERT INTO medsafety_alert_event (id, check_id, shown_at, user_id, username, patient_id,
                        rule_id, alert_type, severity, tier, kb_version)
                    VALUES (:id, :checkId, :at, :userId, :username, :patientId, :ruleId, :type, :severity, :tier,
                        :kb)""")
                    .param("id", id.toString())
                    .param("checkId", checkId.toString())
                    .param("at", now)
                    .param("userId", user.userId().toString())
                    .param("username", user.username())
                    .param("patientId", patientId == null ? null : patientId.toString())
                    .param("ruleId", alert.ruleId())
                    .param("type", alert.type().name())
                    .param("severity", alert.severity().name())
                    .param("tier", alert.tier().name())
                    .param("kb", alert.kbVersion())
                    .update();
        }
        return ids;
    }

    /** The shown rule with this event id, when it was shown to this user. */
    Optional<ShownEvent> shownEvent(UUID eventId, CdssPrincipal user) {
        return jdbc.sql("""
                SELECT check_id, rule_id, alert_type, severity, tier, kb_version, patient_id FROM medsafety_alert_event
                WHERE id = :id AND user_id = :userId""")
                .param("id", eventId.toString())
                .param("userId", user.userId().toString())
                .query((rs, n) -> new ShownEvent(
                        UUID.fromString(rs.getString(1)),
                        new Shown(
                                rs.getString(2),
                                AlertType.valueOf(rs.getString(3)),
                                Severity.valueOf(rs.getString(4)),
                                AlertTier.valueOf(rs.getString(5)),
                                rs.getString(6),
                                Optional.ofNullable(rs.getString(7))
                                        .map(UUID::fromString)
                                        .orElse(null))))
                .optional();
    }

    /** The rules a check of this user showed, by rule id; empty when the check is unknown or someone else's. */
    Map<String, Shown> shown(UUID checkId, CdssPrincipal user) {
        Map<String, Shown> out = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT rule_id, alert_type, severity, tier, kb_version, patient_id FROM medsafety_alert_event
                WHERE check_id = :checkId AND user_id = :userId""")
                .param("checkId", checkId.toString())
                .param("userId", user.userId().toString())
                .query((rs, n) -> new Shown(
                        rs.getString(1),
                        AlertType.valueOf(rs.getString(2)),
                        Severity.valueOf(rs.getString(3)),
                        AlertTier.valueOf(rs.getString(4)),
                        rs.getString(5),
                        Optional.ofNullable(rs.getString(6))
                                .map(UUID::fromString)
                                .orElse(null)))
                .list()
                .forEach(s -> out.put(s.ruleId(), s));
        return out;
    }

    boolean decided(UUID checkId, String ruleId) {
        return jdbc.sql("SELECT COUNT(*) FROM medsafety_alert_decision WHERE check_id = :checkId AND rule_id = :ruleId")
                        .param("checkId", checkId.toString())
                        .param("ruleId", ruleId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Appends a decision. The unique key on (check, rule) settles two decisions on one alert sent at the same moment
     * (both passed {@link #decided}): the later insert is refused, and so is its whole request.
     */
    void recordDecision(UUID checkId, CdssPrincipal user, Shown shown, AlertDecisionRequest.Decision decision) {
        try {
            insertDecision(checkId, user, shown, decision);
        } catch (DuplicateKeyException | ConcurrencyFailureException taken) {
            // a unique-key conflict, or (H2, MariaDB) the wait on the other request's uncommitted row given up
            throw new DomainException(MedsafetyProblem.DECISION_ALREADY_DECIDED);
        }
    }

    private void insertDecision(UUID checkId, CdssPrincipal user, Shown shown, AlertDecisionRequest.Decision decision) {
        jdbc.sql("""
                INSERT INTO medsafety_alert_decision (id, check_id, decided_at, user_id, username, patient_id,
                    rule_id, tier, action, reason_code, comment, kb_version)
                VALUES (:id, :checkId, :at, :userId, :username, :patientId, :ruleId, :tier, :action, :reason,
                    :comment, :kb)""")
                .param("id", RowIds.next().toString())
                .param("checkId", checkId.toString())
                .param("at", now())
                .param("userId", user.userId().toString())
                .param("username", user.username())
                .param(
                        "patientId",
                        shown.patientId() == null ? null : shown.patientId().toString())
                .param("ruleId", shown.ruleId())
                .param("tier", shown.tier().name())
                .param("action", decision.action().name())
                .param(
                        "reason",
                        decision.reasonCode() == null
                                ? null
                                : decision.reasonCode().name())
                .param(
                        "comment",
                        decision.comment() == null || decision.comment().isBlank()
                                ? null
                                : decision.comment().strip())
                .param("kb", shown.kbVersion())
                .update();
    }

    private LocalDateTime now() {
        return UtcTimestamps.toColumn(clock.instant());
    }
}
