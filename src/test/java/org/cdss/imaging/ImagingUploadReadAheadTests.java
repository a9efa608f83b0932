package org.cdss.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * A batch's files are stored one at a time while the next one is read from the request, and no further (ADR 0045):
 * while file i is stored, the request has been read to the end of file i + 1 and not a byte beyond; the outcomes
 * come back one per file, in the tar's order, a refused entry and a cut tar in their places. Unit test: the archive
 * is a fake that watches how far the request was read; the access check and the study registration are mocks (no
 * file here reaches a study).
 */
class ImagingUploadReadAheadTests {

    private static final int FILES = 10;
    private static final int SIZE = 100_000;

    private final ImageArchive archive = mock(ImageArchive.class);
    private final ImagingUploads uploads = new ImagingUploads(
            archive,
            mock(StudyLinking.class),
            mock(ImagingAccess.class),
            DataSize.ofBytes(SIZE),
            DataSize.ofMegabytes(100),
            1000,
            100);

    /** The request body, counting the bytes read from it. */
    private static final class Counting extends FilterInputStream {
        final AtomicLong read = new AtomicLong();

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                read.addAndGet(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws java.io.IOException {
            long skipped = super.skip(n); // the tar's padding
            read.addAndGet(skipped);
            return skipped;
        }
    }

    @Test
    void storesWhileReadingTheNextFileOnlyAndKeepsTheOrder() throws Exception {
        // files 0..9, one too large (refused without a store) between 4 and 5; the tar cut inside a last file
        List<Object> entries = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            byte[] data = new byte[SIZE];
            Arrays.fill(data, (byte) i);
            entries.add("f" + i + ".dcm");
            entries.add(data);
            if (i == 4) {
                entries.add("big.dcm");
                entries.add(new byte[SIZE + 1]);
            }
        }
        byte[] whole = ImagingTestData.tar(entries.toArray());
        byte[] tar = Arrays.copyOf(whole, whole.length - 1024 + 512 + 1000);
        System.arraycopy(ImagingTestData.tarHeader("cut.dcm", SIZE), 0, tar, whole.length - 1024, 512);
        // how far the request may be read while file i is stored: to the end of file i + 1; for file 4, to the end
        // of big.dcm's header (its refusal waits for file 4's outcome); for the last, to the end of the cut tar
        long[] readAhead = new long[FILES];
        long at = 0;
        long[] end = new long[FILES];
        for (int i = 0; i < FILES; i++) {
            at += 512 + SIZE;
            end[i] = at;
            at += (512 - SIZE % 512) % 512;
            if (i == 4) {
                readAhead[4] = at + 512;
                at += 512 + SIZE + 1 + (512 - (SIZE + 1) % 512) % 512;
            }
        }
        for (int i = 0; i < FILES; i++) {
            if (i != 4) {
                readAhead[i] = i + 1 < FILES ? end[i + 1] : tar.length;
            }
        }
        Counting body = new Counting(new ByteArrayInputStream(tar));
        AtomicInteger storing = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        ConcurrentHashMap<Integer, Long> readWhileStoring = new ConcurrentHashMap<>();
        when(archive.configured()).thenReturn(true);
        when(archive.store(any(byte[].class))).thenAnswer(call -> {
            byte[] data = call.getArgument(0);
            int i = data[0];
            mostAtOnce.accumulateAndGet(storing.incrementAndGet(), Math::max);
            try {
                if (data.length != SIZE) {
                    problems.add("file " + i + " has " + data.length + " bytes");
                }
                long next = readAhead[i];
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (body.read.get() < next && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                Thread.sleep(20); // time to read further, were it allowed
                readWhileStoring.put(i, body.read.get());
            } finally {
                storing.decrementAndGet();
            }
            return new ImageArchive.StoreOutcome(ImageArchive.StoreStatus.REFUSED, null, "seen-" + i);
        });

        ImagingUploads.UploadResult result = uploads.upload(UUID.randomUUID(), "batch.tar", body, -1);

        assertThat(problems).isEmpty();
        assertThat(mostAtOnce.get()).as("stores at once").isEqualTo(1);
        for (int i = 0; i < FILES; i++) {
            assertThat(readWhileStoring.get(i))
                    .as("read while storing file " + i)
                    .isEqualTo(readAhead[i]);
        }
        List<String> outcomes =
                result.files().stream().map(f -> f.file() + ":" + f.reason()).toList();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            expected.add("f" + i + ".dcm:seen-" + i);
            if (i == 4) {
                expected.add("big.dcm:too-large");
            }
        }
        expected.add("cut.dcm:batch-broken");
        assertThat(outcomes).containsExactlyElementsOf(expected);
    }
}
