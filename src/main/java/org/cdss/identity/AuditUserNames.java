package org.cdss.identity;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cdss.audit.AuditNames;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Staff display names for the audit viewer (issue 15 item 6). */
@Component
class AuditUserNames implements AuditNames.Users {

    private final UserAccounts users;

    AuditUserNames(UserAccounts users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, String> displayNames(Collection<UUID> userIds) {
        return users.findAllById(userIds).stream()
                .filter(u -> u.displayName() != null)
                .collect(Collectors.toMap(UserAccount::id, UserAccount::displayName));
    }
}
