package org.cdss.imaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;

/**
 * The DICOM test data ({@code CDSS_TEST_DATA/dicom}, default {@code ../shared/data}) and the local Orthanc: tests
 * that need them are skipped with a message outside CI and fail in CI ({@code CI=true}).
 */
final class ImagingTestData {

    static final Path ROOT = Path.of(System.getenv().getOrDefault("CDSS_TEST_DATA", "../shared/data"));
    static final Path ISPY2 = ROOT.resolve("dicom/ispy2-mamamia/dicom_seq0_precontrast");
    static final Path PYDICOM = ROOT.resolve("dicom/pydicom-corpus");

    private ImagingTestData() {}

    static void require(Path path, boolean orthanc) {
        boolean ci = "true".equals(System.getenv("CI"));
        boolean have = Files.isDirectory(path);
        boolean pacs = !orthanc || Files.isExecutable(Path.of("/usr/sbin/Orthanc"));
        if (ci) {
            if (!have || !pacs) {
                throw new AssertionError("CI=true: test data " + path + " or Orthanc missing");
            }
            return;
        }
        Assumptions.assumeTrue(have, "SKIPPED: no test data at " + path + " (set CDSS_TEST_DATA)");
        Assumptions.assumeTrue(pacs, "SKIPPED: Orthanc not installed (/usr/sbin/Orthanc)");
    }

    static List<Path> ispy2Slices() {
        try (Stream<Path> s = Files.list(ISPY2)) {
            return s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip of these files, each under {@code prefix}; extra entries (name, bytes) appended. */
    static byte[] zip(List<Path> files, String prefix, Object... extra) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Path f : files) {
                zip.putNextEntry(new ZipEntry(prefix + f.getFileName()));
                Files.copy(f, zip);
                zip.closeEntry();
            }
            for (int i = 0; i + 1 < extra.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) extra[i]));
                zip.write((byte[]) extra[i + 1]);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
