package org.cdss.medsafety;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Override analytics for administrators: per rule, times shown, times overridden, override rate, top reasons, and
 * the flag for rules overridden so often that they need review (issue 4). Three aggregation queries, whatever the
 * number of rules.
 */
@Service
public class OverrideStats {

    private static final java.util.regex.Pattern DRUGBANK = java.util.regex.Pattern.compile("DB\\d{5}");

    private final JdbcClient jdbc;
    private final org.cdss.medsafety.engine.SafetyEngine engine;

    OverrideStats(JdbcClient jdbc, org.cdss.medsafety.engine.SafetyEngine engine) {
        this.jdbc = jdbc;
        this.engine = engine;
    }

    /** The names of the drugs a rule id names by DrugBank id (an unknown id is left out). */
    private List<String> drugs(String ruleId) {
        List<String> names = new ArrayList<>(2);
        java.util.regex.Matcher m = DRUGBANK.matcher(ruleId);
        while (m.find()) {
            String name = engine.displayName(m.group());
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<OverrideStat> perRule() {
        record Shown(String ruleId, String type, String severity, long count) {}
        List<Shown> shown = jdbc.sql("""
                SELECT rule_id, MAX(alert_type), MAX(severity), COUNT(*) FROM medsafety_alert_event
                GROUP BY rule_id""")
                .query((rs, n) -> new Shown(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
        Map<String, Long> overridden = new HashMap<>();
        jdbc.sql("""
                SELECT rule_id, COUNT(*) FROM medsafety_alert_decision WHERE action = 'OVERRIDDEN'
                GROUP BY rule_id""").query(rs -> {
            overridden.put(rs.getString(1), rs.getLong(2));
        });
        Map<String, List<OverrideStat.ReasonCount>> reasons = new HashMap<>();
        jdbc.sql("""
                SELECT rule_id, reason_code, COUNT(*) FROM medsafety_alert_decision
                WHERE action = 'OVERRIDDEN' AND reason_code IS NOT NULL
                GROUP BY rule_id, reason_code""").query(rs -> {
            reasons.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(new OverrideStat.ReasonCount(rs.getString(2), rs.getLong(3)));
        });
        Comparator<OverrideStat.ReasonCount> byCount = Comparator.comparingLong(OverrideStat.ReasonCount::count)
                .reversed()
                .thenComparing(OverrideStat.ReasonCount::reasonCode);
        return shown.stream()
                .map(s -> {
                    long over = overridden.getOrDefault(s.ruleId(), 0L);
                    double rate = s.count() == 0 ? 0 : (double) over / s.count();
                    List<OverrideStat.ReasonCount> top = reasons.getOrDefault(s.ruleId(), List.of()).stream()
                            .sorted(byCount)
                            .limit(3)
                            .toList();
                    boolean flagged = s.count() >= OverrideStat.FLAG_MIN_SHOWN && rate > OverrideStat.FLAG_RATE;
                    return new OverrideStat(
                            s.ruleId(), s.type(), s.severity(), s.count(), over, rate, top, flagged, drugs(s.ruleId()));
                })
                .sorted(Comparator.comparingLong(OverrideStat::timesShown)
                        .reversed()
                        .thenComparing(OverrideStat::ruleId))
                .toList();
    }
}
