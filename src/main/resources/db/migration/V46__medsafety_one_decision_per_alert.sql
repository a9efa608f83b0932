-- One decision per shown alert (ADR 0059): two decisions on one alert sent at the same moment (two tabs, a double
-- click) both passed the "already decided?" read and both landed, and override statistics and the audit counted the
-- alert twice. The first decision of each (check, rule) is kept, later copies go, then the unique key decides every
-- later race. The derived table lets MariaDB delete from the table its subquery reads.
DELETE FROM medsafety_alert_decision
WHERE id IN (
    SELECT id FROM (
        SELECT later.id
        FROM medsafety_alert_decision later
        WHERE EXISTS (
            SELECT 1 FROM medsafety_alert_decision earlier
            WHERE earlier.check_id = later.check_id
              AND earlier.rule_id = later.rule_id
              AND (earlier.decided_at < later.decided_at
                   OR (earlier.decided_at = later.decided_at AND earlier.id < later.id)))
    ) duplicate_decision
);
CREATE UNIQUE INDEX ux_medsafety_alert_decision_alert ON medsafety_alert_decision (check_id, rule_id);
