package org.cdss.scheduling;

import java.util.EnumSet;
import java.util.Set;
import org.cdss.shared.DomainException;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;
import org.cdss.shared.security.Role;

/** Who may act in scheduling, and the form of its field errors: shared by the schedules, the book and its reads. */
final class SchedulingAccess {

    static final Set<Role> BOOKERS = EnumSet.of(Role.ADMIN_STAFF, Role.DOCTOR, Role.PATIENT);
    static final Set<Role> FRONT_DESK_AND_WARD = EnumSet.of(Role.ADMIN_STAFF, Role.NURSE, Role.DOCTOR);

    private SchedulingAccess() {}

    static CdssPrincipal requireAny(Set<Role> roles) {
        CdssPrincipal user = CurrentUser.require();
        if (!user.hasAny(roles)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
        return user;
    }

    static void requireStaff() {
        requireAny(Role.PATIENT_REGISTRY_READERS);
    }

    static DomainException field(String pointer, SchedulingProblem problem) {
        return DomainException.field(problem, pointer, problem.code());
    }
}
