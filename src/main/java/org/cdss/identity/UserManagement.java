package org.cdss.identity;

import jakarta.persistence.criteria.Join;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.shared.DomainException;
import org.cdss.shared.DomainException.FieldProblem;
import org.cdss.shared.PageView;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.security.CurrentUser;
import org.cdss.shared.security.Role;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administration of accounts: create, edit roles and departments, deactivate, unlock, reset passwords. Admins only,
 * checked here. A change to an account ends that user's open sessions, so new roles apply at once.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class UserManagement {

    private final UserAccounts users;
    private final Departments departments;
    private final IdentityQueries queries;
    private final PasswordEncoder passwords;
    private final PatientRecords patients;
    private final AuditLog audit;
    private final Clock clock;
    private final FindByIndexNameSessionRepository<?> sessions;

    UserManagement(
            UserAccounts users,
            Departments departments,
            IdentityQueries queries,
            PasswordEncoder passwords,
            PatientRecords patients,
            AuditLog audit,
            Clock clock,
            FindByIndexNameSessionRepository<?> sessions) {
        this.users = users;
        this.departments = departments;
        this.queries = queries;
        this.passwords = passwords;
        this.patients = patients;
        this.audit = audit;
        this.clock = clock;
        this.sessions = sessions;
    }

    @Transactional(readOnly = true)
    public PageView<UserView> search(String q, Role role, UUID departmentId, Boolean active, Pageable pageable) {
        Specification<UserAccount> spec = (root, query, cb) -> cb.conjunction();
        if (q != null && !q.isBlank()) {
            String like = "%" + q.trim().toLowerCase(java.util.Locale.ROOT).replace("%", "") + "%";
            spec = spec.and((root, query, cb) -> cb.or(
                    cb.like(cb.lower(root.get("username")), like), cb.like(cb.lower(root.get("displayName")), like)));
        }
        if (role != null) {
            spec = spec.and((root, query, cb) -> cb.isMember(role, root.get("roles")));
        }
        if (departmentId != null) {
            spec = spec.and((root, query, cb) -> {
                Join<UserAccount, UUID> join = root.join("departmentIds");
                query.distinct(true);
                return cb.equal(join, departmentId);
            });
        }
        if (active != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("active"), active));
        }
        return PageView.of(users.findAll(spec, pageable), queries::view);
    }

    @Transactional(readOnly = true)
    public UserView get(UUID id) {
        return queries.view(load(id));
    }

    @Transactional
    public UserView create(CreateUserRequest request) {
        String username = Authentication.normalize(request.username());
        if (users.existsByUsername(username)) {
            throw new DomainException(
                    IdentityProblem.USERNAME_TAKEN,
                    null,
                    java.util.List.of(new FieldProblem("/username", "user.username-taken")));
        }
        PasswordPolicy.check("password", username, request.password());
        Set<UUID> departmentIds = checkedDepartments(request.departmentIds());
        Instant now = clock.instant();
        UserAccount user;
        if (request.roles().contains(Role.PATIENT)) {
            if (request.roles().size() != 1 || request.patientId() == null || !departmentIds.isEmpty()) {
                throw DomainException.field(ProblemCode.VALIDATION, "/roles", "user.patient-account-shape");
            }
            if (!patients.exists(request.patientId())) {
                throw DomainException.field(ProblemCode.VALIDATION, "/patientId", "user.patient-unknown");
            }
            if (users.existsByPatientId(request.patientId())) {
                throw DomainException.field(ProblemCode.VALIDATION, "/patientId", "user.patient-already-linked");
            }
            user = UserAccount.patient(
                    username,
                    request.displayName().trim(),
                    passwords.encode(request.password()),
                    request.patientId(),
                    now);
        } else {
            if (request.patientId() != null) {
                throw DomainException.field(ProblemCode.VALIDATION, "/patientId", "user.patient-account-shape");
            }
            user = UserAccount.staff(
                    username,
                    request.displayName().trim(),
                    passwords.encode(request.password()),
                    request.roles(),
                    departmentIds,
                    now);
        }
        users.save(user);
        audit.record(AuditEvent.success("USER_CREATE", "User", user.id(), null)
                .withDetail("roles=" + user.principal().rolesText()));
        return queries.view(user);
    }

    @Transactional
    public UserView update(UUID id, UpdateUserRequest request) {
        UserAccount user = load(id);
        if (user.version() != request.version()) {
            throw new DomainException(ProblemCode.STALE_VERSION);
        }
        boolean self = id.equals(CurrentUser.require().userId());
        if (self && !request.roles().contains(Role.ADMIN)) {
            throw DomainException.field(ProblemCode.VALIDATION, "/roles", "user.cannot-remove-own-admin");
        }
        if (user.roles().contains(Role.PATIENT) != request.roles().contains(Role.PATIENT)
                || (request.roles().contains(Role.PATIENT) && request.roles().size() != 1)) {
            throw DomainException.field(ProblemCode.VALIDATION, "/roles", "user.patient-account-shape");
        }
        user.changeProfile(
                request.displayName().trim(),
                request.roles(),
                checkedDepartments(request.departmentIds()),
                clock.instant());
        users.saveAndFlush(user);
        endSessions(user);
        audit.record(AuditEvent.success("USER_UPDATE", "User", id, null)
                .withDetail("roles=" + user.principal().rolesText()));
        return queries.view(user);
    }

    @Transactional
    public UserView deactivate(UUID id) {
        if (id.equals(CurrentUser.require().userId())) {
            throw new DomainException(IdentityProblem.CANNOT_DEACTIVATE_SELF);
        }
        UserAccount user = load(id);
        user.deactivate(clock.instant());
        endSessions(user);
        audit.record(AuditEvent.success("USER_DEACTIVATE", "User", id, null));
        return queries.view(users.saveAndFlush(user));
    }

    @Transactional
    public UserView activate(UUID id) {
        UserAccount user = load(id);
        user.activate(clock.instant());
        audit.record(AuditEvent.success("USER_ACTIVATE", "User", id, null));
        return queries.view(users.saveAndFlush(user));
    }

    @Transactional
    public UserView unlock(UUID id) {
        UserAccount user = load(id);
        user.unlock(clock.instant());
        audit.record(AuditEvent.success("USER_UNLOCK", "User", id, null));
        return queries.view(users.saveAndFlush(user));
    }

    @Transactional
    public void resetPassword(UUID id, String newPassword) {
        UserAccount user = load(id);
        PasswordPolicy.check("newPassword", user.username(), newPassword);
        user.changePassword(passwords.encode(newPassword), clock.instant());
        users.saveAndFlush(user);
        endSessions(user);
        audit.record(AuditEvent.success("USER_PASSWORD_RESET", "User", id, null));
    }

    private UserAccount load(UUID id) {
        return users.findById(id).orElseThrow(DomainException::notFound);
    }

    private Set<UUID> checkedDepartments(Set<UUID> ids) {
        if (ids == null || ids.isEmpty()) {
            return Set.of();
        }
        if (departments.findAllById(ids).size() != ids.size()) {
            throw DomainException.field(ProblemCode.VALIDATION, "/departmentIds", "user.department-unknown");
        }
        return Set.copyOf(ids);
    }

    /**
     * A patient record merged into another (ADR 0026): its portal account follows the patient. It moves to the
     * survivor when the survivor has no account; otherwise it is deactivated (the patient signs in with the
     * survivor's account) — a login left on the merged record would show an emptied chart and could book nothing.
     * Its sessions end either way (they carry the old record). Runs in the merge's transaction.
     */
    @Transactional
    public void followPatientMerge(UUID merged, UUID survivor) {
        users.findByPatientId(merged).ifPresent(account -> {
            Instant now = clock.instant();
            if (users.existsByPatientId(survivor)) {
                account.deactivate(now);
                audit.record(AuditEvent.success("USER_DEACTIVATE", "User", account.id(), merged)
                        .withDetail("patient record merged into one with its own portal account"));
            } else {
                account.relinkPatient(survivor, now);
                audit.record(AuditEvent.success("USER_UPDATE", "User", account.id(), survivor)
                        .withDetail("portal account moved with the merged patient record"));
            }
            users.saveAndFlush(account);
            endSessions(account);
        });
    }

    private void endSessions(UserAccount user) {
        sessions.findByPrincipalName(user.username()).keySet().forEach(sessions::deleteById);
    }
}
