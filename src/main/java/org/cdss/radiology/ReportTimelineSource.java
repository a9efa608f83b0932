package org.cdss.radiology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cdss.records.TimelineEntry;
import org.cdss.records.TimelineQuery;
import org.cdss.records.TimelineSource;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Radiology's part of a patient's timeline (records' port): RADIOLOGY_REPORT when a report was signed (code CRITICAL
 * or FINAL, text = procedure and impression, actor = the signing radiologist) and RADIOLOGY_ADDENDUM when an addendum
 * was appended (same codes). Signed reports only; the timeline checks chart access and audits, and this source keeps
 * to the reports' own rule ({@link ReportAccess}). A patient has few reports: they are read and filtered in memory.
 */
@Component
class ReportTimelineSource implements TimelineSource {

    static final String REPORT = "RADIOLOGY_REPORT";
    static final String ADDENDUM = "RADIOLOGY_ADDENDUM";

    private final ReportStore store;
    private final ReportViews views;

    ReportTimelineSource(ReportStore store, ReportViews views) {
        this.store = store;
        this.views = views;
    }

    @Override
    public Set<String> types() {
        return Set.of(REPORT, ADDENDUM);
    }

    @Override
    public List<TimelineEntry> newest(TimelineQuery query, int limit) {
        List<TimelineEntry> entries = entries(query);
        return entries.size() > limit ? entries.subList(0, limit) : entries;
    }

    @Override
    public long count(TimelineQuery query) {
        return entries(query).size();
    }

    private List<TimelineEntry> entries(TimelineQuery query) {
        if (!query.wants(REPORT) && !query.wants(ADDENDUM)) {
            return List.of();
        }
        CdssPrincipal user = CurrentUser.require();
        ReportViews.Staff staff = views.staff();
        Map<UUID, ReportRow> visible = store.forPatient(query.patientId(), true).stream()
                .filter(r -> views.canRead(user, r, staff))
                .collect(Collectors.toMap(ReportRow::id, Function.identity()));
        List<TimelineEntry> entries = new ArrayList<>();
        if (query.wants(REPORT)) {
            visible.values().stream()
                    .filter(r -> within(query, r.signedAt()))
                    .forEach(r -> entries.add(new TimelineEntry(
                            REPORT,
                            r.id(),
                            null,
                            r.signedAt(),
                            r.critical() ? "CRITICAL" : "FINAL",
                            r.orderNumber() + " · " + r.procedure() + " · " + r.impression(),
                            r.signedByName())));
        }
        if (query.wants(ADDENDUM)) {
            for (ReportStore.AddendumRow a : store.addendaOfPatient(query.patientId(), query.from(), query.to())) {
                ReportRow report = visible.get(a.reportId());
                if (report != null) {
                    entries.add(new TimelineEntry(
                            ADDENDUM,
                            a.reportId(),
                            null,
                            a.signedAt(),
                            a.critical() ? "CRITICAL" : "FINAL",
                            report.orderNumber() + " · " + a.body(),
                            a.signedByName()));
                }
            }
        }
        entries.sort(Comparator.comparing(TimelineEntry::occurredAt).reversed().thenComparing(TimelineEntry::id));
        return entries;
    }

    private static boolean within(TimelineQuery query, java.time.Instant at) {
        return at != null
                && (query.from() == null || !at.isBefore(query.from()))
                && (query.to() == null || at.isBefore(query.to()));
    }
}
