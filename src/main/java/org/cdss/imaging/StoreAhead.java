package org.cdss.imaging;

import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * The files of an upload stored one at a time, each while the request thread reads the next one (ADR 0045): what a
 * streaming proxy does with the two hops, browser → CDSS and CDSS → Orthanc. Never more than two files held (the one
 * being stored, the one being read), never two stores at once (Orthanc sees the load of a client sending file after
 * file), and the outcomes handed over in the order of the files, on the caller's thread.
 */
final class StoreAhead implements AutoCloseable {

    /** Where the outcome of each file goes, in order; null when the archive could not be reached. */
    interface Sink {
        void stored(String file, ImageArchive.@Nullable StoreOutcome outcome);
    }

    /** A thread per store (virtual: it waits on Orthanc's answer); the caller waits for each before the next. */
    private static final ExecutorService STORES = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("orthanc-store-", 0).factory());

    private record Pending(String file, Spooled spooled, Future<ImageArchive.StoreOutcome> outcome) {}

    private final ImageArchive archive;
    private final Sink sink;
    private @Nullable Pending pending;

    StoreAhead(ImageArchive archive, Sink sink) {
        this.archive = archive;
        this.sink = sink;
    }

    /** Hands over the previous file's outcome, then starts storing this one; the caller may read the next meanwhile. */
    void store(String file, Spooled spooled) {
        try {
            flush();
        } catch (RuntimeException | Error e) {
            spooled.discard();
            throw e;
        }
        pending = new Pending(file, spooled, STORES.submit(() -> spooled.storeIn(archive)));
    }

    /** Waits for the file being stored, if any, and hands over its outcome. */
    void flush() {
        Pending p = pending;
        if (p == null) {
            return;
        }
        pending = null;
        try {
            ImageArchive.StoreOutcome outcome;
            try {
                outcome = p.outcome().get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ImageArchive.ArchiveUnavailable) {
                    sink.stored(p.file(), null);
                    return;
                }
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new InterruptedIOException("interrupted while storing " + p.file()));
            }
            sink.stored(p.file(), outcome);
        } finally {
            p.spooled().discard();
        }
    }

    /**
     * On the way out after a failure (a cut request, a refused upload): the store under way ends (it is whole or
     * nothing in Orthanc, and storing twice is harmless), its outcome is dropped, its temporary file removed.
     */
    @Override
    public void close() {
        Pending p = pending;
        if (p == null) {
            return;
        }
        pending = null;
        try {
            p.outcome().get();
        } catch (ExecutionException ignored) {
            // the upload has already failed; this file's failure adds nothing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            p.spooled().discard();
        }
    }
}
