package org.cdss.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.cdss.patients.PatientSummaryView;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.Role;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Orthanc dying under CDSS, on an Orthanc of this test's own (started through {@link LocalOrthanc}'s constructor with
 * free ports and temporary storage, stopped at the end — the context's shared Orthanc is never stopped): stopped in
 * the middle of a zip upload (the files before are stored whole, the rest refused "pacs-unavailable", nothing
 * half-written; sending the zip again stores exactly the rest), and restarted while CDSS follows its change feed (the
 * batch that failed leaves the cursor where it was, so nothing is missed; after the restart every study is linked;
 * a restarted CDSS goes on from its persisted cursor without fetching a processed change again).
 */
@IntegrationTest
class ImagingArchiveFailureIntegrationTests {

    @Autowired
    TestUsers users;

    @Autowired
    JsonMapper json;

    @Autowired
    StudyLinking linking;

    @Autowired
    ImagingAccess access;

    @Autowired
    StudyRecords records;

    @Autowired
    TransactionTemplate tx;

    LocalOrthanc own;
    OrthancArchive archive;
    Path work;

    @BeforeEach
    void startOwnOrthanc() throws IOException {
        Modality.require();
        own = new LocalOrthanc(
                "",
                "",
                "",
                "/usr/sbin/Orthanc",
                "unused",
                true,
                0,
                0,
                "CDSS",
                List.of("STORESCU"),
                Duration.ofSeconds(20),
                json);
        assertThat(own.connection().available()).isTrue();
        archive = new OrthancArchive(
                own,
                json,
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                1,
                Duration.ofMillis(50),
                Duration.ofMillis(200));
        work = Files.createTempDirectory("cdss-failure-test");
    }

    @AfterEach
    void stopOwnOrthanc() {
        if (own != null) {
            own.stop();
        }
        if (work != null) {
            FileSystemUtils.deleteRecursively(work.toFile());
        }
    }

    @Test
    void orthanc_stopped_in_the_middle_of_an_upload_leaves_whole_files_and_a_clear_outcome() throws Exception {
        PatientSummaryView patient = users.patient("중단 업로드");
        String studyUid = OrderAccessions.uidOf(UUID.randomUUID());
        List<Path> slices = copies(40, studyUid, patient.mrn());
        byte[] zip = ImagingTestData.zip(slices, "study/");
        ImagingUploads uploads = new ImagingUploads(
                archive, linking, access, DataSize.ofMegabytes(8), DataSize.ofMegabytes(64), 20_000, 100, 2);
        AtomicBoolean stopped = new AtomicBoolean();
        // Orthanc stops when half of the zip has been read: the files before were stored, the next ones cannot be
        InputStream body = new FilterInputStream(new ByteArrayInputStream(zip)) {
            long read;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (read > zip.length / 2 && stopped.compareAndSet(false, true)) {
                    own.pause();
                }
                int n = super.read(b, off, len);
                read += Math.max(n, 0);
                return n;
            }
        };
        ImagingUploads.UploadResult result =
                asDoctor(() -> uploads.upload(patient.id(), "study.zip", body, zip.length));
        assertThat(stopped).isTrue();
        assertThat(result.stored()).as("stored before the stop").isBetween(5, 35);
        assertThat(result.duplicates()).isZero();
        assertThat(result.stored() + result.refused()).isEqualTo(40);
        assertThat(result.files().subList(result.stored(), 40))
                .allSatisfy(f -> assertThat(f.reason()).isEqualTo("pacs-unavailable"));

        own.restart();
        // nothing half-written: Orthanc holds exactly the files reported stored, each whole (it answers their series)
        List<ImageArchive.SeriesInfo> series = archive.series(studyUid);
        assertThat(series).hasSize(1);
        assertThat(series.getFirst().instanceCount()).isEqualTo(result.stored());
        assertThat(records.byUid(studyUid)).isPresent();

        // sending the same zip again stores exactly the rest
        ImagingUploads.UploadResult again =
                asDoctor(() -> uploads.upload(patient.id(), "study.zip", new ByteArrayInputStream(zip), zip.length));
        assertThat(again.duplicates()).isEqualTo(result.stored());
        assertThat(again.stored()).isEqualTo(40 - result.stored());
        assertThat(again.refused()).isZero();
        assertThat(archive.series(studyUid).getFirst().instanceCount()).isEqualTo(40);
    }

    @Test
    void orthanc_restarted_while_cdss_follows_its_change_feed_misses_and_repeats_nothing() throws Exception {
        PatientSummaryView patient = users.patient("변경 피드");
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            first.add(storeStudy(patient.mrn()));
        }
        // the archive as the feed sees it: Orthanc dies on the 3rd study it is asked about (in the middle of a batch)
        AtomicInteger studyCalls = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        List<Long> sinces = new CopyOnWriteArrayList<>();
        ImageArchive watched = watched(archive, (method, args) -> {
            if (method.equals("study") && studyCalls.incrementAndGet() == 3 && killed.compareAndSet(false, true)) {
                own.pause();
            }
            if (method.equals("changes")) {
                sinces.add((Long) args[0]);
            }
        });
        String id = archive.identity();
        records.ensureCursor(id);
        long before = records.cursor(id).orElseThrow();
        ChangeFeed feed = new ChangeFeed(watched, records, linking, tx, 50);
        feed.poll();
        assertThat(killed).isTrue();
        // the batch that failed was not committed: the cursor did not move past unprocessed changes
        assertThat(records.cursor(id)).contains(before);

        own.restart();
        feed.poll();
        long done = records.cursor(id).orElseThrow();
        assertThat(done).isGreaterThan(before);
        for (String uid : first) {
            StudyRecords.StudyRow row = records.byUid(uid).orElseThrow(() -> new AssertionError("missed " + uid));
            assertThat(row.patientId()).isEqualTo(patient.id());
        }

        // CDSS restarted (a new feed over the same database): it goes on from the persisted cursor
        sinces.clear();
        ChangeFeed restarted = new ChangeFeed(watched, records, linking, tx, 50);
        String later = storeStudy(patient.mrn());
        restarted.poll();
        assertThat(sinces).isNotEmpty();
        assertThat(sinces.getFirst()).as("no processed change fetched again").isEqualTo(done);
        assertThat(records.byUid(later)).isPresent();
        assertThat(records.byUid(later).orElseThrow().patientId()).isEqualTo(patient.id());
    }

    /** One slice of I-SPY2 as a new study of this patient (own Study and SOP Instance UIDs), stored in the own Orthanc. */
    private String storeStudy(String mrn) throws Exception {
        String uid = OrderAccessions.uidOf(UUID.randomUUID());
        Path copy = copies(1, uid, mrn).getFirst();
        assertThat(archive.store(copy).status()).isEqualTo(ImageArchive.StoreStatus.STORED);
        return uid;
    }

    private List<Path> copies(int count, String studyUid, String mrn) throws Exception {
        Path dir = Files.createTempDirectory(work, "study");
        List<String> command = new ArrayList<>(
                List.of("dcmodify", "-nb", "-gin", "-m", "(0020,000d)=" + studyUid, "-m", "(0010,0020)=" + mrn));
        List<Path> files = new ArrayList<>();
        for (Path slice : ImagingTestData.ispy2Slices().subList(0, count)) {
            Path copy = dir.resolve(slice.getFileName());
            Files.copy(slice, copy);
            files.add(copy);
            command.add(copy.toString());
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return files;
    }

    private interface Watch {
        void before(String method, Object[] args);
    }

    private static ImageArchive watched(ImageArchive target, Watch watch) {
        return (ImageArchive) Proxy.newProxyInstance(
                ImageArchive.class.getClassLoader(), new Class<?>[] {ImageArchive.class}, (proxy, method, args) -> {
                    watch.before(method.getName(), args == null ? new Object[0] : args);
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private <T> T asDoctor(Supplier<T> work) {
        var user = users.staff("DOCTOR");
        var doctor = new CdssPrincipal(user.id(), user.username(), "Doctor", EnumSet.of(Role.DOCTOR), Set.of(), null);
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        doctor, null, List.of(new SimpleGrantedAuthority("ROLE_DOCTOR"))));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
