package org.cdss.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * A modality for tests outside this package (the browser journeys): acquires a study for a worklist entry — a copy
 * of the first I-SPY2 slices with the order's accession, study UID, a series UID of its own and the patient's MRN
 * written in by {@code dcmodify}, new SOP instance UIDs — and sends it to the Spring context's local Orthanc with {@code storescu}, as a scanner would.
 */
public final class Modality {

    private Modality() {}

    /** A Study Instance UID no other test uses (our test root, then a random number). */
    public static String newStudyUid() {
        return "1.2.826.0.1.3680043.10.1137."
                + Math.abs(java.util.UUID.randomUUID().getMostSignificantBits());
    }

    /** Skips (outside CI) or fails (CI) without the I-SPY2 data or Orthanc, like the imaging tests. */
    public static void require() {
        ImagingTestData.require(ImagingTestData.ISPY2, true);
    }

    public static void acquire(ApplicationContext context, String accession, String studyUid, String mrn, int slices)
            throws Exception {
        acquire(
                context,
                accession,
                studyUid,
                mrn,
                java.util.stream.IntStream.range(0, slices).boxed().toList());
    }

    /**
     * Sends these I-SPY2 slices (indexes into the sorted slice files) as one series of the study — called twice for
     * one study, the second call's images join the same series (a series acquired in two parts, or out of order).
     */
    public static void acquire(
            ApplicationContext context, String accession, String studyUid, String mrn, List<Integer> slices)
            throws Exception {
        OrthancConnection pacs = context.getBean(LocalOrthanc.class).connection();
        assertThat(pacs.available()).as("the context's Orthanc is running").isTrue();
        Path work = Files.createTempDirectory("cdss-modality");
        try {
            List<String> files = folder(work, accession, studyUid, mrn, slices).stream()
                    .map(Path::toString)
                    .toList();
            List<String> store = new ArrayList<>(List.of(
                    "storescu",
                    "-aet",
                    "STORESCU",
                    "-aec",
                    pacs.dicomAet(),
                    "127.0.0.1",
                    String.valueOf(pacs.dicomPort())));
            store.addAll(files);
            run(work, store);
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    /**
     * Writes these I-SPY2 slices into {@code dir} as one series of a study of its own (accession, study UID, a series
     * UID of its own and the patient's MRN written in by {@code dcmodify}): a folder as a scanner's export or a CD
     * would give it, for a browser's folder upload. Returns the files, in slice order.
     */
    public static List<Path> folder(Path dir, String accession, String studyUid, String mrn, List<Integer> slices)
            throws Exception {
        List<Path> files = new ArrayList<>();
        List<Path> all = ImagingTestData.ispy2Slices();
        for (Path slice : slices.stream().map(all::get).toList()) {
            Path copy = dir.resolve(slice.getFileName());
            Files.copy(slice, copy);
            files.add(copy);
        }
        List<String> modify = new ArrayList<>(List.of(
                "dcmodify",
                "-nb",
                "-gin",
                "-m",
                "(0008,0050)=" + accession,
                "-m",
                "(0020,000d)=" + studyUid,
                // a series UID of its own, as a scanner makes: the I-SPY2 one, also stored by other tests in the
                // same Orthanc, would name a series under two studies, and DICOMweb would not find ours (404)
                "-m",
                "(0020,000e)=" + studyUid + ".1",
                "-m",
                "(0010,0020)=" + mrn));
        files.forEach(f -> modify.add(f.toString()));
        run(dir, modify);
        return files;
    }

    /** Stops the context's Orthanc (its storage kept), as an outage would; {@link #restart} brings it back. */
    public static void pause(ApplicationContext context) {
        context.getBean(LocalOrthanc.class).pause();
    }

    public static void restart(ApplicationContext context) throws java.io.IOException {
        context.getBean(LocalOrthanc.class).restart();
    }

    private static void run(Path dir, List<String> command) throws Exception {
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
    }
}
