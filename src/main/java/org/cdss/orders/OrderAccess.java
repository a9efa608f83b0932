package org.cdss.orders;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cdss.shared.DomainException;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;
import org.cdss.shared.security.Role;

/**
 * Who may see and act on orders (least privilege, checked in the service as well as at the URL):
 * <ul>
 * <li>doctors create their orders and edit, send and cancel only their own; doctors and nurses read all orders
 * (the care team);</li>
 * <li>department staff (pharmacist → medication, lab technician → lab and tissue, radiographer and radiologist →
 * imaging) see and carry out the orders routed to a department they belong to;</li>
 * <li>administrators see everything and act on nothing clinical; front office and patients see no orders.</li>
 * </ul>
 * An order the caller may not see is 404, so its existence does not leak.
 */
final class OrderAccess {

    static final Set<Role> READERS = EnumSet.of(Role.DOCTOR, Role.NURSE, Role.PHARMACIST, Role.LAB_TECH,
            Role.RADIOGRAPHER, Role.RADIOLOGIST, Role.ADMIN);
    static final Set<Role> CARE_TEAM = EnumSet.of(Role.DOCTOR, Role.NURSE, Role.ADMIN);
    static final Map<OrderType, Set<Role>> PERFORMERS = Map.of(
            OrderType.MEDICATION, EnumSet.of(Role.PHARMACIST),
            OrderType.LAB_TEST, EnumSet.of(Role.LAB_TECH),
            OrderType.IMAGING, EnumSet.of(Role.RADIOGRAPHER, Role.RADIOLOGIST),
            OrderType.TISSUE_EXAM, EnumSet.of(Role.LAB_TECH));
    static final Set<Role> DEPARTMENT_ROLES = EnumSet.of(Role.PHARMACIST, Role.LAB_TECH, Role.RADIOGRAPHER,
            Role.RADIOLOGIST);

    private OrderAccess() {
    }

    static CdssPrincipal reader() {
        CdssPrincipal user = CurrentUser.require();
        if (!user.hasAny(READERS)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
        return user;
    }

    static CdssPrincipal doctor() {
        CdssPrincipal user = CurrentUser.require();
        if (!user.has(Role.DOCTOR)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
        return user;
    }

    /** Departments see an order once it is sent: a pending order is still the prescriber's draft. */
    static boolean canSee(CdssPrincipal user, OrderType type, UUID targetDepartmentId, OrderStatus status) {
        if (user.hasAny(CARE_TEAM)) {
            return true;
        }
        return status != OrderStatus.PENDING && user.hasAny(PERFORMERS.get(type))
                && user.departmentIds().contains(targetDepartmentId);
    }

    /** The ordering doctor only; anyone else who can see the order gets 403. */
    static void requireOrderer(CdssPrincipal user, Order order) {
        if (!user.has(Role.DOCTOR) || !order.orderedBy().equals(user.userId())) {
            throw new DomainException(ProblemCode.FORBIDDEN, "order.not-yours");
        }
    }

    /** Staff of the order's target department with the role that performs its type. */
    static void requirePerformer(CdssPrincipal user, Order order) {
        if (!user.hasAny(PERFORMERS.get(order.type()))
                || !user.departmentIds().contains(order.targetDepartmentId())) {
            throw new DomainException(ProblemCode.FORBIDDEN, "order.not-your-department");
        }
    }

    /** Restricts a list to what a department role may see; null when the caller sees all orders. */
    static Set<UUID> departmentScope(CdssPrincipal user) {
        return user.hasAny(CARE_TEAM) ? null : user.departmentIds();
    }
}
