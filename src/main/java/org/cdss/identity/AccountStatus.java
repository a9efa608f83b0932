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

    /**
     * The user ids among {@code principals} whose account is gone, deactivated or locked, or whose roles or
     * departments are no longer the ones the principal carries. One query for all of them.
     */
    @Transactional(readOnly = true)
    public Set<UUID> revoked(Collection<CdssPrincipal> principals) {
        if (principals.isEmpty()) {
            return Set.of();
        }
        Set<UUID> ids = principals.stream().map(CdssPrincipal::userId).collect(Collectors.toSet());
        Map<UUID, UserAccount> current =
                users.findAllById(ids).stream().collect(Collectors.toMap(UserAccount::id, Function.identity()));
        Instant now = clock.instant();
        Set<UUID> revoked = new HashSet<>();
        for (CdssPrincipal principal : principals) {
            UserAccount user = current.get(principal.userId());
            if (user == null
                    || !user.active()
                    || user.isLocked(now)
                    || !user.roles().equals(principal.roles())
                    || !user.departmentIds().equals(principal.departmentIds())) {
                revoked.add(principal.userId());
            }
        }
        return revoked;
    }
}
