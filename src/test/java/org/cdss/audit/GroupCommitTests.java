package org.cdss.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * ADR 0054: callers that append while a commit is running share the next one; each returns only once its own rows
 * are written; one caller's bad row fails that caller alone; a database that is down fails the whole group at once.
 */
class GroupCommitTests {

    /** A stand-in for the database: what each commit wrote, the first commit held until released. */
    static final class Store {
        final List<List<String>> commits = Collections.synchronizedList(new ArrayList<>());
        final Set<String> written = ConcurrentHashMap.newKeySet();
        final CountDownLatch firstStarted = new CountDownLatch(1);
        final CountDownLatch releaseFirst = new CountDownLatch(1);
        final AtomicInteger writes = new AtomicInteger();
        volatile boolean down;

        void write(List<Map<String, Object>> rows) {
            List<String> ids = rows.stream().map(r -> (String) r.get("id")).toList();
            writes.incrementAndGet();
            if (ids.contains("bad")) {
                throw new DataIntegrityViolationException("value too long");
            }
            if (down) {
                throw new DataAccessResourceFailureException("database down");
            }
            if (commits.isEmpty()) {
                firstStarted.countDown();
                await(releaseFirst);
            }
            commits.add(ids);
            written.addAll(ids);
        }
    }

    @Test
    void callers_arriving_during_a_commit_share_the_next_one_and_return_after_their_rows_are_written()
            throws Exception {
        Store store = new Store();
        GroupCommit group = new GroupCommit(store::write);
        int callers = 12;
        try (ExecutorService threads = Executors.newFixedThreadPool(callers + 1)) {
            Future<Boolean> first = threads.submit(() -> appendAndCheck(group, store, "first"));
            assertThat(store.firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<Boolean>> others = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                String id = "row-" + i;
                others.add(threads.submit(() -> appendAndCheck(group, store, id)));
            }
            // all of them queued behind the running commit
            awaitQueued(group, callers);
            store.releaseFirst.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
            for (Future<Boolean> f : others) {
                assertThat(f.get(10, TimeUnit.SECONDS))
                        .as("its rows were written when it returned")
                        .isTrue();
            }
        }
        // the first commit, then one for the twelve that waited behind it
        assertThat(store.commits).hasSize(2);
        assertThat(store.commits.get(1)).hasSize(callers);
        assertThat(store.commits.stream().mapToInt(List::size).sum()).isEqualTo(callers + 1);
        assertThat(store.written).hasSize(callers + 1);
    }

    @Test
    void a_bad_row_in_a_shared_commit_fails_its_own_caller_only() throws Exception {
        Store store = new Store();
        GroupCommit group = new GroupCommit(store::write);
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            Future<Boolean> first = threads.submit(() -> appendAndCheck(group, store, "first"));
            assertThat(store.firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Boolean> good1 = threads.submit(() -> appendAndCheck(group, store, "good-1"));
            Future<Boolean> bad = threads.submit(() -> appendAndCheck(group, store, "bad"));
            Future<Boolean> good2 = threads.submit(() -> appendAndCheck(group, store, "good-2"));
            awaitQueued(group, 3);
            store.releaseFirst.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(good1.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(good2.get(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(DataIntegrityViolationException.class)
                    .hasMessageContaining("value too long");
        }
        assertThat(store.written).containsExactlyInAnyOrder("first", "good-1", "good-2");
    }

    @Test
    void a_caller_alone_gets_its_failure() {
        Store store = new Store();
        store.releaseFirst.countDown();
        GroupCommit group = new GroupCommit(store::write);
        assertThatThrownBy(() -> group.append(List.of(Map.of("id", "bad"))))
                .isInstanceOf(DataIntegrityViolationException.class);
        group.append(List.of(Map.of("id", "next")));
        assertThat(store.written).containsExactly("next");
    }

    @Test
    void a_database_down_fails_every_caller_of_the_commit_at_once_without_a_try_each() throws Exception {
        Store store = new Store();
        GroupCommit group = new GroupCommit(store::write);
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            Future<Boolean> first = threads.submit(() -> appendAndCheck(group, store, "first"));
            assertThat(store.firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<Boolean>> waiting = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String id = "row-" + i;
                waiting.add(threads.submit(() -> appendAndCheck(group, store, id)));
            }
            awaitQueued(group, 3);
            store.down = true;
            store.releaseFirst.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isTrue(); // its commit had passed the check before
            for (Future<Boolean> f : waiting) {
                assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(DataAccessResourceFailureException.class);
            }
        }
        // the first commit, then one try for the three behind it: none again one by one
        assertThat(store.writes.get()).isEqualTo(2);
        assertThat(store.written).containsExactly("first");
    }

    private static boolean appendAndCheck(GroupCommit group, Store store, String id) {
        group.append(List.of(Map.of("id", id)));
        return store.written.contains(id);
    }

    /** Waits until that many callers queued behind the held commit, and fails if they do not. */
    private static void awaitQueued(GroupCommit group, int callers) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (group.queued() < callers && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(group.queued())
                .as("callers queued behind the running commit")
                .isEqualTo(callers);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
