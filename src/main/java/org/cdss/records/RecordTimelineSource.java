package org.cdss.records;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cdss.identity.IdentityQueries;
import org.cdss.shared.db.UtcTimestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The medical record's own timeline entries: encounters, SOAP notes, vital signs and diagnoses. */
@Component
class RecordTimelineSource implements TimelineSource {

    /** One table's part of the timeline: its type, table and time column. */
    private record Part(String type, String table, String at) {}

    private static final List<Part> PARTS = List.of(
            new Part("ENCOUNTER", "encounter", "started_at"),
            new Part("NOTE", "clinical_note_current", "authored_at"),
            new Part("VITALS", "vital_signs", "measured_at"),
            new Part("DIAGNOSIS", "encounter_diagnosis", "recorded_at"));

    private final JdbcClient jdbc;
    private final IdentityQueries identity;

    RecordTimelineSource(JdbcClient jdbc, IdentityQueries identity) {
        this.jdbc = jdbc;
        this.identity = identity;
    }

    @Override
    public Set<String> types() {
        return Set.of("ENCOUNTER", "NOTE", "VITALS", "DIAGNOSIS");
    }

    @Override
    public List<TimelineEntry> newest(TimelineQuery query, int limit) {
        List<TimelineEntry> all = new ArrayList<>();
        for (Part part : PARTS) {
            if (query.wants(part.type())) {
                all.addAll(select(part, query, "*", " ORDER BY " + part.at() + " DESC, id LIMIT " + limit)
                        .query((rs, n) -> entry(part.type(), rs))
                        .list());
            }
        }
        all.sort(Timeline.NEWEST_FIRST);
        return all.size() > limit ? all.subList(0, limit) : all;
    }

    @Override
    public long count(TimelineQuery query) {
        long total = 0;
        for (Part part : PARTS) {
            if (query.wants(part.type())) {
                total += select(part, query, "COUNT(*)", "").query(Long.class).single();
            }
        }
        return total;
    }

    private JdbcClient.StatementSpec select(Part part, TimelineQuery query, String what, String tail) {
        return query.restrict(jdbc, "SELECT " + what + " FROM " + part.table(), "patient_id", part.at(), tail);
    }

    private TimelineEntry entry(String type, java.sql.ResultSet rs) throws java.sql.SQLException {
        UUID id = RecordQueries.uuid(rs, "id");
        return switch (type) {
            case "ENCOUNTER" ->
                new TimelineEntry(
                        type,
                        id,
                        id,
                        UtcTimestamps.read(rs, "started_at"),
                        rs.getString("status"),
                        rs.getString("void_reason"),
                        doctor(RecordQueries.uuid(rs, "doctor_id")));
            case "NOTE" ->
                new TimelineEntry(
                        type,
                        id,
                        RecordQueries.uuid(rs, "encounter_id"),
                        UtcTimestamps.read(rs, "authored_at"),
                        null,
                        firstOf(
                                rs.getString("assessment"),
                                rs.getString("plan"),
                                rs.getString("subjective"),
                                rs.getString("objective")),
                        rs.getString("authored_by_name"));
            case "VITALS" ->
                new TimelineEntry(
                        type,
                        id,
                        RecordQueries.uuid(rs, "encounter_id"),
                        UtcTimestamps.read(rs, "measured_at"),
                        null,
                        vitalsText(rs),
                        rs.getString("recorded_by_name"));
            default ->
                new TimelineEntry(
                        type,
                        id,
                        RecordQueries.uuid(rs, "encounter_id"),
                        UtcTimestamps.read(rs, "recorded_at"),
                        rs.getString("code"),
                        rs.getString("description"),
                        rs.getString("recorded_by_name"));
        };
    }

    private String doctor(UUID id) {
        return identity.staffName(id).orElse(null);
    }

    private static String firstOf(String... texts) {
        for (String t : texts) {
            if (t != null && !t.isBlank()) {
                return t.strip();
            }
        }
        return null;
    }

    /** Language-neutral clinical abbreviations (BP, HR, RR, T, SpO2, BMI), as on paper flowsheets. */
    private static String vitalsText(java.sql.ResultSet rs) throws java.sql.SQLException {
        List<String> parts = new ArrayList<>();
        Integer sys = RecordQueries.integer(rs, "systolic");
        Integer dia = RecordQueries.integer(rs, "diastolic");
        if (sys != null && dia != null) {
            parts.add("BP " + sys + "/" + dia);
        }
        add(parts, "HR ", RecordQueries.integer(rs, "heart_rate"), "");
        add(parts, "RR ", RecordQueries.integer(rs, "respiratory_rate"), "");
        add(parts, "T ", plain(rs.getBigDecimal("temperature_c")), "°C");
        add(parts, "SpO2 ", RecordQueries.integer(rs, "spo2"), "%");
        add(parts, "BMI ", plain(rs.getBigDecimal("bmi")), "");
        return String.join(" · ", parts);
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros().toPlainString();
    }

    private static void add(List<String> parts, String label, Object value, String unit) {
        if (value != null) {
            parts.add(label + value + unit);
        }
    }
}
