package org.cdss.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cdss.shared.security.CdssPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether the access a principal was given at login still holds: for long-lived connections (the live push stream)
 * that outlive the session they were opened with, which an administrator's change ends at once.
 */
@Service
public class AccountStatus {

    private final UserAccounts users;
    private final Clock clock;

    AccountStatus(UserAccounts users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /** A long-lived connection: who opened it, and when. */
    public record Opened(CdssPrincipal principal, Instant at) {}

    /**
     * The connections among {@code opened} whose access no longer holds: the account is gone, deactivated or locked,
     * its roles or departments are no longer the ones the principal carries, or its password was changed (or reset by
     * an administrator) after the connection was opened — which ends every session of the account but the one that
     * changed it, so a stream opened with a stolen session must end too (a tab of the surviving session reconnects).
     * One query for all of them.
     */
    @Transactional(readOnly = true)
    public Set<Opened> revoked(Collection<Opened> opened) {
        if (opened.isEmpty()) {
            return Set.of();
        }
        Set<UUID> ids = opened.stream().map(o -> o.principal().userId()).collect(Collectors.toSet());
        Map<UUID, UserAccount> current =
                users.findAllById(ids).stream().collect(Collectors.toMap(UserAccount::id, Function.identity()));
        Instant now = clock.instant();
        Set<Opened> revoked = new HashSet<>();
        for (Opened o : opened) {
            CdssPrincipal principal = o.principal();
            UserAccount user = current.get(principal.userId());
            if (user == null
                    || !user.active()
                    || user.isLocked(now)
                    || !user.roles().equals(principal.roles())
                    || !user.departmentIds().equals(principal.departmentIds())
                    || (user.passwordChangedAt() != null
                            && user.passwordChangedAt().isAfter(o.at()))) {
                revoked.add(o);
            }
        }
        return revoked;
    }
}
