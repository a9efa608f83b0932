package org.cdss.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;

/** Which saves reach the store (issue 16, ADR 0043): only last-access moves shorter than the interval are dropped. */
class ThrottledSessionTouchesTests {

    /** A map-backed store that counts its writes. */
    static final class CountingStore implements FindByIndexNameSessionRepository<MapSession> {
        final Map<String, MapSession> sessions = new HashMap<>();
        int writes;

        @Override
        public MapSession createSession() {
            return new MapSession();
        }

        @Override
        public void save(MapSession session) {
            writes++;
            sessions.put(session.getId(), new MapSession(session));
        }

        @Override
        public MapSession findById(String id) {
            MapSession stored = sessions.get(id);
            return stored == null ? null : new MapSession(stored);
        }

        @Override
        public void deleteById(String id) {
            sessions.remove(id);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }

    final CountingStore store = new CountingStore();
    final ThrottledSessionTouches sessions = new ThrottledSessionTouches(store, Duration.ofSeconds(60));

    @Test
    void a_new_session_is_written_and_a_mere_touch_within_the_interval_is_not() {
        var created = sessions.createSession();
        Instant t0 = created.getLastAccessedTime();
        sessions.save(created);
        assertThat(store.writes).isEqualTo(1);

        var read = sessions.findById(created.getId());
        read.setLastAccessedTime(t0.plusSeconds(59));
        sessions.save(read);
        assertThat(store.writes).as("touch after 59 s").isEqualTo(1);
        assertThat(store.sessions.get(created.getId()).getLastAccessedTime()).isEqualTo(t0);

        read = sessions.findById(created.getId());
        read.setLastAccessedTime(t0.plusSeconds(60));
        sessions.save(read);
        assertThat(store.writes).as("touch after 60 s").isEqualTo(2);
        assertThat(store.sessions.get(created.getId()).getLastAccessedTime()).isEqualTo(t0.plusSeconds(60));
    }

    @Test
    void any_other_change_is_written_at_once() {
        var created = sessions.createSession();
        sessions.save(created);
        Instant t0 = created.getLastAccessedTime();

        var withAttribute = sessions.findById(created.getId());
        withAttribute.setLastAccessedTime(t0.plusSeconds(1));
        withAttribute.setAttribute("SPRING_SECURITY_CONTEXT", "context");
        sessions.save(withAttribute);
        assertThat(store.writes).isEqualTo(2);
        assertThat((String) store.sessions.get(created.getId()).getAttribute("SPRING_SECURITY_CONTEXT"))
                .isEqualTo("context");

        var removed = sessions.findById(created.getId());
        removed.removeAttribute("SPRING_SECURITY_CONTEXT");
        sessions.save(removed);
        assertThat(store.writes).isEqualTo(3);

        var newTimeout = sessions.findById(created.getId());
        newTimeout.setMaxInactiveInterval(Duration.ofMinutes(5));
        sessions.save(newTimeout);
        assertThat(store.writes).isEqualTo(4);

        var sameTimeout = sessions.findById(created.getId());
        sameTimeout.setMaxInactiveInterval(Duration.ofMinutes(5));
        sessions.save(sameTimeout);
        assertThat(store.writes).as("the same timeout again is no change").isEqualTo(4);
    }
}
