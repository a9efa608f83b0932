package org.cdss.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cdss.identity.IdentityQueries;
import org.cdss.patients.PatientDirectory;
import org.cdss.patients.PatientSummaryView;
import org.cdss.shared.DomainException;
import org.cdss.shared.security.CdssPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Orders as their callers see them: rows of {@link OrderRow#SELECT} become list views (with the patient's header and
 * the prescriber's name, each looked up once per request), one order becomes its detail (timeline, the child rows its
 * type can have, the revisions linked before and after it), each limited by {@link OrderAccess#visibility}. Nothing
 * here audits: {@link OrderQueries} audits the reads it answers, commands audit what they do.
 */
@Component
class OrderViews {

    private final JdbcClient jdbc;
    private final PatientDirectory patients;
    private final IdentityQueries identity;
    private final OrderRecords records;
    private final LabCatalogue catalogue;
    private final Clock clock;

    OrderViews(
            JdbcClient jdbc,
            PatientDirectory patients,
            IdentityQueries identity,
            OrderRecords records,
            LabCatalogue catalogue,
            Clock clock) {
        this.jdbc = jdbc;
        this.patients = patients;
        this.identity = identity;
        this.records = records;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** The order as its caller may see it (404 otherwise), without auditing: commands audit themselves. */
    OrderDetailView load(UUID id, CdssPrincipal user) {
        List<OrderRow> rows = jdbc.sql(OrderRow.SELECT + "WHERE o.id = :id")
                .param("id", id.toString())
                .query(OrderRow::from)
                .list();
        if (rows.isEmpty()
                || !OrderAccess.visibility(user)
                        .admits(
                                rows.getFirst().type(),
                                rows.getFirst().department(),
                                rows.getFirst().patientId(),
                                rows.getFirst().sentAt() != null)) {
            throw DomainException.notFound();
        }
        OrderRow r = rows.getFirst();
        Names names = new Names();
        OrderView view = views(List.of(r), names).getFirst();
        // only the child rows an order of this type can have: fewer statements on the hot path
        boolean medication = r.type() == OrderType.MEDICATION;
        boolean lab = r.type() == OrderType.LAB_TEST;
        boolean completed = r.status() == OrderStatus.COMPLETED;
        boolean awaitingResult = lab && (r.status() == OrderStatus.SENT || r.status() == OrderStatus.IN_PROGRESS);
        return new OrderDetailView(
                view,
                r.indication(),
                r.medication(),
                r.drugName(),
                r.labTest(),
                r.imaging(),
                r.tissueExam(),
                r.replaces() == null ? null : replaced(r.replaces(), user),
                r.status().isFinal() ? replacements(r, user) : List.of(),
                records.transitions(id, names::of),
                lab && completed ? records.labResults(id) : List.of(),
                medication && completed ? records.dispenses(id, names::of) : List.of(),
                medication ? records.overrides(id) : List.of(),
                !medication && !lab && completed ? records.resultText(id) : null,
                awaitingResult
                        ? List.copyOf(catalogue
                                .resultTests(r.labTest().testCode(), patients.sexOf(r.patientId()))
                                .values())
                        : List.of(),
                null);
    }

    /** The order a revision replaced, when the caller may see it. */
    private OrderDetailView.OrderLink replaced(UUID id, CdssPrincipal user) {
        return links("WHERE id = :id", Map.of("id", id.toString()), user).stream()
                .findFirst()
                .orElse(null);
    }

    /**
     * The revisions of an order, oldest first. Only a final order can have one (revising an open order cancels it),
     * so open orders skip this statement; the patient's index finds the few candidates.
     */
    private List<OrderDetailView.OrderLink> replacements(OrderRow order, CdssPrincipal user) {
        return links(
                "WHERE patient_id = :p AND replaces_order_id = :id ORDER BY created_at, id",
                Map.of("p", order.patientId().toString(), "id", order.id().toString()),
                user);
    }

    private List<OrderDetailView.OrderLink> links(String where, Map<String, Object> params, CdssPrincipal user) {
        record Link(OrderDetailView.OrderLink link, OrderType type, UUID department, UUID patient, boolean sent) {}
        OrderAccess.Visibility visibility = OrderAccess.visibility(user);
        return jdbc
                .sql("SELECT id, order_number, status, order_type, target_department_id, patient_id, sent_at "
                        + "FROM clinical_order " + where)
                .params(params)
                .query((rs, n) -> new Link(
                        new OrderDetailView.OrderLink(
                                OrderRecords.uuid(rs, "id"),
                                rs.getString("order_number"),
                                OrderStatus.valueOf(rs.getString("status"))),
                        OrderType.valueOf(rs.getString("order_type")),
                        OrderRecords.uuid(rs, "target_department_id"),
                        OrderRecords.uuid(rs, "patient_id"),
                        rs.getObject("sent_at") != null))
                .list()
                .stream()
                .filter(l -> visibility.admits(l.type(), l.department(), l.patient(), l.sent()))
                .map(Link::link)
                .toList();
    }

    /** List views of {@code rows}, in their order. */
    List<OrderView> of(List<OrderRow> rows) {
        return views(rows, new Names());
    }

    private List<OrderView> views(List<OrderRow> rows, Names names) {
        Set<UUID> patientIds = new HashSet<>();
        rows.forEach(r -> patientIds.add(r.patientId()));
        Map<UUID, PatientSummaryView> headers = patients.summaries(patientIds);
        Instant now = clock.instant();
        return rows.stream()
                .map(r -> {
                    PatientSummaryView p = headers.get(r.patientId());
                    return new OrderView(
                            r.id(),
                            r.number(),
                            r.patientId(),
                            p == null ? null : p.name(),
                            p == null ? null : p.mrn(),
                            r.type(),
                            r.priority(),
                            r.status(),
                            r.department(),
                            r.orderedBy(),
                            names.of(r.orderedBy()),
                            r.summary(),
                            r.item(),
                            r.dueAt(),
                            !r.status().isFinal() && r.dueAt().isBefore(now),
                            r.createdAt(),
                            r.sentAt(),
                            r.startedAt(),
                            r.completedAt(),
                            r.cancelledAt(),
                            r.cancelReason(),
                            r.cancelCause(),
                            r.replaces(),
                            r.checkComplete(),
                            r.checkBlocking(),
                            r.version(),
                            r.overrides() > 0,
                            r.messages(),
                            Order.prescriberMayCancel(r.type(), r.status()));
                })
                .toList();
    }

    /** Display names of staff, looked up once per request. */
    private final class Names {
        private final Map<UUID, String> cache = new HashMap<>();

        String of(UUID id) {
            return id == null
                    ? null
                    : cache.computeIfAbsent(id, u -> identity.staffName(u).orElse(null));
        }
    }
}
