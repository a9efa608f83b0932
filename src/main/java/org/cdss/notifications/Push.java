package org.cdss.notifications;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cdss.shared.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * One browser push as it travels between instances (ADR 0007): the event name the browser listens for, a payload of
 * ids and facts (never names or other patient data: the browser refetches through the audited API), and its audience.
 * Plain data, so that it crosses RabbitMQ as JSON and every instance delivers it to its own connected tabs.
 */
record Push(String type, Map<String, Object> payload, Audience audience) {

    PushMessage message() {
        return new PushMessage(type, payload);
    }

    /** Who sees it: a tab matches when its user is listed, or it shares a department or a role with the audience. */
    record Audience(Set<UUID> users, Set<UUID> departments, Set<Role> roles) {

        /** A user, a department, roles; a null user or department is left out. */
        static Audience of(@Nullable UUID user, @Nullable UUID department, Role... roles) {
            return new Audience(
                    user == null ? Set.of() : Set.of(user),
                    department == null ? Set.of() : Set.of(department),
                    Set.of(roles));
        }

        boolean includes(PushChannel.Subscriber s) {
            return users.contains(s.userId())
                    || !Collections.disjoint(departments, s.departmentIds())
                    || !Collections.disjoint(roles, s.roles());
        }
    }

    /** What crosses the broker: the pushes of one commit. */
    record Batch(List<Push> pushes) {}
}
