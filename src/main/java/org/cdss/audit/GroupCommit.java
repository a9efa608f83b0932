package org.cdss.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Durable audit appends that share their commit with whoever appends at the same moment (group commit, ADR 0054).
 *
 * <p>Each caller queues its rows. If no commit is being written, it leads: it takes every row queued so far and
 * writes them in one transaction; otherwise it waits. When a commit ends, its leader wakes each caller it wrote for,
 * and the first caller that queued meanwhile leads the next commit, for all that queued meanwhile. Waiting callers are
 * woken directly, not by taking a lock one after another (that convoy, measured, made reads slower under load than
 * one commit each). So every caller still returns only after its rows are committed (what {@link AuditLog} promises:
 * the trail exists when the request answers), but under load one commit covers many requests instead of one each: on
 * the embedded H2 default a commit writes a chunk of every changed page, and that, not the insert, is what an audited
 * read paid for.
 *
 * <p>No thread of its own and nothing held between calls: nothing to lose on shutdown. A group write refused for its
 * data (a constraint) is retried caller by caller, so that one bad row fails only its own request; any other failure
 * (the database down) is every caller's at once.
 */
final class GroupCommit {

    /** The rows of one caller, and what became of them; {@link #settled} opens when they are written or failed, or
     * when this caller is to lead the next commit. */
    private static final class Pending {
        final List<Map<String, Object>> rows;
        final CountDownLatch settled = new CountDownLatch(1);
        boolean written;
        /** Set by the leader that hands the next commit to this caller. */
        boolean leads;

        @Nullable
        RuntimeException failure;

        Pending(List<Map<String, Object>> rows) {
            this.rows = rows;
        }
    }

    private final ReentrantLock guard = new ReentrantLock();
    /** Callers whose rows no commit has taken yet; guarded by {@link #guard}. */
    private final ArrayDeque<Pending> queued = new ArrayDeque<>();
    /** Whether a caller is writing a commit now; guarded by {@link #guard}. */
    private boolean committing;

    private final Consumer<List<Map<String, Object>>> writeTogether;

    /** @param writeTogether writes the rows in one transaction, or throws and writes none */
    GroupCommit(Consumer<List<Map<String, Object>>> writeTogether) {
        this.writeTogether = writeTogether;
    }

    /** Returns once the rows are committed (perhaps together with other callers' rows); throws if they could not be. */
    void append(List<Map<String, Object>> rows) {
        Pending mine = new Pending(rows);
        boolean leads;
        guard.lock();
        try {
            queued.add(mine);
            leads = !committing;
            committing = true;
        } finally {
            guard.unlock();
        }
        if (!leads) {
            // woken by the commit that wrote our rows, or to lead the next one; never by taking a lock in turn
            // (not interruptible: a caller promoted to lead must lead, or those queued behind it would wait forever)
            awaitUninterruptibly(mine.settled);
            leads = mine.leads; // set before the latch opened
        }
        if (leads) {
            commitQueued();
        }
        RuntimeException failure = mine.failure;
        if (failure != null) {
            throw failure;
        }
    }

    /** Callers whose rows no commit has taken yet. */
    int queued() {
        guard.lock();
        try {
            return queued.size();
        } finally {
            guard.unlock();
        }
    }

    /** As the leader: writes every queued caller's rows (ours among them), wakes them, hands on to a next leader. */
    private void commitQueued() {
        List<Pending> group;
        guard.lock();
        try {
            group = new ArrayList<>(queued);
            queued.clear();
        } finally {
            guard.unlock();
        }
        try {
            write(group);
        } finally {
            for (Pending p : group) {
                if (!p.written && p.failure == null) {
                    // the write ended by an Error: none of these callers may return as if its rows were stored
                    p.failure = new IllegalStateException("audit rows not written");
                }
            }
            guard.lock();
            try {
                Pending next = queued.peek();
                if (next == null) {
                    committing = false;
                } else {
                    // callers that came while we wrote: the first of them leads their commit
                    next.leads = true;
                    next.settled.countDown();
                }
            } finally {
                guard.unlock();
            }
            group.forEach(p -> p.settled.countDown());
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(List<Pending> group) {
        List<Map<String, Object>> rows = new ArrayList<>();
        group.forEach(p -> rows.addAll(p.rows));
        try {
            writeTogether.accept(rows);
            group.forEach(p -> p.written = true);
        } catch (RuntimeException groupFailed) {
            if (group.size() == 1 || !(groupFailed instanceof DataIntegrityViolationException)) {
                // the database refused the commit itself (down, no connection in time): every caller's answer is
                // this failure, at once; trying again caller by caller would make the last wait once per caller
                group.forEach(p -> p.failure = groupFailed);
                return;
            }
            // one caller's bad row must not fail the others: each on its own
            for (Pending p : group) {
                try {
                    writeTogether.accept(p.rows);
                    p.written = true;
                } catch (RuntimeException failed) {
                    p.failure = failed;
                }
            }
        }
    }
}
