package org.cdss.records;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.cdss.shared.DomainException;
import org.cdss.shared.DomainException.FieldProblem;
import org.cdss.shared.PageView;
import org.cdss.shared.ProblemCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient's timeline: every {@link TimelineSource} bean's entries, merged newest first and paginated. Checks the
 * access once (chart readers or the patient themself, else 404) and writes one audit record per page read.
 */
@Service
public class Timeline {

    static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator.comparing(
                    TimelineEntry::occurredAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(e -> e.id().toString());

    /** Deep pages are not served: each source would have to read page × size rows. */
    static final int MAX_WINDOW = 5_000;

    private final List<TimelineSource> sources;
    private final RecordAccess access;

    Timeline(List<TimelineSource> sources, RecordAccess access) {
        this.sources = List.copyOf(sources);
        this.access = access;
    }

    /** Every entry type some source produces. */
    public Set<String> types() {
        Set<String> all = new TreeSet<>();
        sources.forEach(s -> all.addAll(s.types()));
        return all;
    }

    @Transactional(readOnly = true)
    public PageView<TimelineEntry> page(
            UUID patientId, Set<String> types, Instant from, Instant to, int page, int size) {
        List<FieldProblem> problems = new ArrayList<>();
        if (types != null && !types().containsAll(types)) {
            problems.add(new FieldProblem("/types", "validation.invalid-value"));
        }
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add(new FieldProblem("/to", "validation.invalid-value"));
        }
        if (page < 0 || ((long) page + 1) * size > MAX_WINDOW) { // in long: page + 1 must not wrap round
            problems.add(new FieldProblem("/page", "validation.invalid-value"));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(ProblemCode.VALIDATION, null, problems);
        }
        access.requireChartReader(patientId, "TIMELINE_READ", "Patient", patientId);
        TimelineQuery query = new TimelineQuery(patientId, types, from, to);
        int window = (page + 1) * size;
        List<TimelineEntry> merged = new ArrayList<>();
        long total = 0;
        for (TimelineSource source : sources) {
            if (source.types().stream().noneMatch(query::wants)) {
                continue;
            }
            merged.addAll(source.newest(query, window));
            total += source.count(query);
        }
        merged.sort(NEWEST_FIRST);
        int start = Math.min(page * size, merged.size());
        int end = Math.min(start + size, merged.size());
        return PageView.of(List.copyOf(merged.subList(start, end)), page, size, total);
    }
}
