package org.cdss.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The change feed goes past a change it cannot handle (unit test: the archive and the records are mocks). */
class ChangeFeedTests {

    private final ImageArchive archive = mock(ImageArchive.class);
    private final StudyRecords records = mock(StudyRecords.class);
    private final StudyLinking linking = mock(StudyLinking.class);
    private final ChangeFeed feed = new ChangeFeed(
            archive, records, linking, new TransactionTemplate(mock(PlatformTransactionManager.class)), 200);

    private static ImageArchive.StudyInfo info(String id, String uid) {
        return new ImageArchive.StudyInfo(id, uid, "MRN1", "", "", null, "CT");
    }

    @Test
    void aFailingChangeIsSkippedAndTheCursorAdvances() {
        when(records.cursor("A")).thenReturn(Optional.of(10L));
        when(records.lockCursor("A")).thenReturn(10L);
        when(archive.changes(10L, 200))
                .thenReturn(new ImageArchive.Changes(
                        List.of(
                                new ImageArchive.Change(11, "NewStudy", "bad"),
                                new ImageArchive.Change(12, "NewStudy", "long"),
                                new ImageArchive.Change(13, "NewStudy", "good")),
                        13,
                        true));
        ImageArchive.StudyInfo bad = info("bad", "1.2.3");
        ImageArchive.StudyInfo good = info("good", "1.2.4");
        when(archive.study("bad")).thenReturn(Optional.of(bad));
        when(archive.study("long")).thenReturn(Optional.of(info("long", "1." + "2".repeat(70))));
        when(archive.study("good")).thenReturn(Optional.of(good));
        when(linking.seen(eq(bad), isNull())).thenThrow(new IllegalStateException("value too long"));

        feed.step("A");

        verify(linking).seen(eq(good), isNull());
        verify(linking, never()).seen(eq(info("long", "1." + "2".repeat(70))), any());
        verify(records).saveCursor("A", 13);
    }

    @Test
    void anUnavailableArchiveStopsTheBatchWithoutMovingTheCursor() {
        when(records.cursor("A")).thenReturn(Optional.of(10L));
        when(records.lockCursor("A")).thenReturn(10L);
        when(archive.changes(10L, 200))
                .thenReturn(new ImageArchive.Changes(List.of(new ImageArchive.Change(11, "NewStudy", "x")), 11, true));
        when(archive.study("x")).thenThrow(new ImageArchive.ArchiveUnavailable("down", null));
        assertThatThrownBy(() -> feed.step("A")).isInstanceOf(ImageArchive.ArchiveUnavailable.class);
        verify(records, never()).saveCursor("A", 11);
    }

    /** No pooled connection for the study's row (or a deadlock): the study would be lost if the cursor moved on. */
    @Test
    void anUnavailableDatabaseStopsTheBatchWithoutMovingTheCursor() {
        when(records.cursor("A")).thenReturn(Optional.of(10L));
        when(records.lockCursor("A")).thenReturn(10L);
        when(archive.changes(10L, 200))
                .thenReturn(new ImageArchive.Changes(
                        List.of(
                                new ImageArchive.Change(11, "NewStudy", "x"),
                                new ImageArchive.Change(12, "NewStudy", "y")),
                        12,
                        true));
        ImageArchive.StudyInfo x = info("x", "1.2.5");
        when(archive.study("x")).thenReturn(Optional.of(x));
        when(linking.seen(eq(x), isNull()))
                .thenThrow(new org.springframework.jdbc.CannotGetJdbcConnectionException("pool exhausted"));

        assertThatThrownBy(() -> feed.step("A"))
                .isInstanceOf(org.springframework.dao.DataAccessResourceFailureException.class);
        verify(records, never()).saveCursor(eq("A"), org.mockito.ArgumentMatchers.anyLong());
        verify(archive, never()).study("y");
    }

    @Test
    void aCursorMovedMeanwhileByAnotherInstanceIsNotOverwritten() {
        when(records.cursor("A")).thenReturn(Optional.of(10L));
        when(records.lockCursor("A")).thenReturn(20L);
        when(archive.changes(10L, 200))
                .thenReturn(new ImageArchive.Changes(List.of(new ImageArchive.Change(11, "NewStudy", "x")), 11, true));

        assertThat(feed.step("A")).isTrue();

        verify(archive, never()).study(any());
        verify(records, never()).saveCursor(any(), org.mockito.ArgumentMatchers.anyLong());
    }
}
