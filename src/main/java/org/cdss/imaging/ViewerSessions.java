package org.cdss.imaging;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.shared.security.CdssPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The viewer sessions whose frame reads are already audited (ADR 0041): scrolling a 134-slice series asks for 134
 * frames, and one audit row per frame buried the trail. A viewer session is one (login session, user, study,
 * series): it opens with an audited read naming the series (the viewer opening it, {@code IMAGING_VIEWER_OPEN}, or a
 * first frame read outside an opened viewer, {@code IMAGING_FRAME_READ}); the frames the same user reads of that
 * series in the same login session within {@link #WINDOW} of that audited read are counted, not audited again. When
 * the window has passed the session closes with one {@code IMAGING_VIEWER_FRAMES} row carrying the frame count, and
 * a later frame read opens (and audits) a new one. Every access stays audited: the access check runs for every frame
 * (a refusal is audited as always), and every frame served lies within an audited session. Kept in memory: a restart
 * loses only the counts of open sessions, never an access row.
 */
@Component
class ViewerSessions {

    /** How long after its audited read a viewer session's frames are not audited again. */
    static final Duration WINDOW = Duration.ofMinutes(30);

    record Key(String loginSession, UUID userId, UUID studyId, String seriesUid) {}

    private static final class Session {
        final Instant openedAt;
        final AuditEvent.Actor actor;
        final @Nullable UUID patientId;
        int frames;

        Session(Instant openedAt, AuditEvent.Actor actor, @Nullable UUID patientId) {
            this.openedAt = openedAt;
            this.actor = actor;
            this.patientId = patientId;
        }
    }

    private final Map<Key, Session> open = new ConcurrentHashMap<>();
    private final AuditLog audit;
    private final Clock clock;

    ViewerSessions(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The caller's viewer session of this series, when the request belongs to a login session (without one, every
     * frame is audited).
     */
    static @Nullable Key key(CdssPrincipal user, UUID studyId, String seriesUid) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
            return null;
        }
        HttpSession login = request.getRequest().getSession(false);
        return login == null ? null : new Key(login.getId(), user.userId(), studyId, seriesUid);
    }

    /**
     * The viewer (or a first frame read) was audited for this series: a new session starts now (closing the one
     * before, with its count).
     */
    void opened(@Nullable Key key, CdssPrincipal user, @Nullable UUID patientId, int frames) {
        if (key == null) {
            return;
        }
        Session session = new Session(clock.instant(), AuditEvent.Actor.of(user), patientId);
        session.frames = frames;
        Session before = open.put(key, session);
        if (before != null) {
            close(key, before);
        }
    }

    /** A frame within an open session is counted and answered true: it needs no audit row of its own. */
    boolean frameInSession(@Nullable Key key) {
        if (key == null) {
            return false;
        }
        Instant now = clock.instant();
        boolean[] counted = {false};
        open.computeIfPresent(key, (k, s) -> {
            if (s.openedAt.plus(WINDOW).isAfter(now)) {
                s.frames++;
                counted[0] = true;
            }
            return s;
        });
        return counted[0];
    }

    /** Closes the sessions whose window has passed by {@code now}, each with its frame count. */
    void closeExpired(Instant now) {
        open.forEach((key, session) -> {
            if (!session.openedAt.plus(WINDOW).isAfter(now) && open.remove(key, session)) {
                close(key, session);
            }
        });
    }

    @Scheduled(fixedDelay = 60_000)
    void closeExpired() {
        closeExpired(clock.instant());
    }

    private void close(Key key, Session session) {
        if (session.frames == 0) {
            return;
        }
        audit.record(AuditEvent.success("IMAGING_VIEWER_FRAMES", "ImagingStudy", key.studyId(), session.patientId)
                .withDetail("series=" + key.seriesUid() + " frames=" + session.frames)
                .by(session.actor));
    }
}
