package org.cdss.imaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One uploaded file on its way to the archive: in memory when small, else in a temporary file (never whole in the heap). */
record Spooled(byte @Nullable [] bytes, @Nullable Path file, long size) {

    /** Files up to this size are held in memory on their way to the archive; larger ones go to a temporary file. */
    static final int IN_MEMORY = 4 * 1024 * 1024;

    ImageArchive.StoreOutcome storeIn(ImageArchive archive) {
        return bytes != null ? archive.store(bytes) : archive.store(Objects.requireNonNull(file));
    }

    void discard() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind is removed with the temp folder
            }
        }
    }

    /** The stream read within {@code limit}: in memory up to {@link #IN_MEMORY}, then spooled; null above the limit. */
    static @Nullable Spooled spool(InputStream in, long limit) {
        try {
            ByteArrayOutputStream memory = new ByteArrayOutputStream(256 * 1024);
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buf)) >= 0) {
                total += n;
                if (total > limit) {
                    return null;
                }
                memory.write(buf, 0, n);
                if (memory.size() > IN_MEMORY) {
                    return toFile(memory, in, total, limit);
                }
            }
            return new Spooled(memory.toByteArray(), null, total);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static @Nullable Spooled toFile(ByteArrayOutputStream head, InputStream in, long read, long limit)
            throws IOException {
        Path file = Files.createTempFile("cdss-imaging-", ".part");
        boolean ok = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            head.writeTo(out);
            byte[] buf = new byte[64 * 1024];
            long total = read;
            int n;
            while ((n = in.read(buf)) >= 0) {
                total += n;
                if (total > limit) {
                    return null;
                }
                out.write(buf, 0, n);
            }
            ok = true;
            return new Spooled(null, file, total);
        } finally {
            if (!ok) {
                Files.deleteIfExists(file);
            }
        }
    }
}
