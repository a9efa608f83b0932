package org.cdss.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.identity.IdentityQueries;
import org.cdss.shared.DomainException;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;
import org.cdss.shared.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Departments' order sets (ADR 0038): created, changed and deleted by administrators, every write audited. */
@Service
class OrderSetAdministration {

    private final OrderTemplateStore store;
    private final OrderForms forms;
    private final IdentityQueries identity;
    private final AuditLog audit;
    private final Clock clock;

    OrderSetAdministration(
            OrderTemplateStore store, OrderForms forms, IdentityQueries identity, AuditLog audit, Clock clock) {
        this.store = store;
        this.forms = forms;
        this.identity = identity;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<OrderTemplateViews.OrderSet> all() {
        admin();
        return store.orderSets(null);
    }

    @Transactional
    public OrderTemplateViews.OrderSet create(OrderRequests.OrderSetForm form) {
        CdssPrincipal user = admin();
        List<OrderTemplateViews.OrderSetItem> items = check(form, null);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        store.insertSet(id, form.departmentId(), form.name().strip(), user.userId(), now);
        store.replaceItems(id, items);
        audit.record(new AuditEvent("ORDER_SET_CREATE", "OrderSet", id.toString(), null, null, detail(form), null));
        return store.orderSet(id).orElseThrow();
    }

    @Transactional
    public OrderTemplateViews.OrderSet update(UUID id, OrderRequests.OrderSetForm form) {
        CdssPrincipal user = admin();
        if (store.orderSet(id).isEmpty()) {
            throw new DomainException(ProblemCode.NOT_FOUND);
        }
        if (form.version() == null) {
            throw DomainException.field(ProblemCode.VALIDATION, "/version", "order.order-set-version-required");
        }
        List<OrderTemplateViews.OrderSetItem> items = check(form, id);
        if (!store.updateSet(
                id, form.version(), form.departmentId(), form.name().strip(), user.userId(), clock.instant())) {
            throw new DomainException(ProblemCode.STALE_VERSION);
        }
        store.replaceItems(id, items);
        audit.record(new AuditEvent("ORDER_SET_UPDATE", "OrderSet", id.toString(), null, null, detail(form), null));
        return store.orderSet(id).orElseThrow();
    }

    @Transactional
    public void delete(UUID id) {
        admin();
        if (!store.deleteSet(id)) {
            throw new DomainException(ProblemCode.NOT_FOUND);
        }
        audit.record(new AuditEvent("ORDER_SET_DELETE", "OrderSet", id.toString(), null, null, null, null));
    }

    private List<OrderTemplateViews.OrderSetItem> check(OrderRequests.OrderSetForm form, UUID exceptId) {
        boolean known = identity.departments().stream().anyMatch(d -> d.id().equals(form.departmentId()) && d.active());
        if (!known) {
            throw DomainException.field(
                    OrderProblem.UNKNOWN_REFERENCE, "/departmentId", "order.routing-unknown-department");
        }
        if (store.nameTaken(form.departmentId(), form.name().strip(), exceptId)) {
            throw DomainException.field(OrderProblem.ORDER_SET_NAME_TAKEN, "/name", "order.order-set-name-taken");
        }
        List<OrderTemplateViews.OrderSetItem> items = new ArrayList<>();
        for (int i = 0; i < form.items().size(); i++) {
            OrderRequests.OrderTemplate template = form.items().get(i);
            OrderForms.ItemName name = forms.validateTemplate(template, "/items/" + i);
            items.add(new OrderTemplateViews.OrderSetItem(name.en(), name.ko(), template));
        }
        return items;
    }

    private static String detail(OrderRequests.OrderSetForm form) {
        return "department=" + form.departmentId() + " items=" + form.items().size();
    }

    private static CdssPrincipal admin() {
        CdssPrincipal user = CurrentUser.require();
        if (!user.has(Role.ADMIN)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
        return user;
    }
}
