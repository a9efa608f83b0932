package org.cdss.orders;

import java.time.Clock;
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

/** The routing table (which department carries out each order type): read and changed by administrators. */
@Service
class OrderRoutingAdministration {

    private final OrderRouting routing;
    private final IdentityQueries identity;
    private final AuditLog audit;
    private final Clock clock;

    OrderRoutingAdministration(OrderRouting routing, IdentityQueries identity, AuditLog audit, Clock clock) {
        this.routing = routing;
        this.identity = identity;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public List<RoutingView> route(OrderType type, UUID departmentId) {
        CdssPrincipal user = CurrentUser.require();
        if (!user.has(Role.ADMIN)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
        boolean known = identity.departments().stream().anyMatch(d -> d.id().equals(departmentId) && d.active());
        if (!known) {
            throw DomainException.field(
                    OrderProblem.UNKNOWN_REFERENCE, "/departmentId", "order.routing-unknown-department");
        }
        routing.route(type, departmentId, user.userId(), clock.instant());
        audit.record(new AuditEvent(
                "ORDER_ROUTING_UPDATE", "OrderRouting", type.name(), null, null, "department=" + departmentId, null));
        return routing.all();
    }

    @Transactional(readOnly = true)
    public List<RoutingView> routing() {
        if (!CurrentUser.require().has(Role.ADMIN)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
        return routing.all();
    }
}
