package org.cdss.identity;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cdss.shared.DomainException;
import org.cdss.shared.HospitalZone;
import org.cdss.shared.security.CdssPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the identity module for the UI and other modules. */
@Service
@Transactional(readOnly = true)
public class IdentityQueries {

    private final UserAccounts users;
    private final Departments departments;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final HospitalZone zone;

    IdentityQueries(UserAccounts users, Departments departments, JdbcClient jdbc, Clock clock, HospitalZone zone) {
        this.users = users;
        this.departments = departments;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
    }

    public MeView me(CdssPrincipal principal) {
        UserAccount user = users.findById(principal.userId()).orElseThrow(DomainException::notFound);
        return new MeView(
                user.id(),
                user.username(),
                user.displayName(),
                sorted(user.roles()),
                departmentViews(user.departmentIds()),
                user.patientId(),
                user.lastLoginAt(),
                zone.zoneId().getId());
    }

    public List<DepartmentView> departments() {
        return departments.findAllByOrderByCodeAsc().stream()
                .map(Department::view)
                .toList();
    }

    /** A staff member's roles and departments (for scheduling and routing); empty for unknown ids and patients. */
    public java.util.Optional<StaffMember> staffMember(UUID id) {
        return users.findById(id)
                .filter(u -> !u.roles().contains(org.cdss.shared.security.Role.PATIENT))
                .map(u -> new StaffMember(u.id(), u.displayName(), u.roles(), u.departmentIds(), u.active()));
    }

    /**
     * A staff member's name, as {@link #staffMember} would give it (none for unknown ids and patients), for the names
     * on orders, notes and timelines: one plain statement, where loading the account hydrates it with its roles and
     * departments and a JPQL query costs more than that (issue 16's profile of the order create).
     */
    public java.util.Optional<String> staffName(UUID id) {
        return jdbc.sql("SELECT display_name FROM app_user u WHERE id = :id AND NOT EXISTS"
                        + " (SELECT 1 FROM app_user_role r WHERE r.user_id = u.id AND r.role = 'PATIENT')")
                .param("id", id.toString())
                .query(String.class)
                .optional();
    }

    /** Active doctors, optionally of one department, by name (the directory patients and clerks book from). */
    public List<DoctorView> doctors(UUID departmentId) {
        return users.activeWithRole(org.cdss.shared.security.Role.DOCTOR).stream()
                .filter(u -> departmentId == null || u.departmentIds().contains(departmentId))
                .sorted(Comparator.comparing(UserAccount::displayName))
                .map(u -> new DoctorView(u.id(), u.displayName(), departmentViews(u.departmentIds())))
                .toList();
    }

    public boolean hasUsers() {
        return users.count() > 0;
    }

    public long activeUsers() {
        return users.countActive();
    }

    public long lockedUsers() {
        return users.countLocked(clock.instant());
    }

    UserView view(UserAccount user) {
        return new UserView(
                user.id(),
                user.username(),
                user.displayName(),
                sorted(user.roles()),
                departmentViews(user.departmentIds()),
                user.active(),
                user.isLocked(clock.instant()),
                user.isLocked(clock.instant()) ? user.lockedUntil() : null,
                user.patientId(),
                user.createdAt(),
                user.lastLoginAt(),
                user.version());
    }

    List<DepartmentView> departmentViews(Set<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // not findAllById (a new query interpreted on every call, and this runs on every GET /api/me): the single-id
        // loader (cached plan) for the usual one department, a fixed query string (cached plan) for several
        if (ids.size() == 1) {
            return departments.findById(ids.iterator().next()).map(Department::view).stream()
                    .toList();
        }
        return departments.findByIds(ids).stream()
                .sorted(Comparator.comparing(Department::code))
                .map(Department::view)
                .toList();
    }

    private static <T extends Enum<T>> List<T> sorted(Set<T> values) {
        return values.stream().sorted().toList();
    }
}
