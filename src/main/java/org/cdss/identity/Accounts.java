package org.cdss.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.audit.AuditOutcome;
import org.cdss.shared.DomainException;
import org.cdss.shared.DomainException.FieldProblem;
import org.cdss.shared.security.CdssPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What users do to their own account: patients register for the portal with the activation code front office gave
 * them (always and only the PATIENT role, linked to the code's patient), and anyone changes their password.
 */
@Service
class Accounts {

    private final UserAccounts users;
    private final PasswordEncoder passwords;
    private final PortalActivation activation;
    private final AuditLog audit;
    private final Clock clock;

    Accounts(UserAccounts users, PasswordEncoder passwords, PortalActivation activation, AuditLog audit, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.activation = activation;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Redeems an activation code. Every failure that concerns the code (unknown, malformed, used, expired, or its
     * patient already has an account) is the same 422 {@code identity.activation-invalid} with the same body, after
     * the same work: the password is always hashed and the account lookup always made, so neither the answer nor its
     * timing tells which it was. The reason goes to the audit log only. The password policy (which depends on the
     * request alone) is checked first; a taken username is only told to a holder of a valid code.
     */
    @Transactional
    CdssPrincipal registerPatient(IdentityRequests.RegisterRequest request) {
        String username = Authentication.normalize(request.username());
        PasswordPolicy.check("password", username, request.password());
        Instant now = clock.instant();
        String passwordHash = passwords.encode(request.password());
        PortalActivation.Redemption redemption = activation.find(request.code(), now);
        UUID patientId = redemption.code() != null ? redemption.code().patientId() : UUID.randomUUID();
        boolean alreadyLinked = users.existsByPatientId(patientId);
        String refusal = redemption.refusal() != null
                ? redemption.refusal()
                : alreadyLinked ? "patient already has an account" : null;
        if (refusal != null) {
            audit.record(new AuditEvent(
                    "REGISTER",
                    "User",
                    null,
                    redemption.code() == null ? null : patientId,
                    AuditOutcome.FAILURE,
                    refusal,
                    new AuditEvent.Actor(null, username, null)));
            throw new DomainException(IdentityProblem.ACTIVATION_INVALID);
        }
        if (users.existsByUsername(username)) {
            throw new DomainException(
                    IdentityProblem.USERNAME_TAKEN,
                    null,
                    List.of(new FieldProblem("/username", "user.username-taken")));
        }
        redemption.code().use(now);
        UserAccount user = UserAccount.patient(username, request.displayName().trim(), passwordHash, patientId, now);
        user.registerSuccessfulLogin(now);
        users.save(user);
        CdssPrincipal principal = user.principal();
        audit.record(new AuditEvent(
                "PORTAL_CODE_REDEEM",
                "Patient",
                patientId.toString(),
                patientId,
                AuditOutcome.SUCCESS,
                null,
                AuditEvent.Actor.of(principal)));
        audit.record(new AuditEvent(
                "REGISTER",
                "User",
                user.id().toString(),
                patientId,
                AuditOutcome.SUCCESS,
                null,
                AuditEvent.Actor.of(principal)));
        return principal;
    }

    /**
     * A wrong current password counts toward the account's lockout as a wrong login does (and commits, though the
     * request is refused): otherwise a session left open on a ward workstation would let anyone try passwords without
     * limit, this answer telling a right guess from a wrong one. A locked account changes nothing.
     */
    @Transactional(noRollbackFor = DomainException.class)
    void changePassword(CdssPrincipal principal, String currentPassword, String newPassword) {
        UserAccount user = users.findById(principal.userId()).orElseThrow(DomainException::notFound);
        Instant now = clock.instant();
        if (user.isLocked(now)) {
            throw Authentication.locked(user.lockedUntil(), now);
        }
        if (!passwords.matches(currentPassword, user.passwordHash())) {
            user.registerFailedLogin(now);
            audit.record(new AuditEvent(
                    "PASSWORD_CHANGE",
                    "User",
                    user.id().toString(),
                    null,
                    AuditOutcome.FAILURE,
                    "wrong current password",
                    null));
            throw new DomainException(
                    IdentityProblem.PASSWORD_CURRENT_WRONG,
                    "password.current-wrong",
                    List.of(new FieldProblem("/currentPassword", "password.current-wrong")));
        }
        PasswordPolicy.check("newPassword", user.username(), newPassword);
        user.changePassword(passwords.encode(newPassword), clock.instant());
        audit.record(AuditEvent.success("PASSWORD_CHANGE", "User", user.id(), null));
    }
}
