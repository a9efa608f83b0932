package org.cdss.orders;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.shared.DomainException;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;
import org.cdss.shared.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A doctor's own favourite orders (ADR 0038), and the order sets of the doctor's departments: templates the order
 * basket adds to its drafts. No patient data; writes are audited like the other template writes.
 */
@Service
class OrderFavourites {

    /** Enough for a clinic's usual orders; a longer list is no longer a quick pick. */
    static final int MAX_FAVOURITES = 100;

    private final OrderTemplateStore store;
    private final OrderForms forms;
    private final AuditLog audit;
    private final Clock clock;

    OrderFavourites(OrderTemplateStore store, OrderForms forms, AuditLog audit, Clock clock) {
        this.store = store;
        this.forms = forms;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<OrderTemplateViews.Favourite> mine() {
        return store.favourites(doctor().userId());
    }

    @Transactional
    public OrderTemplateViews.Favourite add(OrderRequests.OrderTemplate template) {
        CdssPrincipal user = doctor();
        OrderForms.ItemName itemName = forms.validateTemplate(template, "");
        if (store.countFavourites(user.userId()) >= MAX_FAVOURITES) {
            throw new DomainException(OrderProblem.FAVOURITES_FULL, "order.favourites-full");
        }
        UUID id = UUID.randomUUID();
        store.addFavourite(id, user.userId(), itemName, template, clock.instant());
        audit.record(new AuditEvent(
                "ORDER_FAVOURITE_ADD",
                "OrderFavourite",
                id.toString(),
                null,
                null,
                template.type().name(),
                null));
        return store.favourites(user.userId()).stream()
                .filter(f -> f.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** Renames one of the doctor's own favourites (a blank name goes back to the product's); 404 for anyone else's. */
    @Transactional
    public OrderTemplateViews.Favourite rename(UUID id, String label) {
        CdssPrincipal user = doctor();
        String name = label == null || label.isBlank() ? null : label.strip();
        if (!store.labelFavourite(id, user.userId(), name)) {
            throw new DomainException(ProblemCode.NOT_FOUND);
        }
        audit.record(new AuditEvent("ORDER_FAVOURITE_RENAME", "OrderFavourite", id.toString(), null, null, null, null));
        return store.favourites(user.userId()).stream()
                .filter(f -> f.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Transactional
    public void remove(UUID id) {
        CdssPrincipal user = doctor();
        if (!store.removeFavourite(id, user.userId())) {
            throw new DomainException(ProblemCode.NOT_FOUND);
        }
        audit.record(new AuditEvent("ORDER_FAVOURITE_REMOVE", "OrderFavourite", id.toString(), null, null, null, null));
    }

    /** The order sets of the departments the doctor belongs to. */
    @Transactional(readOnly = true)
    public List<OrderTemplateViews.OrderSet> departmentSets() {
        return store.orderSets(doctor().departmentIds());
    }

    private static CdssPrincipal doctor() {
        CdssPrincipal user = CurrentUser.require();
        if (!user.has(Role.DOCTOR)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
        return user;
    }
}
