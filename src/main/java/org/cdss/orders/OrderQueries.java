package org.cdss.orders;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
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
    private final OrderViews views;
    private final LabCatalogue catalogue;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    OrderQueries(
            JdbcClient jdbc, OrderViews views, LabCatalogue catalogue, AuditLog audit, Clock clock, HospitalZone zone) {
        this.jdbc = jdbc;
        this.views = views;
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
     * A department's open orders (sent or in progress), most urgent first, then by due time; with today's completed
     * ones, those after every open one. Department staff see
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
                // today's completed orders follow every open one: a completed STAT must not push open work off the page
                includeCompletedToday
                        ? "CASE WHEN o.status = 'COMPLETED' THEN 1 ELSE 0 END, o.priority_rank, o.due_at, o.id"
                        : "o.priority_rank, o.due_at, o.id",
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
        List<OrderView> listed = views.of(rows);
        List<ImagingWorkItem> items = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            items.add(new ImagingWorkItem(
                    listed.get(i), rows.get(i).indication(), rows.get(i).imaging()));
        }
        return PageView.of(items, pageNumber, pageSize, total);
    }

    /**
     * One order as the current user may see it (404 otherwise), without an audit row: for another module's command
     * or read that audits what it does with it (radiology's reports).
     */
    @Transactional(readOnly = true)
    public OrderDetailView visibleOrder(UUID id) {
        return views.load(id, org.cdss.shared.security.CurrentUser.require());
    }

    @Transactional(readOnly = true)
    public OrderDetailView detail(UUID id) {
        CdssPrincipal user = OrderAccess.reader();
        OrderDetailView view = views.load(id, user);
        audit.record(AuditEvent.success("ORDER_READ", "Order", id, view.order().patientId()));
        return view;
    }

    /** The lab catalogue for order entry. */
    @Transactional(readOnly = true)
    public List<LabTestView> labTests(String q) {
        OrderAccess.reader();
        return catalogue.search(q);
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
        List<OrderView> listed = views.of(rows);
        audit.record(new AuditEvent(auditAction, "Order", null, f.patientId(), null, "results=" + listed.size(), null));
        return PageView.of(listed, pageNumber, pageSize, total);
    }
}
