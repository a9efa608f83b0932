package org.cdss.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Spring Session's JDBC store, minus the write that only moves a session's last-access time. Spring Session saves
 * every session after every request, because each request moves its last-access time: one UPDATE and one commit per
 * request, which on the durable embedded H2 is a chunk written to the file (issue 16: 9.7 % of the CPU at 8 clients,
 * the largest single writer). Here a session whose only change is that time is written again only once the stored
 * time is {@code touchInterval} old; anything else (an attribute set or removed, a new id, a new timeout, a new
 * session) is saved at once, as before.
 *
 * <p>The price: the idle timeout is counted from a last access that may be up to {@code touchInterval} old, so an idle
 * session ends between {@code timeout − touchInterval} and {@code timeout} after its last request (29–30 minutes with
 * the defaults). ADR 0043.
 */
final class ThrottledSessionTouches
        implements FindByIndexNameSessionRepository<ThrottledSessionTouches.TouchedSession> {

    @SuppressWarnings("rawtypes") // the JDBC store's session type is package-private in Spring Session
    private final FindByIndexNameSessionRepository store;

    private final Duration touchInterval;

    ThrottledSessionTouches(FindByIndexNameSessionRepository<? extends Session> store, Duration touchInterval) {
        this.store = store;
        this.touchInterval = touchInterval;
    }

    @Override
    public TouchedSession createSession() {
        return new TouchedSession((Session) store.createSession(), null);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void save(TouchedSession session) {
        if (session.mustBeWritten(touchInterval)) {
            store.save(session.stored);
            session.written();
        }
    }

    @Override
    public TouchedSession findById(String id) {
        Session found = (Session) store.findById(id);
        return found == null ? null : new TouchedSession(found, found.getLastAccessedTime());
    }

    @Override
    public void deleteById(String id) {
        store.deleteById(id);
    }

    @Override
    public Map<String, TouchedSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, TouchedSession> sessions = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        Map<String, ? extends Session> found = store.findByIndexNameAndIndexValue(indexName, indexValue);
        found.forEach((id, s) -> sessions.put(id, new TouchedSession(s, s.getLastAccessedTime())));
        return sessions;
    }

    /** A stored session that remembers whether anything but its last-access time changed since it was read. */
    static final class TouchedSession implements Session {

        private final Session stored;
        /** The last-access time as stored in the database; null for a session not yet saved. */
        private Instant storedLastAccess;

        private boolean changed;

        TouchedSession(Session stored, Instant storedLastAccess) {
            this.stored = stored;
            this.storedLastAccess = storedLastAccess;
        }

        boolean mustBeWritten(Duration touchInterval) {
            return changed
                    || storedLastAccess == null
                    || !stored.getLastAccessedTime().isBefore(storedLastAccess.plus(touchInterval));
        }

        void written() {
            changed = false;
            storedLastAccess = stored.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String name) {
            return stored.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            changed = true;
            stored.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            changed = true;
            stored.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            stored.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            if (!interval.equals(stored.getMaxInactiveInterval())) {
                changed = true;
            }
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
