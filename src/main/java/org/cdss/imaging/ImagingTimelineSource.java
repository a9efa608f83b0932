package org.cdss.imaging;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cdss.records.TimelineEntry;
import org.cdss.records.TimelineQuery;
import org.cdss.records.TimelineSource;
import org.cdss.shared.db.UtcTimestamps;
import org.cdss.shared.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The imaging part of a patient's timeline (records' port): IMAGING when a study linked to the patient arrived (code
 * = its accession number or "STUDY", text = its description). The timeline checks chart access and audits; imaging
 * adds its own rule: only its viewers (and the patient) see studies, so a pharmacist reading the chart does not.
 */
@Component
class ImagingTimelineSource implements TimelineSource {

    private final JdbcClient jdbc;

    ImagingTimelineSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> types() {
        return Set.of("IMAGING");
    }

    @Override
    public List<TimelineEntry> newest(TimelineQuery query, int limit) {
        if (!query.wants("IMAGING") || !mayView()) {
            return List.of();
        }
        return query
                .restrict(
                        jdbc,
                        "SELECT id, received_at, accession_number, description FROM imaging_study",
                        "patient_id",
                        "received_at",
                        " AND link_status = 'LINKED' ORDER BY received_at DESC, id")
                .query((rs, n) -> new TimelineEntry(
                        "IMAGING",
                        UUID.fromString(rs.getString("id").trim()),
                        null,
                        UtcTimestamps.read(rs, "received_at"),
                        rs.getString("accession_number") == null ? "STUDY" : rs.getString("accession_number"),
                        rs.getString("description") == null ? "" : rs.getString("description"),
                        null))
                .list()
                .stream()
                .limit(limit)
                .toList();
    }

    @Override
    public long count(TimelineQuery query) {
        if (!query.wants("IMAGING") || !mayView()) {
            return 0;
        }
        return query.restrict(
                        jdbc,
                        "SELECT COUNT(*) FROM imaging_study",
                        "patient_id",
                        "received_at",
                        " AND link_status = 'LINKED'")
                .query(Long.class)
                .single();
    }

    private static boolean mayView() {
        var user = CurrentUser.require();
        return user.hasAny(ImagingAccess.VIEWERS) || user.has(org.cdss.shared.security.Role.PATIENT);
    }
}
