package org.cdss.orders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.identity.IdentityQueries;
import org.cdss.patients.PatientDirectory;
import org.cdss.patients.PatientSummaryView;
import org.cdss.shared.DomainException;
import org.cdss.shared.HospitalZone;
import org.cdss.shared.PageView;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.db.UtcTimestamps;
import org.cdss.shared.security.CdssPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the orders module for the UI and other modules: lists with filters, "my orders", department worklists
 * (priority, then due time), one order with its timeline ({@link OrderStatistics} has the counts). Each read that
 * shows patient data is audited; what a caller sees is limited by {@link OrderAccess}.
 */
@Service
public class OrderQueries {

    static final int MAX_PAGE_SIZE = 200;
    private final JdbcClient jdbc;
    private final PatientDirectory patients;
    private final IdentityQueries identity;
    private final OrderRecords records;
    private final LabCatalogue catalogue;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    OrderQueries(
            JdbcClient jdbc,
            PatientDirectory patients,
            IdentityQueries identity,
            OrderRecords records,
            LabCatalogue catalogue,
            AuditLog audit,
            Clock clock,
            HospitalZone zone) {
        this.jdbc = jdbc;
        this.patients = patients;
        this.identity = identity;
        this.records = records;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone.zoneId();
    }

    @Transactional(readOnly = true)
    public PageView<OrderView> list(OrderFilter filter, int page, int size) {
        CdssPrincipal user = OrderAccess.reader();
        return page(user, filter, null, "o.created_at DESC, o.id", page, size, "ORDER_LIST");
    }

    /** The calling doctor's own orders, newest first. */
    @Transactional(readOnly = true)
    public PageView<OrderView> mine(OrderFilter filter, int page, int size) {
        CdssPrincipal user = OrderAccess.doctor();
        return page(
                user, filter.orderedBy(user.userId()), null, "o.created_at DESC, o.id", page, size, "ORDER_LIST_MINE");
    }

    /**
     * A department's open orders (sent or in progress), most urgent first, then by due time. Department staff see
     * their own departments only; the care team and administrators may look at any department.
     */
    @Transactional(readOnly = true)
    public PageView<OrderView> worklist(UUID departmentId, boolean includeCompletedToday, int page, int size) {
        CdssPrincipal user = OrderAccess.reader();
        UUID department = departmentId;
        if (department == null) {
            department = user.departmentIds().stream()
                    .sorted()
                    .findFirst()
                    .orElseThrow(() -> new DomainException(ProblemCode.VALIDATION, "order.worklist-department"));
        }
        OrderAccess.Visibility visibility = OrderAccess.visibility(user);
        if (!visibility.everything() && !visibility.departments().contains(department)) {
            throw new DomainException(ProblemCode.FORBIDDEN, "order.not-your-department");
        }
        String statuses = includeCompletedToday
                ? "(o.status IN ('SENT','IN_PROGRESS') OR (o.status = 'COMPLETED' AND o.completed_at >= :today))"
                : "o.status IN ('SENT','IN_PROGRESS')";
        Map<String, Object> extra = new HashMap<>();
        extra.put(
                "today",
                UtcTimestamps.toColumn(java.time.LocalDate.now(clock.withZone(zone))
                        .atStartOfDay(zone)
                        .toInstant()));
        OrderFilter filter = new OrderFilter(null, null, null, department, null, null, null, null);
        return page(
                user,
                filter,
                new Clause(statuses, includeCompletedToday ? extra : Map.of()),
                "o.priority_rank, o.due_at, o.id",
                page,
                size,
                "ORDER_WORKLIST");
    }

    /** An acquired imaging order as the radiologists' reading worklist shows it: the order, its question, what to image. */
    public record ImagingWorkItem(OrderView order, String indication, OrderDetails.Imaging imaging) {}

    /**
     * Imaging orders acquired and awaiting their report (in progress) routed to one of {@code departments}, the most
     * urgent first, then the longest waiting since acquisition. For the radiology module's worklist, which decides who
     * may ask and audits; the orders' own visibility ({@link OrderAccess#visibility}) applies as well.
     */
    @Transactional(readOnly = true)
    public PageView<ImagingWorkItem> acquiredImaging(Set<UUID> departments, int page, int size) {
        CdssPrincipal user = org.cdss.shared.security.CurrentUser.require();
        int pageSize = Math.clamp(size, 1, MAX_PAGE_SIZE);
        int pageNumber = Math.max(0, page);
        if (departments.isEmpty()) {
            return PageView.of(List.of(), pageNumber, pageSize, 0);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("depts", departments.stream().map(UUID::toString).sorted().toList());
        String where = " WHERE o.order_type = 'IMAGING' AND o.status = 'IN_PROGRESS'"
                + " AND o.target_department_id IN (:depts)"
                + OrderAccess.visibility(user).sql(params);
        long total = jdbc.sql("SELECT COUNT(*) FROM clinical_order o" + where)
                .params(params)
                .query(Long.class)
                .single();
        Map<String, Object> pageParams = new HashMap<>(params);
        pageParams.put("limit", pageSize);
        pageParams.put("offset", (long) pageNumber * pageSize);
        List<OrderRow> rows = jdbc.sql(OrderRow.SELECT + where
                        + " ORDER BY o.priority_rank, o.started_at, o.id LIMIT :limit OFFSET :offset")
                .params(pageParams)
                .query(OrderRow::from)
                .list();
        List<OrderView> views = views(rows, new Names());
        List<ImagingWorkItem> items = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            items.add(new ImagingWorkItem(
                    views.get(i), rows.get(i).indication(), rows.get(i).imaging()));
        }
        return PageView.of(items, pageNumber, pageSize, total);
    }

    /**
     * One order as the current user may see it (404 otherwise), without an audit row: for another module's command
     * or read that audits what it does with it (radiology's reports).
     */
    @Transactional(readOnly = true)
    public OrderDetailView visibleOrder(UUID id) {
        return load(id, org.cdss.shared.security.CurrentUser.require());
    }

    @Transactional(readOnly = true)
    public OrderDetailView detail(UUID id) {
        CdssPrincipal user = OrderAccess.reader();
        OrderDetailView view = load(id, user);
        audit.record(AuditEvent.success("ORDER_READ", "Order", id, view.order().patientId()));
        return view;
    }

    /** The lab catalogue for order entry. */
    @Transactional(readOnly = true)
    public List<LabTestView> labTests(String q) {
        OrderAccess.reader();
        return catalogue.search(q);
    }

    // --- for OrderManagement ---

    /** Ingredients of the patient's other active medication orders (sent, in progress, or dispensed and running). */
    List<String> activeMedicationDrugIds(UUID patientId, UUID exceptOrderId) {
        return jdbc
                .sql("SELECT med_drug_id, status, completed_at, med_duration_days FROM clinical_order "
                        + "WHERE patient_id = :p AND order_type = 'MEDICATION' AND id <> :x "
                        + "AND status IN ('PENDING','SENT','IN_PROGRESS','COMPLETED')")
                .param("p", patientId.toString())
                .param("x", exceptOrderId == null ? "" : exceptOrderId.toString())
                .query((rs, n) -> {
                    String status = rs.getString("status");
                    if (!"COMPLETED".equals(status)) {
                        return status.equals("PENDING") ? null : rs.getString("med_drug_id");
                    }
                    Instant done = UtcTimestamps.read(rs, "completed_at");
                    int days = rs.getInt("med_duration_days");
                    return done.plus(Duration.ofDays(days)).isAfter(clock.instant())
                            ? rs.getString("med_drug_id")
                            : null;
                })
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
    }

    /** Other not-final medication orders of the same ingredient for the patient (duplicate-order rule). */
    List<String> openOrdersOfDrug(UUID patientId, String drugId, UUID exceptOrderId) {
        return jdbc.sql("SELECT order_number FROM clinical_order WHERE patient_id = :p AND order_type = 'MEDICATION' "
                        + "AND med_drug_id = :d AND id <> :x AND status IN ('PENDING','SENT','IN_PROGRESS')")
                .param("p", patientId.toString())
                .param("d", drugId)
                .param("x", exceptOrderId == null ? "" : exceptOrderId.toString())
                .query(String.class)
                .list();
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

    // --- internals ---

    private record Clause(String sql, Map<String, Object> params) {}

    private PageView<OrderView> page(
            CdssPrincipal user, OrderFilter f, Clause extra, String orderBy, int page, int size, String auditAction) {
        int pageSize = Math.clamp(size, 1, MAX_PAGE_SIZE);
        int pageNumber = Math.max(0, page);
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (f.type() != null) {
            where.append(" AND o.order_type = :type");
            params.put("type", f.type().name());
        }
        if (f.status() != null) {
            where.append(" AND o.status = :status");
            params.put("status", f.status().name());
        }
        if (f.priority() != null) {
            where.append(" AND o.priority = :priority");
            params.put("priority", f.priority().name());
        }
        if (f.departmentId() != null) {
            where.append(" AND o.target_department_id = :dept");
            params.put("dept", f.departmentId().toString());
        }
        if (f.patientId() != null) {
            where.append(" AND o.patient_id = :patient");
            params.put("patient", f.patientId().toString());
        }
        if (f.orderedBy() != null) {
            where.append(" AND o.ordered_by = :orderedBy");
            params.put("orderedBy", f.orderedBy().toString());
        }
        if (f.from() != null) {
            where.append(" AND o.created_at >= :from");
            params.put("from", UtcTimestamps.toColumn(f.from()));
        }
        if (f.to() != null) {
            where.append(" AND o.created_at < :to");
            params.put("to", UtcTimestamps.toColumn(f.to()));
        }
        if (extra != null) {
            where.append(" AND ").append(extra.sql());
            params.putAll(extra.params());
        }
        where.append(OrderAccess.visibility(user).sql(params));
        long total = jdbc.sql("SELECT COUNT(*) FROM clinical_order o" + where)
                .params(params)
                .query(Long.class)
                .single();
        Map<String, Object> pageParams = new HashMap<>(params);
        pageParams.put("limit", pageSize);
        pageParams.put("offset", (long) pageNumber * pageSize);
        List<OrderRow> rows = jdbc.sql(
                        OrderRow.SELECT + where + " ORDER BY " + orderBy + " LIMIT :limit OFFSET :offset")
                .params(pageParams)
                .query(OrderRow::from)
                .list();
        List<OrderView> views = views(rows, new Names());
        audit.record(new AuditEvent(auditAction, "Order", null, f.patientId(), null, "results=" + views.size(), null));
        return PageView.of(views, pageNumber, pageSize, total);
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
