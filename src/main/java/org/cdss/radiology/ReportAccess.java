package org.cdss.radiology;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.cdss.shared.DomainException;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;
import org.cdss.shared.security.Role;

/**
 * Who may see and write radiology reports (checked in the service, and by role at the URL):
 * <ul>
 * <li>radiologists of the order's target department write drafts, sign and append addenda;</li>
 * <li>radiology staff (radiologists, radiographers) of that department and administrators read every report of it,
 * drafts included;</li>
 * <li>the ordering doctor, and doctors and nurses who share a department with the ordering doctor, read signed
 * reports (a draft is not a result to act on);</li>
 * <li>a patient reads their own signed reports (the portal);</li>
 * <li>anyone else: 404, so a report's existence does not leak.</li>
 * </ul>
 */
final class ReportAccess {

    static final Set<Role> RADIOLOGY = EnumSet.of(Role.RADIOLOGIST, Role.RADIOGRAPHER);
    static final Set<Role> CARE = EnumSet.of(Role.DOCTOR, Role.NURSE);

    private ReportAccess() {}

    /** Radiology staff (the worklist, the reading screen), or 403. */
    static CdssPrincipal radiologyStaff() {
        CdssPrincipal user = CurrentUser.require();
        if (!user.hasAny(RADIOLOGY)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
        return user;
    }

    /** A radiologist (who writes and signs), or 403. */
    static CdssPrincipal radiologist() {
        CdssPrincipal user = CurrentUser.require();
        if (!user.has(Role.RADIOLOGIST)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
        return user;
    }

    /** A radiologist of the report's (or order's) department; anyone else gets 404 (the report is not theirs). */
    static void requireWriter(CdssPrincipal user, UUID departmentId) {
        if (!user.has(Role.RADIOLOGIST) || !user.departmentIds().contains(departmentId)) {
            throw new DomainException(RisProblem.NOT_FOUND);
        }
    }

    /**
     * Whether the principal may read this report; {@code orderingDepartments} gives the departments of the ordering
     * doctor (looked up only when needed).
     */
    static boolean canRead(CdssPrincipal user, ReportRow report, Function<UUID, Set<UUID>> orderingDepartments) {
        if (user.has(Role.ADMIN)) {
            return true;
        }
        if (user.hasAny(RADIOLOGY) && user.departmentIds().contains(report.departmentId())) {
            return true;
        }
        if (!report.signed()) {
            return false;
        }
        if (user.has(Role.PATIENT)) {
            return report.patientId().equals(user.patientId());
        }
        if (!user.hasAny(CARE)) {
            return false;
        }
        if (report.orderedBy().equals(user.userId())) {
            return true;
        }
        Set<UUID> departments = orderingDepartments.apply(report.orderedBy());
        return user.departmentIds().stream().anyMatch(departments::contains);
    }
}
