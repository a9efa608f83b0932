package org.cdss.orders;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cdss.identity.IdentityQueries;
import org.cdss.records.TimelineEntry;
import org.cdss.records.TimelineQuery;
import org.cdss.records.TimelineSource;
import org.cdss.shared.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The orders' part of a patient's timeline (records' port): ORDER when an order was placed (code = its status now)
 * and RESULT when a lab, imaging or tissue order was completed with a result (code = the worst lab flag, or RESULT).
 * The timeline checks that the caller may read the chart and audits; which orders appear in it is the orders' own
 * decision ({@link OrderAccess#visibility}), applied here as a predicate of every query: a pharmacist sees the sent
 * medication orders of their departments, a radiologist the imaging ones, the patient their own sent orders, the
 * care team all (drafts included).
 */
@Component
class OrderTimelineSource implements TimelineSource {

    private static final int FLAG_BATCH = 500;

    private final JdbcClient jdbc;
    private final IdentityQueries identity;

    OrderTimelineSource(JdbcClient jdbc, IdentityQueries identity) {
        this.jdbc = jdbc;
        this.identity = identity;
    }

    @Override
    public Set<String> types() {
        return Set.of("ORDER", "RESULT");
    }

    @Override
    public List<TimelineEntry> newest(TimelineQuery query, int limit) {
        List<TimelineEntry> entries = new ArrayList<>();
        Map<UUID, String> names = new HashMap<>();
        if (query.wants("ORDER")) {
            for (OrderRow r : rows(query, "o.created_at", "", limit)) {
                entries.add(new TimelineEntry(
                        "ORDER",
                        r.id(),
                        null,
                        r.createdAt(),
                        r.status().name(),
                        r.number() + " · " + r.summary(),
                        name(names, r.orderedBy())));
            }
        }
        if (query.wants("RESULT")) {
            List<OrderRow> results = rows(query, "o.completed_at", RESULT_CONDITION, limit);
            Map<UUID, List<LabFlag>> flags = labFlags(results);
            for (OrderRow r : results) {
                entries.add(new TimelineEntry(
                        "RESULT",
                        r.id(),
                        null,
                        r.completedAt(),
                        resultCode(r, flags.getOrDefault(r.id(), List.of())),
                        r.number() + " · " + r.summary(),
                        null));
            }
        }
        entries.sort(java.util.Comparator.comparing(TimelineEntry::occurredAt)
                .reversed()
                .thenComparing(TimelineEntry::id));
        return entries.size() > limit ? entries.subList(0, limit) : entries;
    }

    @Override
    public long count(TimelineQuery query) {
        long total = 0;
        if (query.wants("ORDER")) {
            total += count(query, "o.created_at", "");
        }
        if (query.wants("RESULT")) {
            total += count(query, "o.completed_at", RESULT_CONDITION);
        }
        return total;
    }

    private static final String RESULT_CONDITION = " AND o.status = 'COMPLETED' AND o.order_type <> 'MEDICATION'";

    private List<OrderRow> rows(TimelineQuery query, String at, String condition, int limit) {
        return spec(OrderRow.SELECT, query, at, condition + " ORDER BY " + at + " DESC, o.id LIMIT " + limit)
                .query(OrderRow::from)
                .list();
    }

    private long count(TimelineQuery query, String at, String condition) {
        return spec("SELECT COUNT(*) FROM clinical_order o ", query, at, condition)
                .query(Long.class)
                .single();
    }

    private JdbcClient.StatementSpec spec(String select, TimelineQuery query, String at, String tail) {
        Map<String, Object> params = new HashMap<>();
        String visible = OrderAccess.visibility(CurrentUser.require()).sql(params);
        return query.restrict(jdbc, select, "o.patient_id", at, visible + tail).params(params);
    }

    /** The worst flag of a lab order's values (CRITICAL, ABNORMAL, NORMAL), RESULT when one could not be flagged. */
    private static String resultCode(OrderRow r, List<LabFlag> flags) {
        if (r.type() != OrderType.LAB_TEST) {
            return "RESULT";
        }
        if (flags.stream().anyMatch(LabFlag::critical)) {
            return "CRITICAL";
        }
        if (flags.stream().anyMatch(LabFlag::abnormal)) {
            return "ABNORMAL";
        }
        // a value that could not be flagged (a text, a bound inside the range) is a result, not a normal one
        return flags.stream().anyMatch(f -> f == LabFlag.NOT_NUMERIC) ? "RESULT" : "NORMAL";
    }

    /**
     * The flags of the lab orders among these rows, in a statement per {@value #FLAG_BATCH} orders (one statement
     * per order made a page of a long chart thousands of statements).
     */
    private Map<UUID, List<LabFlag>> labFlags(List<OrderRow> rows) {
        List<String> labs = rows.stream()
                .filter(r -> r.type() == OrderType.LAB_TEST)
                .map(r -> r.id().toString())
                .toList();
        Map<UUID, List<LabFlag>> flags = new HashMap<>();
        for (int from = 0; from < labs.size(); from += FLAG_BATCH) {
            jdbc.sql("SELECT order_id, flag FROM lab_result WHERE order_id IN (:ids)")
                    .param("ids", labs.subList(from, Math.min(labs.size(), from + FLAG_BATCH)))
                    .query((rs, n) -> Map.entry(
                            UUID.fromString(rs.getString(1).trim()),
                            LabFlag.valueOf(rs.getString(2).trim())))
                    .list()
                    .forEach(e -> flags.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                            .add(e.getValue()));
        }
        return flags;
    }

    private String name(Map<UUID, String> names, UUID id) {
        return names.computeIfAbsent(id, u -> identity.staffName(u).orElse(null));
    }
}
