package org.cdss.imaging;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A tar stream (POSIX ustar, GNU long names) read entry by entry as it arrives, nothing buffered beyond one
 * 512-byte header: the container of a batch upload, which the browser builds from the chosen files without reading
 * them (ADR 0045). Tar rather than multipart: multipart parsing stays off in the whole application (issue 10), and
 * tar is framed by sizes announced up front, so a part's end needs no boundary search. Only regular files come out;
 * other entries (directories, links, pax headers) are skipped.
 */
final class TarStream {

    private static final int BLOCK = 512;
    /** The longest GNU long name accepted (a file name, not a payload). */
    private static final int MAX_LONG_NAME = 4096;

    /** One regular file of the tar: its path and its announced size. */
    record Entry(String name, long size) {}

    /** The stream is not a tar, or ends inside an entry. */
    static final class Broken extends IOException {
        Broken(String message) {
            super(message, null);
        }
    }

    private final InputStream in;
    private long remaining;
    private long padding;

    TarStream(InputStream in) {
        this.in = in;
    }

    /** The next regular file (the rest of the current one skipped), or null at the end of the archive. */
    @Nullable
    Entry next() throws IOException {
        skipFully(remaining + padding);
        remaining = 0;
        padding = 0;
        String longName = null;
        while (true) {
            byte[] header = in.readNBytes(BLOCK);
            if (header.length == 0 || (header.length == BLOCK && zero(header))) {
                return null;
            }
            if (header.length < BLOCK || !checksumOk(header)) {
                throw new Broken("not a tar header");
            }
            long size = octal(header, 124, 12);
            long pad = (BLOCK - size % BLOCK) % BLOCK;
            byte type = header[156];
            if (type == 'L') {
                if (size > MAX_LONG_NAME) {
                    throw new Broken("long name too long");
                }
                byte[] name = in.readNBytes((int) size);
                if (name.length < size) {
                    throw new Broken("cut in a long name");
                }
                skipFully(pad);
                longName = cString(name, 0, name.length);
            } else if (type == '0' || type == 0 || type == '7') {
                remaining = size;
                padding = pad;
                return new Entry(longName != null ? longName : ustarName(header), size);
            } else {
                skipFully(size + pad);
                longName = null;
            }
        }
    }

    /** The current entry's bytes: ends with the entry, and closing it leaves the tar open. */
    InputStream data() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (remaining == 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, remaining));
                if (n < 0) {
                    throw new Broken("cut inside an entry");
                }
                remaining -= n;
                return n;
            }
        };
    }

    private void skipFully(long n) throws IOException {
        try {
            in.skipNBytes(n);
        } catch (EOFException e) {
            throw new Broken("cut inside an entry");
        }
    }

    private static boolean zero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** The header's checksum: the sum of its bytes, the checksum field counted as spaces (unsigned, as POSIX says). */
    private static boolean checksumOk(byte[] header) throws Broken {
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : header[i] & 0xff;
        }
        return sum == octal(header, 148, 8);
    }

    /** An octal number field (leading spaces or NULs, ended by a space or NUL); base-256 sizes are not taken. */
    private static long octal(byte[] header, int offset, int length) throws Broken {
        long value = 0;
        int i = offset;
        int end = offset + length;
        while (i < end && (header[i] == ' ' || header[i] == 0)) {
            i++;
        }
        for (; i < end && header[i] != ' ' && header[i] != 0; i++) {
            if (header[i] < '0' || header[i] > '7' || value > (Long.MAX_VALUE >> 3)) {
                throw new Broken("bad number in a tar header");
            }
            value = (value << 3) + (header[i] - '0');
        }
        return value;
    }

    private static String ustarName(byte[] header) {
        String name = cString(header, 0, 100);
        boolean ustar = header[257] == 'u' && header[258] == 's' && header[259] == 't' && header[260] == 'a';
        String prefix = ustar ? cString(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }
}
