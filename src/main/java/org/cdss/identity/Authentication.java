package org.cdss.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.audit.AuditOutcome;
import org.cdss.shared.DomainException;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.security.CdssPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a username and password, counts failures and locks the account for 15 minutes after the fifth wrong
 * password in a row. Every attempt is audited. The failure count is written under a row lock in its own transaction,
 * so concurrent wrong passwords are all counted.
 */
@Service
class Authentication {

    /** Compared against when the username is unknown, so that unknown and known users take the same time. */
    private final String dummyHash;

    private final UserAccounts users;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    Authentication(UserAccounts users, PasswordEncoder passwords, AuditLog audit, Clock clock, TransactionTemplate tx) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
        this.dummyHash = passwords.encode("not-a-real-password-" + System.nanoTime());
    }

    static String normalize(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    CdssPrincipal authenticate(String rawUsername, String password) {
        String username = normalize(rawUsername);
        Instant now = clock.instant();
        Optional<UserAccount> found = users.findByUsername(username);
        if (found.isEmpty()) {
            passwords.matches(password, dummyHash);
            fail(null, username, "LOGIN_FAILED", "unknown user");
            throw new DomainException(ProblemCode.BAD_CREDENTIALS);
        }
        UserAccount user = found.get();
        if (user.isLocked(now)) {
            fail(user, username, "LOGIN_LOCKED", "account locked");
            throw locked(user.lockedUntil(), now);
        }
        if (!passwords.matches(password, user.passwordHash())) {
            Instant lockedUntil = tx.execute(s -> {
                UserAccount locked = users.lockById(user.id()).orElseThrow();
                return locked.registerFailedLogin(now) ? locked.lockedUntil() : null;
            });
            fail(
                    user,
                    username,
                    "LOGIN_FAILED",
                    lockedUntil != null ? "wrong password; account locked" : "wrong password");
            if (lockedUntil != null) {
                throw locked(lockedUntil, now);
            }
            throw new DomainException(ProblemCode.BAD_CREDENTIALS);
        }
        if (!user.active()) {
            fail(user, username, "LOGIN_FAILED", "account inactive");
            throw new DomainException(ProblemCode.ACCOUNT_DISABLED);
        }
        CdssPrincipal principal = tx.execute(s -> {
            UserAccount current = users.lockById(user.id()).orElseThrow();
            current.registerSuccessfulLogin(now);
            return current.principal();
        });
        audit.record(new AuditEvent(
                "LOGIN",
                "User",
                principal.userId().toString(),
                principal.patientId(),
                AuditOutcome.SUCCESS,
                null,
                AuditEvent.Actor.of(principal)));
        return principal;
    }

    static DomainException locked(Instant until, Instant now) {
        long minutes = Math.max(1, Duration.between(now, until).toSeconds() / 60 + 1);
        return new DomainException(ProblemCode.ACCOUNT_LOCKED, "problem.account-locked.detail-minutes", minutes);
    }

    private void fail(UserAccount user, String username, String action, String detail) {
        AuditEvent.Actor actor = new AuditEvent.Actor(
                user == null ? null : user.id(),
                username,
                user == null ? null : user.principal().rolesText());
        audit.record(new AuditEvent(
                action, "User", user == null ? null : user.id().toString(), null, AuditOutcome.FAILURE, detail, actor));
    }
}
