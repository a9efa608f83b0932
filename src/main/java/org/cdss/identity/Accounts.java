package org.cdss.identity;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.audit.AuditOutcome;
import org.cdss.patients.PatientDirectory;
import org.cdss.shared.DomainException;
import org.cdss.shared.DomainException.FieldProblem;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.security.CdssPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What users do to their own account: patients register for the portal (always and only the PATIENT role, linked
 * to the record whose MRN and birth date they prove), and anyone changes their password.
 */
@Service
class Accounts {

    private final UserAccounts users;
    private final PasswordEncoder passwords;
    private final PatientDirectory patients;
    private final AuditLog audit;
    private final Clock clock;

    Accounts(UserAccounts users, PasswordEncoder passwords, PatientDirectory patients, AuditLog audit, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.patients = patients;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    CdssPrincipal registerPatient(IdentityRequests.RegisterRequest request) {
        String username = Authentication.normalize(request.username());
        // The same answer whether the MRN is unknown or the birth date wrong: no probing of the registry.
        UUID patientId = patients.findByMrnAndBirthDate(request.mrn(), request.birthDate())
                .orElseThrow(() -> {
                    audit.record(new AuditEvent("REGISTER", "User", null, null, AuditOutcome.FAILURE,
                            "no matching patient", new AuditEvent.Actor(null, username, null)));
                    return new DomainException(ProblemCode.BUSINESS_RULE, "register.no-match");
                });
        if (users.existsByPatientId(patientId)) {
            throw new DomainException(ProblemCode.BUSINESS_RULE, "register.no-match");
        }
        if (users.existsByUsername(username)) {
            throw new DomainException(ProblemCode.DUPLICATE, "user.username-taken",
                    List.of(new FieldProblem("/username", "user.username-taken")));
        }
        PasswordPolicy.check("password", username, request.password());
        UserAccount user = UserAccount.patient(username, request.displayName().trim(),
                passwords.encode(request.password()), patientId, clock.instant());
        user.registerSuccessfulLogin(clock.instant());
        users.save(user);
        CdssPrincipal principal = user.principal();
        audit.record(new AuditEvent("REGISTER", "User", user.id().toString(), patientId, AuditOutcome.SUCCESS, null,
                AuditEvent.Actor.of(principal)));
        return principal;
    }

    @Transactional
    void changePassword(CdssPrincipal principal, String currentPassword, String newPassword) {
        UserAccount user = users.findById(principal.userId()).orElseThrow(DomainException::notFound);
        if (!passwords.matches(currentPassword, user.passwordHash())) {
            audit.record(new AuditEvent("PASSWORD_CHANGE", "User", user.id().toString(), null, AuditOutcome.FAILURE,
                    "wrong current password", null));
            throw new DomainException(ProblemCode.VALIDATION, "password.current-wrong",
                    List.of(new FieldProblem("/currentPassword", "password.current-wrong")));
        }
        PasswordPolicy.check("newPassword", user.username(), newPassword);
        user.changePassword(passwords.encode(newPassword), clock.instant());
        audit.record(AuditEvent.success("PASSWORD_CHANGE", "User", user.id(), null));
    }
}
