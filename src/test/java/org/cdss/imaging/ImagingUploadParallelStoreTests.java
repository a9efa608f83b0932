package org.cdss.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.cdss.shared.DomainException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

/**
 * The files of a batch are stored {@code parallel-stores} at a time and no more (ADR 0053), and the outcomes still
 * come back one per file in the tar's order, a refused entry and a cut tar in their places; each reports what the
 * archive answered for that file, also when the archive goes down under the batch. Unit test: the archive is a fake
 * whose first byte of each file says how long to take and what to answer; access check and study registration are
 * mocks.
 */
class ImagingUploadParallelStoreTests {

    private static final int SIZE = 10_000;
    private static final UUID PATIENT = UUID.randomUUID();

    private final ImageArchive archive = mock(ImageArchive.class);
    private final StudyLinking linking = mock(StudyLinking.class);
    private final List<ImagingUploads> made = new ArrayList<>();
    private final AtomicInteger storing = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    @AfterEach
    void stop() {
        made.forEach(ImagingUploads::destroy);
    }

    private ImagingUploads uploads(int parallelStores) {
        ImagingUploads uploads = new ImagingUploads(
                archive,
                linking,
                mock(ImagingAccess.class),
                DataSize.ofBytes(SIZE),
                DataSize.ofMegabytes(100),
                1000,
                100,
                parallelStores);
        made.add(uploads);
        return uploads;
    }

    /** File {@code i}: its first byte is {@code i}. */
    private static byte[] file(int i) {
        byte[] data = new byte[SIZE];
        data[0] = (byte) i;
        return data;
    }

    /** The fake archive: each store takes {@code millis(i)} and answers {@code answer(i)}. */
    private void archive(java.util.function.IntUnaryOperator millis, java.util.function.IntFunction<Object> answer) {
        when(archive.configured()).thenReturn(true);
        when(archive.store(any(byte[].class))).thenAnswer(call -> {
            int i = ((byte[]) call.getArgument(0))[0];
            mostAtOnce.accumulateAndGet(storing.incrementAndGet(), Math::max);
            try {
                Thread.sleep(millis.applyAsInt(i));
            } finally {
                storing.decrementAndGet();
            }
            Object outcome = answer.apply(i);
            if (outcome instanceof RuntimeException e) {
                throw e;
            }
            return outcome;
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void stores_that_many_at_once_and_keeps_the_tar_order(int parallelStores) {
        // later files answer sooner: without the ordering their outcomes would come back reversed
        archive(
                i -> 60 - 5 * i,
                i -> new ImageArchive.StoreOutcome(ImageArchive.StoreStatus.REFUSED, null, "seen-" + i));
        List<Object> entries = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            entries.add("f" + i + ".dcm");
            entries.add(file(i));
            expected.add("f" + i + ".dcm:seen-" + i);
            if (i == 4) {
                entries.add("big.dcm");
                entries.add(new byte[SIZE + 1]);
                expected.add("big.dcm:too-large");
            }
        }
        byte[] whole = ImagingTestData.tar(entries.toArray());
        // cut inside a last file's bytes: the batch ends there with batch-broken, after every earlier outcome
        byte[] tar = java.util.Arrays.copyOf(whole, whole.length - 1024 + 512 + 100);
        System.arraycopy(ImagingTestData.tarHeader("cut.dcm", SIZE), 0, tar, whole.length - 1024, 512);
        expected.add("cut.dcm:batch-broken");

        ImagingUploads.UploadResult result =
                uploads(parallelStores).upload(PATIENT, "batch.tar", new ByteArrayInputStream(tar), -1);

        assertThat(result.files().stream().map(f -> f.file() + ":" + f.reason()))
                .containsExactlyElementsOf(expected);
        assertThat(mostAtOnce.get()).as("stores at once").isEqualTo(parallelStores);
        assertThat(storing.get()).as("stores still running after the answer").isZero();
    }

    @Test
    void the_archive_down_at_the_first_file_while_the_second_was_stored_reports_each_as_it_went() {
        UUID studyId = UUID.randomUUID();
        ImageArchive.StudyInfo study = new ImageArchive.StudyInfo("o-1", "1.2.3", "MRN-1", "", "", null, "MR");
        when(linking.seen(eq(study), eq(PATIENT)))
                .thenReturn(new StudyRecords.StudyRow(
                        studyId,
                        "1.2.3",
                        "o-1",
                        "MRN-1",
                        null,
                        null,
                        null,
                        StudyRecords.LinkStatus.LINKED,
                        PATIENT,
                        null,
                        null,
                        Instant.now(),
                        0));
        // file 0 fails late (Orthanc gone), file 1 was stored before that, file 2 finds the archive down
        archive(
                i -> i == 0 ? 80 : 5,
                i -> i == 1
                        ? new ImageArchive.StoreOutcome(ImageArchive.StoreStatus.STORED, study, null)
                        : new ImageArchive.ArchiveUnavailable("gone", null));
        byte[] tar = ImagingTestData.tar("a.dcm", file(0), "b.dcm", file(1), "c.dcm", file(2));

        ImagingUploads.UploadResult result = uploads(2).upload(PATIENT, "batch.tar", new ByteArrayInputStream(tar), -1);

        assertThat(result.files().stream().map(f -> f.file() + ":" + f.status() + ":" + f.reason()))
                .containsExactly(
                        "a.dcm:REFUSED:pacs-unavailable", "b.dcm:STORED:null", "c.dcm:REFUSED:pacs-unavailable");
        assertThat(result.files().get(1).studyId()).isEqualTo(studyId);
        assertThat(result.stored()).isEqualTo(1);
    }

    @Test
    void the_archive_down_before_anything_was_stored_refuses_the_whole_upload_and_waits_for_its_stores() {
        archive(i -> i == 0 ? 10 : 60, i -> new ImageArchive.ArchiveUnavailable("gone", null));
        byte[] tar = ImagingTestData.tar("a.dcm", file(0), "b.dcm", file(1), "c.dcm", file(2));

        assertThatThrownBy(() -> uploads(2).upload(PATIENT, "batch.tar", new ByteArrayInputStream(tar), -1))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.problem()).isEqualTo(ImagingProblem.PACS_UNAVAILABLE));
        assertThat(storing.get()).as("stores still running after the answer").isZero();
    }
}
