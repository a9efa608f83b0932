package org.cdss.orders;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cdss.shared.DomainException;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;
import org.cdss.shared.security.Role;

/**
 * Who may see and act on orders (least privilege, checked in the service as well as at the URL). The one decision of
 * which orders a principal may see is {@link #visibility(CdssPrincipal)}: every read path (detail, lists, "my
 * orders", worklists, statistics, the patient's timeline, the links between revisions) applies it, as an SQL
 * predicate where it reads from the database ({@link Visibility#sql}) and in memory for a loaded row
 * ({@link Visibility#admits}) — ADR 0016.
 * <ul>
 * <li>doctors create their orders and edit, send and cancel only their own; doctors, nurses and administrators see
 * every order, drafts included (the care team);</li>
 * <li>department staff (pharmacist → medication, lab technician → lab and tissue, radiographer and radiologist →
 * imaging) see the orders <em>of the types they perform</em> routed to a department they belong to, once sent (a
 * pending order, or one withdrawn before it was sent, is the prescriber's draft), and carry them out;</li>
 * <li>a patient sees their own orders once sent (the portal's timeline), never a draft;</li>
 * <li>front office sees no orders.</li>
 * </ul>
 * An order the caller may not see is 404, so its existence does not leak.
 */
final class OrderAccess {

    static final Set<Role> READERS = EnumSet.of(
            Role.DOCTOR, Role.NURSE, Role.PHARMACIST, Role.LAB_TECH, Role.RADIOGRAPHER, Role.RADIOLOGIST, Role.ADMIN);
    static final Set<Role> CARE_TEAM = EnumSet.of(Role.DOCTOR, Role.NURSE, Role.ADMIN);
    static final Map<OrderType, Set<Role>> PERFORMERS = Map.of(
            OrderType.MEDICATION, EnumSet.of(Role.PHARMACIST),
            OrderType.LAB_TEST, EnumSet.of(Role.LAB_TECH),
            OrderType.IMAGING, EnumSet.of(Role.RADIOGRAPHER, Role.RADIOLOGIST),
            OrderType.TISSUE_EXAM, EnumSet.of(Role.LAB_TECH));

    private OrderAccess() {}

    /**
     * The orders a principal may see: all of them ({@code everything}), or those sent and either of one of
     * {@code types} routed to one of {@code departments}, or of the principal's own patient record.
     */
    record Visibility(boolean everything, Set<OrderType> types, Set<UUID> departments, UUID patientId) {

        Visibility {
            types = Set.copyOf(types);
            departments = Set.copyOf(departments);
        }

        /** Whether an order of this type, department, patient and sent-ness is visible. */
        boolean admits(OrderType type, UUID department, UUID patient, boolean sent) {
            if (everything) {
                return true;
            }
            return sent
                    && ((types.contains(type) && departments.contains(department))
                            || (patientId != null && patientId.equals(patient)));
        }

        /** Whether the principal sees no order at all. */
        boolean nothing() {
            return !everything && patientId == null && (types.isEmpty() || departments.isEmpty());
        }

        /**
         * The same decision as an SQL condition on {@code clinical_order} aliased {@code o} (starting with
         * {@code AND}), its parameters added to {@code params} (names {@code vis*}).
         */
        String sql(Map<String, Object> params) {
            if (everything) {
                return "";
            }
            if (nothing()) {
                return " AND 1 = 0";
            }
            List<String> any = new ArrayList<>();
            if (!types.isEmpty() && !departments.isEmpty()) {
                any.add("(o.order_type IN (:visTypes) AND o.target_department_id IN (:visDepartments))");
                params.put("visTypes", types.stream().map(Enum::name).sorted().toList());
                params.put(
                        "visDepartments",
                        departments.stream().map(UUID::toString).sorted().toList());
            }
            if (patientId != null) {
                any.add("o.patient_id = :visPatient");
                params.put("visPatient", patientId.toString());
            }
            return " AND o.sent_at IS NOT NULL AND (" + String.join(" OR ", any) + ")";
        }
    }

    /** The one decision of which orders this principal may see (see the class comment). */
    static Visibility visibility(CdssPrincipal user) {
        if (user.hasAny(CARE_TEAM)) {
            return new Visibility(true, Set.of(), Set.of(), null);
        }
        Set<OrderType> types = EnumSet.noneOf(OrderType.class);
        PERFORMERS.forEach((type, roles) -> {
            if (user.hasAny(roles)) {
                types.add(type);
            }
        });
        UUID patient = user.has(Role.PATIENT) ? user.patientId() : null;
        return new Visibility(false, types, user.departmentIds(), patient);
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

    /**
     * For commands and reads on a loaded order (which only staff perform): {@link #visibility}, with "sent" read from
     * the order's sending time as the SQL form reads it — not from its status, which would count a draft withdrawn
     * before it was sent (CANCELLED, never sent) as sent.
     */
    static boolean canSee(CdssPrincipal user, Order order) {
        return visibility(user).admits(order.type(), order.targetDepartmentId(), null, order.sentAt() != null);
    }

    /** The ordering doctor only; anyone else who can see the order gets 403. */
    static void requireOrderer(CdssPrincipal user, Order order) {
        if (!user.has(Role.DOCTOR) || !order.orderedBy().equals(user.userId())) {
            throw new DomainException(ProblemCode.FORBIDDEN, "order.not-yours");
        }
    }

    /** Staff of the order's target department with the role that performs its type. */
    static void requirePerformer(CdssPrincipal user, Order order) {
        if (!user.hasAny(PERFORMERS.get(order.type())) || !user.departmentIds().contains(order.targetDepartmentId())) {
            throw new DomainException(ProblemCode.FORBIDDEN, "order.not-your-department");
        }
    }
}
