package org.cdss.audit;

import java.util.UUID;
import org.cdss.shared.security.CdssPrincipal;

/**
 * One thing to write to the audit trail. The actor defaults to the logged-in user; login attempts name it
 * explicitly. {@code detail} is free text for administrators: never put patient names or MRNs in it.
 */
public record AuditEvent(
        String action,
        String resourceType,
        String resourceId,
        UUID patientId,
        AuditOutcome outcome,
        String detail,
        Actor actor) {

    /** Who acted, when it is not (yet) the user in the security context. */
    public record Actor(UUID userId, String username, String roles) {
        public static Actor of(CdssPrincipal principal) {
            return new Actor(principal.userId(), principal.username(), principal.rolesText());
        }
    }

    public static AuditEvent success(String action, String resourceType, Object resourceId, UUID patientId) {
        return new AuditEvent(
                action,
                resourceType,
                resourceId == null ? null : resourceId.toString(),
                patientId,
                AuditOutcome.SUCCESS,
                null,
                null);
    }

    public AuditEvent withOutcome(AuditOutcome newOutcome) {
        return new AuditEvent(action, resourceType, resourceId, patientId, newOutcome, detail, actor);
    }

    public AuditEvent withDetail(String newDetail) {
        return new AuditEvent(action, resourceType, resourceId, patientId, outcome, newDetail, actor);
    }

    public AuditEvent by(Actor who) {
        return new AuditEvent(action, resourceType, resourceId, patientId, outcome, detail, who);
    }
}
