package org.cdss.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.cdss.patients.PatientSummaryView;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The change feed and an upload seeing the same new study at the same moment (both call {@link StudyLinking#seen}):
 * one row, both callers get it, no error — on each database. Before, the loser re-read the row inside its failed
 * transaction: PostgreSQL had aborted it and MariaDB's repeatable-read snapshot predated the winner's row, so the
 * upload answered 500 (seen in CI on MariaDB with the pydicom corpus). Many new studies, two threads released
 * together on each (the feed, and an upload for the patient whose MRN the study carries), so the insert race is met
 * many times; whichever side won, the study ends linked to that patient.
 */
@IntegrationTest
class StudyLinkingRaceIntegrationTests {

    private static final int STUDIES = 40;

    @Autowired
    StudyLinking linking;

    @Autowired
    StudyRecords records;

    @Autowired
    TestUsers users;

    @Test
    void the_same_new_study_seen_twice_at_once_is_one_row_for_both() throws Exception {
        PatientSummaryView owner = users.patient("경합 환자");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < STUDIES; i++) {
                String uid = OrderAccessions.uidOf(UUID.randomUUID());
                ImageArchive.StudyInfo info =
                        new ImageArchive.StudyInfo("race-" + i, uid, owner.mrn(), "", "race", null, "MR");
                CyclicBarrier together = new CyclicBarrier(2);
                CompletableFuture<StudyRecords.StudyRow> feed = CompletableFuture.supplyAsync(
                        () -> {
                            await(together);
                            return linking.seen(info, null);
                        },
                        pool);
                CompletableFuture<StudyRecords.StudyRow> upload = CompletableFuture.supplyAsync(
                        () -> {
                            await(together);
                            return linking.seen(info, owner.id());
                        },
                        pool);
                StudyRecords.StudyRow a = feed.handle((row, e) -> e == null ? row : fail(problems, e))
                        .get();
                StudyRecords.StudyRow b = upload.handle((row, e) -> e == null ? row : fail(problems, e))
                        .get();
                if (a == null || b == null) {
                    continue;
                }
                assertThat(a.id()).as("one row for study " + i).isEqualTo(b.id());
                StudyRecords.StudyRow stored = records.byUid(uid).orElseThrow();
                assertThat(stored.id()).isEqualTo(a.id());
                // the DICOM PatientID names the owner: linked to the owner, whoever inserted first
                assertThat(stored.linkStatus()).isEqualTo(StudyRecords.LinkStatus.LINKED);
                assertThat(stored.patientId()).isEqualTo(owner.id());
            }
            assertThat(problems).as("errors of seen() under the race").isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    private static StudyRecords.StudyRow fail(List<String> problems, Throwable e) {
        synchronized (problems) {
            problems.add(e.toString());
        }
        return null;
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
