package org.cdss.radiology;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.audit.AuditOutcome;
import org.cdss.orders.OrderDetailView;
import org.cdss.orders.OrderQueries;
import org.cdss.orders.OrderType;
import org.cdss.shared.DomainException;
import org.cdss.shared.PageView;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;
import org.cdss.shared.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reads of the RIS: the reading worklist, the reading screen of one order, reports by id, order or patient, and
 * the patient's own signed reports. Each is audited; what a caller sees follows {@link ReportAccess}.
 */
@Service
public class ReportQueries {

    private final ReportStore store;
    private final ReportViews views;
    private final OrderQueries orders;
    private final AuditLog audit;
    private final Clock clock;

    ReportQueries(ReportStore store, ReportViews views, OrderQueries orders, AuditLog audit, Clock clock) {
        this.store = store;
        this.views = views;
        this.orders = orders;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Acquired imaging studies of the caller's departments (or of one of them) awaiting their report, the most urgent
     * first, then the longest waiting. A signed report completes its order, so none of these has one.
     */
    @Transactional(readOnly = true)
    public PageView<WorklistItemView> worklist(UUID departmentId, int page, int size) {
        CdssPrincipal user = ReportAccess.radiologyStaff();
        Set<UUID> departments = user.departmentIds();
        if (departmentId != null) {
            if (!departments.contains(departmentId)) {
                throw new DomainException(ProblemCode.FORBIDDEN, "order.not-your-department");
            }
            departments = Set.of(departmentId);
        }
        PageView<OrderQueries.ImagingWorkItem> items = orders.acquiredImaging(departments, page, size);
        Map<UUID, ReportRow> reports =
                store.byOrders(items.content().stream().map(i -> i.order().id()).toList());
        Instant now = clock.instant();
        List<WorklistItemView> content = items.content().stream()
                .map(i -> {
                    var o = i.order();
                    ReportRow report = reports.get(o.id());
                    Instant acquired = o.startedAt() != null ? o.startedAt() : o.sentAt();
                    return new WorklistItemView(
                            o.id(),
                            o.orderNumber(),
                            o.patientId(),
                            o.patientName(),
                            o.patientMrn(),
                            o.summary(),
                            i.imaging() == null ? null : i.imaging().modality().name(),
                            i.indication(),
                            o.priority(),
                            o.orderedByName(),
                            acquired,
                            acquired == null
                                    ? 0
                                    : Math.max(
                                            0, Duration.between(acquired, now).toMinutes()),
                            o.overdue(),
                            report == null ? null : report.id(),
                            report == null ? null : report.status(),
                            report != null && report.critical());
                })
                .toList();
        audit.record(
                new AuditEvent("RIS_WORKLIST", "RadiologyReport", null, null, null, "results=" + content.size(), null));
        return new PageView<>(content, items.page());
    }

    /** The reading screen of one imaging order: its facts and its report so far (radiology staff). */
    @Transactional(readOnly = true)
    public ReadingView reading(UUID orderId) {
        CdssPrincipal user = ReportAccess.radiologyStaff();
        OrderDetailView order = orders.visibleOrder(orderId);
        if (order.order().type() != OrderType.IMAGING || order.imaging() == null) {
            throw new DomainException(RisProblem.ORDER_NOT_IMAGING);
        }
        if (!user.departmentIds().contains(order.order().targetDepartmentId())) {
            throw DomainException.notFound();
        }
        ReportViews.Staff staff = views.staff();
        ReportView report =
                store.findByOrder(orderId).map(r -> views.view(r, staff)).orElse(null);
        var o = order.order();
        audit.record(AuditEvent.success("RIS_READING_OPEN", "Order", orderId, o.patientId()));
        return new ReadingView(
                o.id(),
                o.orderNumber(),
                o.patientId(),
                o.summary(),
                order.imaging().modality().name(),
                order.imaging().bodyPart(),
                ReportCode.isBreast(
                        order.imaging().modality().name(), order.imaging().bodyPart()),
                order.indication(),
                o.priority(),
                o.status(),
                o.version(),
                o.orderedByName(),
                o.startedAt(),
                report);
    }

    /** One report the caller may read (404 otherwise), audited. */
    @Transactional(readOnly = true)
    public ReportView get(UUID id) {
        CdssPrincipal user = CurrentUser.require();
        ReportViews.Staff staff = views.staff();
        ReportRow row = readable(id, user, staff);
        audit.record(AuditEvent.success("RIS_REPORT_READ", "RadiologyReport", id, row.patientId()));
        return views.view(row, staff);
    }

    /**
     * The reports of one order or of one patient that the caller may read (exactly one filter); 403 for a role that
     * reads no reports list.
     */
    @Transactional(readOnly = true)
    public List<ReportView> list(UUID orderId, UUID patientId) {
        CdssPrincipal user = CurrentUser.require();
        if (!user.has(Role.ADMIN) && !user.hasAny(ReportAccess.RADIOLOGY) && !user.hasAny(ReportAccess.CARE)) {
            // the report list is for radiology, the care team and administrators (the endpoint's rule, here too so
            // that every caller of the module — the FHIR facade — gets the same 403); patients use mine()
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
        if ((orderId == null) == (patientId == null)) {
            throw new DomainException(ProblemCode.VALIDATION, "report.list-filter");
        }
        List<ReportRow> rows =
                orderId != null ? store.findByOrder(orderId).stream().toList() : store.forPatient(patientId, false);
        ReportViews.Staff staff = views.staff();
        List<ReportRow> visible =
                rows.stream().filter(r -> views.canRead(user, r, staff)).toList();
        UUID patient = patientId != null
                ? patientId
                : visible.isEmpty() ? null : visible.getFirst().patientId();
        audit.record(new AuditEvent(
                "RIS_REPORT_LIST", "RadiologyReport", null, patient, null, "results=" + visible.size(), null));
        return views.views(visible, staff);
    }

    /** The logged-in patient's own signed reports, newest first (the portal). */
    @Transactional(readOnly = true)
    public List<ReportView> mine() {
        CdssPrincipal user = CurrentUser.require();
        if (!user.has(Role.PATIENT) || user.patientId() == null) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
        List<ReportRow> rows = store.forPatient(user.patientId(), true);
        audit.record(new AuditEvent(
                "RIS_PORTAL_REPORTS", "RadiologyReport", null, user.patientId(), null, "results=" + rows.size(), null));
        return views.views(rows, views.staff());
    }

    /** A signed report the caller may read, for its PDF (a draft is 409: only signed reports are issued). */
    @Transactional(readOnly = true)
    public ReportView forPdf(UUID id) {
        CdssPrincipal user = CurrentUser.require();
        ReportViews.Staff staff = views.staff();
        ReportRow row = readable(id, user, staff);
        if (!row.signed()) {
            throw new DomainException(RisProblem.NOT_SIGNED);
        }
        audit.record(AuditEvent.success("RIS_REPORT_PDF", "RadiologyReport", id, row.patientId()));
        return views.view(row, staff);
    }

    private ReportRow readable(UUID id, CdssPrincipal user, ReportViews.Staff staff) {
        ReportRow row = store.find(id).orElseThrow(() -> new DomainException(RisProblem.NOT_FOUND));
        if (!views.canRead(user, row, staff)) {
            // an attempt on a report the caller may not read is recorded too (the answer stays 404)
            audit.record(AuditEvent.success("RIS_REPORT_READ", "RadiologyReport", id, row.patientId())
                    .withOutcome(AuditOutcome.DENIED));
            throw new DomainException(RisProblem.NOT_FOUND);
        }
        return row;
    }
}
