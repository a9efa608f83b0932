package org.cdss.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cdss.shared.DomainException;
import org.cdss.shared.PageView;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.db.UtcTimestamps;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores notifications (idempotently, by dedupe key) and serves each user their own and their departments', with read
 * state per user. Notifications hold no patient data (order number and message key), so reading them is not audited.
 */
@Service
class NotificationInbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {};
    /** Stands in for "no departments" so that {@code IN (:departments)} stays valid SQL. */
    private static final String NO_DEPARTMENT = new UUID(0, 0).toString();

    private final JdbcClient jdbc;
    private final Clock clock;

    NotificationInbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Stores the drafts not stored before (by dedupe key) and returns those it stored, in the caller's transaction. The
     * same event delivered twice at the same moment makes one of the two fail on the unique key; the caller retries.
     */
    List<NotificationsRecorded.Recorded> record(List<NotificationDraft> drafts) {
        List<NotificationsRecorded.Recorded> stored = new ArrayList<>();
        for (NotificationDraft d : drafts) {
            boolean exists = jdbc.sql("SELECT COUNT(*) FROM notification WHERE dedupe_key = :key")
                            .param("key", d.dedupeKey())
                            .query(Long.class)
                            .single()
                    > 0;
            if (exists) {
                continue;
            }
            UUID id = insert(d);
            stored.add(new NotificationsRecorded.Recorded(id, d.kind(), d.urgent(), d.userId(), d.departmentId()));
        }
        return stored;
    }

    private UUID insert(NotificationDraft d) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO notification (id, dedupe_key, recipient_user_id, recipient_department_id, kind, urgent,
                    subject_type, subject_id, subject_number, message_key, message_params, created_at)
                VALUES (:id, :key, :user, :department, :kind, :urgent, :subjectType, :subjectId, :subjectNumber,
                    :messageKey, :params, :createdAt)""")
                .param("id", id.toString())
                .param("key", d.dedupeKey())
                .param("user", d.userId() == null ? null : d.userId().toString())
                .param(
                        "department",
                        d.departmentId() == null ? null : d.departmentId().toString())
                .param("kind", d.kind().name())
                .param("urgent", d.urgent())
                .param("subjectType", d.subjectType())
                .param("subjectId", d.subjectId().toString())
                .param("subjectNumber", d.subjectNumber())
                .param("messageKey", d.messageKey())
                .param("params", JSON.writeValueAsString(d.params()))
                .param("createdAt", UtcTimestamps.toColumn(d.createdAt()))
                .update();
        return id;
    }

    NotificationPage list(CdssPrincipal me, boolean unreadOnly, int page, int size) {
        requireStaff(me);
        String unread = unreadOnly ? " AND r.read_at IS NULL" : "";
        List<NotificationView> content = jdbc.sql("""
                SELECT n.id, n.kind, n.urgent, n.subject_type, n.subject_id, n.subject_number, n.message_key,
                    n.message_params, n.recipient_department_id, n.created_at, r.read_at
                FROM notification n
                LEFT JOIN notification_read r ON r.notification_id = n.id AND r.user_id = :me
                WHERE (n.recipient_user_id = :me OR n.recipient_department_id IN (:departments))""" + unread + """

                ORDER BY n.created_at DESC, n.id DESC
                LIMIT :limit OFFSET :offset""")
                .params(addressedTo(me))
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(NotificationInbox::view)
                .list();
        long total = unreadOnly
                ? unreadCount(me)
                : jdbc.sql("""
                SELECT COUNT(*) FROM notification n
                WHERE (n.recipient_user_id = :me OR n.recipient_department_id IN (:departments))""").params(addressedTo(me)).query(Long.class).single();
        return new NotificationPage(
                content, PageView.of(content, page, size, total).page(), unreadCount(me));
    }

    long unreadCount(CdssPrincipal me) {
        requireStaff(me);
        return jdbc.sql("""
                SELECT COUNT(*) FROM notification n
                WHERE (n.recipient_user_id = :me OR n.recipient_department_id IN (:departments))
                  AND NOT EXISTS (SELECT 1 FROM notification_read r WHERE r.notification_id = n.id AND r.user_id = :me)""").params(addressedTo(me)).query(Long.class).single();
    }

    /** Marks one notification read for the caller; 404 when it is not addressed to the caller (or does not exist). */
    void markRead(CdssPrincipal me, UUID id) {
        requireStaff(me);
        boolean mine = jdbc.sql("""
                SELECT COUNT(*) FROM notification n
                WHERE n.id = :id AND (n.recipient_user_id = :me OR n.recipient_department_id IN (:departments))""")
                        .params(addressedTo(me))
                        .param("id", id.toString())
                        .query(Long.class)
                        .single()
                > 0;
        if (!mine) {
            throw new DomainException(NotificationProblem.NOT_FOUND);
        }
        try {
            jdbc.sql("""
                    INSERT INTO notification_read (notification_id, user_id, read_at)
                    SELECT :id, :me, :now FROM notification n WHERE n.id = :id AND NOT EXISTS
                        (SELECT 1 FROM notification_read r WHERE r.notification_id = :id AND r.user_id = :me)""")
                    .param("id", id.toString())
                    .param("me", me.userId().toString())
                    .param("now", UtcTimestamps.toColumn(clock.instant()))
                    .update();
        } catch (DuplicateKeyException alreadyReadConcurrently) {
            // the same user marked it read twice at the same moment: read it is
        }
    }

    /** Marks everything addressed to the caller read; returns how many were unread. */
    int markAllRead(CdssPrincipal me) {
        requireStaff(me);
        try {
            return insertAllUnread(me);
        } catch (DuplicateKeyException concurrentlyMarked) {
            return insertAllUnread(me); // a parallel read-all got some first: the rest still needs marking
        }
    }

    private int insertAllUnread(CdssPrincipal me) {
        return jdbc.sql("""
                INSERT INTO notification_read (notification_id, user_id, read_at)
                SELECT n.id, :me, :now FROM notification n
                WHERE (n.recipient_user_id = :me OR n.recipient_department_id IN (:departments))
                  AND NOT EXISTS (SELECT 1 FROM notification_read r WHERE r.notification_id = n.id AND r.user_id = :me)""")
                .params(addressedTo(me))
                .param("now", UtcTimestamps.toColumn(clock.instant()))
                .update();
    }

    private static Map<String, Object> addressedTo(CdssPrincipal me) {
        Set<UUID> departments = me.departmentIds();
        List<String> ids = departments.isEmpty()
                ? List.of(NO_DEPARTMENT)
                : departments.stream().map(UUID::toString).toList();
        return Map.of("me", me.userId().toString(), "departments", ids);
    }

    /** Notifications are for staff; patients get none for now (least privilege). */
    private static void requireStaff(CdssPrincipal me) {
        if (me.roles().stream().noneMatch(Role::isStaff)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    private static NotificationView view(ResultSet rs, int row) throws SQLException {
        String department = rs.getString("recipient_department_id");
        String params = rs.getString("message_params");
        return new NotificationView(
                UUID.fromString(rs.getString("id")),
                NotificationKind.valueOf(rs.getString("kind")),
                rs.getBoolean("urgent"),
                rs.getString("subject_type"),
                UUID.fromString(rs.getString("subject_id")),
                rs.getString("subject_number"),
                rs.getString("message_key"),
                params == null ? Map.of() : JSON.readValue(params, PARAMS),
                department == null ? null : UUID.fromString(department),
                UtcTimestamps.read(rs, "created_at"),
                UtcTimestamps.read(rs, "read_at"));
    }
}
