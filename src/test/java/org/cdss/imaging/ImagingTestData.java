package org.cdss.imaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /**
     * A batch upload as the browser builds it ({@code frontend/src/features/imaging/api/upload.ts}): the files in a
     * tar, each a ustar header, its bytes streamed from disk and the padding to 512 bytes, then two zero blocks.
     */
    static HttpRequest.BodyPublisher tar(List<Path> files) {
        List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
        try {
            for (Path f : files) {
                long size = Files.size(f);
                parts.add(HttpRequest.BodyPublishers.ofByteArray(
                        tarHeader(f.getFileName().toString(), size)));
                parts.add(HttpRequest.BodyPublishers.ofFile(f));
                parts.add(HttpRequest.BodyPublishers.ofByteArray(new byte[(int) ((512 - size % 512) % 512)]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        parts.add(HttpRequest.BodyPublishers.ofByteArray(new byte[1024]));
        return HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new));
    }

    /** A tar in memory of (name, bytes) pairs, as {@link #tar(List)} builds it. */
    static byte[] tar(Object... entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i + 1 < entries.length; i += 2) {
            byte[] data = (byte[]) entries[i + 1];
            out.writeBytes(tarHeader((String) entries[i], data.length));
            out.writeBytes(data);
            out.writeBytes(new byte[(512 - data.length % 512) % 512]);
        }
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    /** A ustar header of a regular file (the name cut to 100 bytes, as the browser does). */
    static byte[] tarHeader(String name, long size) {
        byte[] h = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(n, 0, h, 0, Math.min(100, n.length));
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", size));
        put(h, 136, "00000000000");
        put(h, 148, "        ");
        h[156] = '0';
        put(h, 257, "ustar");
        put(h, 263, "00");
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        h[155] = ' ';
        return h;
    }

    private static void put(byte[] header, int offset, String ascii) {
        byte[] b = ascii.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, header, offset, b.length);
    }
}
