package org.cdss.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.cdss.patients.PatientSummaryView;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Research volumes (NIfTI) on each database: the I-SPY2 segmentation ({@code .nii.gz}, a real file from
 * {@code CDSS_TEST_DATA}) stored with its SHA-256 under the volumes folder, linked to the patient, listed with what its
 * header says, downloaded byte for byte, idempotent on re-upload; synthetic NIfTI-1 (big-endian, uncompressed) and
 * NIfTI-2 files stored; a bad header, a wrong datatype, a truncated volume and a text file named {@code .nii.gz} each
 * refused with its own reason and nothing left on disk; a 2 GB body refused by the size limit without being read
 * whole (declared length, and a streamed body without one); the same access rules as the images.
 */
@IntegrationTest
class ImagingVolumeIntegrationTests {

    static final Path SEGMENTATION =
            ImagingTestData.ROOT.resolve("dicom/ispy2-mamamia/ISPY2_213913_segmentation.nii.gz");

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    ImagingVolumes volumes;

    ApiClient as(String username) {
        ApiClient api = new ApiClient(port);
        assertThat(api.login(username, TestUsers.PASSWORD).status()).isEqualTo(200);
        return api;
    }

    ApiClient.Response upload(ApiClient api, PatientSummaryView patient, String name, byte[] body) {
        return api.upload(
                "/api/imaging/volumes?patientId=" + patient.id() + "&fileName=" + name,
                "application/octet-stream",
                body);
    }

    @Test
    void a_real_nifti_is_stored_with_its_checksum_listed_and_downloaded_once() throws Exception {
        ImagingTestData.require(SEGMENTATION.getParent(), false);
        PatientSummaryView patient = users.patient("볼륨 환자");
        ApiClient doctor = as(users.staff("DOCTOR").username());
        byte[] file = Files.readAllBytes(SEGMENTATION);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));

        ApiClient.Response stored = upload(doctor, patient, "ISPY2_213913_segmentation.nii.gz", file);
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        JsonNode result = stored.json();
        assertThat(result.get("status").asString()).as(result.toString()).isEqualTo("STORED");
        JsonNode volume = result.get("volume");
        assertThat(volume.get("sha256").asString()).isEqualTo(sha);
        assertThat(volume.get("dimensions").asString()).isEqualTo("256×256×134");
        assertThat(volume.get("voxelSize").asString()).isEqualTo("0.6641×0.6641×1.200");
        assertThat(volume.get("datatype").asString()).isEqualTo("uint8");
        assertThat(volume.get("niftiVersion").asInt()).isEqualTo(1);
        assertThat(volume.get("sizeBytes").asLong()).isEqualTo(file.length);
        Path onDisk = volumes.root().resolve(patient.id() + "/" + sha + ".nii.gz");
        assertThat(onDisk).exists().hasBinaryContent(file);

        // the same file again: the same volume, no second copy
        JsonNode again = upload(doctor, patient, "copy.nii.gz", file).json();
        assertThat(again.get("status").asString()).isEqualTo("DUPLICATE");
        assertThat(again.at("/volume/id").asString()).isEqualTo(volume.get("id").asString());
        try (Stream<Path> files = Files.list(onDisk.getParent())) {
            assertThat(files).hasSize(1);
        }

        JsonNode list =
                doctor.get("/api/imaging/volumes?patientId=" + patient.id()).json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("fileName").asString()).isEqualTo("ISPY2_213913_segmentation.nii.gz");
        var download = doctor.bytes("/api/imaging/volumes/" + volume.get("id").asString() + "/file");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(file);
        assertThat(download.headers().firstValue("X-Checksum-SHA256")).contains(sha);

        // the same rules as the images: the patient's own account sees it, another patient's and a clerk do not
        assertThat(as(users.patientAccount(patient).username())
                        .get("/api/imaging/volumes?patientId=" + patient.id())
                        .status())
                .isEqualTo(200);
        ApiClient other = as(users.patientAccount(users.patient("남의 환자")).username());
        assertThat(other.get("/api/imaging/volumes?patientId=" + patient.id()).status())
                .isEqualTo(404);
        assertThat(other.get("/api/imaging/volumes/" + volume.get("id").asString() + "/file")
                        .status())
                .isEqualTo(404);
        assertThat(as(users.staff("ADMIN_STAFF").username())
                        .get("/api/imaging/volumes?patientId=" + patient.id())
                        .status())
                .isEqualTo(403);
        assertThat(upload(as(users.staff("NURSE").username()), patient, "n.nii", file)
                        .status())
                .isEqualTo(403);
        String audit = as(users.staff("ADMIN").username())
                .get("/api/admin/audit?action=IMAGING_VOLUME_UPLOAD&size=50")
                .body();
        assertThat(audit).contains(volume.get("id").asString());
    }

    @Test
    void synthetic_volumes_are_stored_and_broken_ones_refused_each_with_its_reason() throws Exception {
        PatientSummaryView patient = users.patient("합성 볼륨");
        ApiClient doctor = as(users.staff("DOCTOR").username());

        JsonNode bigEndian = upload(doctor, patient, "be.nii", nifti1(ByteOrder.BIG_ENDIAN, 4, 16, 8, 8, 4, 0))
                .json();
        assertThat(bigEndian.get("status").asString()).as(bigEndian.toString()).isEqualTo("STORED");
        assertThat(bigEndian.at("/volume/dimensions").asString()).isEqualTo("8×8×4");
        assertThat(bigEndian.at("/volume/datatype").asString()).isEqualTo("int16");
        JsonNode two = upload(doctor, patient, "v2.nii.gz", gzip(nifti2(16, 32, 5, 6, 7)))
                .json();
        assertThat(two.get("status").asString()).as(two.toString()).isEqualTo("STORED");
        assertThat(two.at("/volume/niftiVersion").asInt()).isEqualTo(2);
        assertThat(two.at("/volume/dimensions").asString()).isEqualTo("5×6×7");

        byte[] badSize = nifti1(ByteOrder.LITTLE_ENDIAN, 2, 8, 4, 4, 4, 0);
        ByteBuffer.wrap(badSize).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 123);
        byte[] badMagic = nifti1(ByteOrder.LITTLE_ENDIAN, 2, 8, 4, 4, 4, 0);
        badMagic[345] = 'X';
        byte[] pair = nifti1(ByteOrder.LITTLE_ENDIAN, 2, 8, 4, 4, 4, 0);
        pair[345] = 'i';
        byte[] zeroDim = nifti1(ByteOrder.LITTLE_ENDIAN, 2, 8, 4, 0, 4, 0);
        byte[] typeMismatch = nifti1(ByteOrder.LITTLE_ENDIAN, 16, 8, 4, 4, 4, 0); // float32 with 8 bits
        byte[] whole = nifti1(ByteOrder.LITTLE_ENDIAN, 4, 16, 64, 64, 64, 0);
        byte[] truncated = java.util.Arrays.copyOf(whole, 5_000);
        // a gzip bomb: a small .nii.gz whose header claims 32000 × 32000 × 100 float64 voxels (800 GB)
        byte[] bomb = nifti1(ByteOrder.LITTLE_ENDIAN, 64, 64, 1, 1, 1, 0);
        ByteBuffer.wrap(bomb)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putShort(42, (short) 32000)
                .putShort(44, (short) 32000)
                .putShort(46, (short) 100);
        record Case(String name, byte[] body, String reason) {}
        List<Case> cases = List.of(
                new Case("size.nii", badSize, "nifti-bad-header"),
                new Case("magic.nii", badMagic, "nifti-bad-header"),
                new Case("pair.nii", pair, "nifti-pair-unsupported"),
                new Case("dims.nii", zeroDim, "nifti-bad-dimensions"),
                new Case("type.nii", typeMismatch, "nifti-bad-datatype"),
                new Case("short.nii.gz", gzip(truncated), "nifti-truncated"),
                new Case("short.nii", truncated, "nifti-truncated"),
                new Case("bomb.nii.gz", gzip(bomb), "nifti-too-large"),
                new Case("text.nii.gz", "just text".getBytes(StandardCharsets.UTF_8), "nifti-not-gzip"),
                new Case("tiny.nii", "just text".getBytes(StandardCharsets.UTF_8), "nifti-bad-header"));
        for (Case c : cases) {
            ApiClient.Response r = upload(doctor, patient, c.name(), c.body());
            assertThat(r.status()).as(c.name() + " " + r.body()).isEqualTo(200);
            assertThat(r.json().get("status").asString()).as(c.name()).isEqualTo("REFUSED");
            assertThat(r.json().get("reason").asString()).as(c.name()).isEqualTo(c.reason());
            assertThat(r.json().get("file").asString()).isEqualTo(c.name());
        }
        // not a volume at all, by its name
        assertThat(upload(doctor, patient, "scan.dcm", badSize).status()).isEqualTo(415);
        assertThat(doctor.get("/api/imaging/volumes?patientId=" + patient.id()).json())
                .hasSize(2);
        assertThat(incomingLeft()).as("nothing half-written").isEmpty();
    }

    @Test
    void a_2_gb_volume_is_refused_by_the_size_limit_without_being_read_whole() throws Exception {
        PatientSummaryView patient = users.patient("큰 볼륨");
        ApiClient doctor = as(users.staff("DOCTOR").username());
        long twoGb = 2L * 1024 * 1024 * 1024;
        String path = "/api/imaging/volumes?patientId=" + patient.id() + "&fileName=huge.nii";

        // declared: refused before the body is read
        long started = System.nanoTime();
        Zeros declaredBody = new Zeros(twoGb);
        assertRefused(doctor, path, declaredBody, twoGb);
        assertThat(declaredBody.served).as("read far less than 2 GB").isLessThan(twoGb / 8);

        // streamed without a length (chunked): refused once the limit is passed, the rest never read
        Zeros endless = new Zeros(twoGb);
        assertRefused(doctor, path, endless, -1);
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(endless.served).as("read far less than 2 GB").isLessThan(twoGb / 8);
        assertThat(tookMs).as("refused quickly").isLessThan(30_000);
        assertThat(incomingLeft()).as("nothing half-written").isEmpty();
        assertThat(doctor.get("/api/imaging/volumes?patientId=" + patient.id()).json())
                .isEmpty();
        // the DICOM upload path too: a declared 2 GB file is refused before reading
        Zeros dicom = new Zeros(twoGb);
        assertRefused(doctor, "/api/imaging/uploads?patientId=" + patient.id() + "&fileName=huge.dcm", dicom, twoGb);
        assertThat(dicom.served).isLessThan(twoGb / 8);
    }

    /**
     * A body of {@code length} bytes (-1: streamed without a length) is answered 413 — or, when the server answered
     * and closed the connection while the client was still sending, the send fails (then the body was not read).
     */
    private static void assertRefused(ApiClient api, String path, Zeros body, long length) {
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.ofInputStream(() -> body);
        if (length >= 0) {
            publisher = HttpRequest.BodyPublishers.fromPublisher(publisher, length);
        }
        try {
            ApiClient.Response r = api.upload(path, "application/octet-stream", publisher);
            assertThat(r.status()).as(r.body()).isEqualTo(413);
            assertThat(r.body()).contains("imaging.upload-too-large");
        } catch (IllegalStateException closed) {
            assertThat(closed).hasRootCauseInstanceOf(IOException.class);
        }
    }

    private List<Path> incomingLeft() throws IOException {
        Path incoming = volumes.root().resolve(".incoming");
        if (!Files.isDirectory(incoming)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(incoming)) {
            return s.toList();
        }
    }

    /** A NIfTI-1 single file: header, 4 bytes of extension flag, then the voxels (zeros). */
    static byte[] nifti1(ByteOrder order, int datatype, int bitpix, int x, int y, int z, int extra) {
        long voxels = (long) Math.max(x, 0) * Math.max(y, 0) * Math.max(z, 0);
        byte[] b = new byte[(int) (352 + voxels * bitpix / 8 + extra)];
        ByteBuffer h = ByteBuffer.wrap(b).order(order);
        h.putInt(0, 348);
        h.putShort(40, (short) 3);
        h.putShort(42, (short) x);
        h.putShort(44, (short) y);
        h.putShort(46, (short) z);
        h.putShort(70, (short) datatype);
        h.putShort(72, (short) bitpix);
        h.putFloat(76, 1f);
        h.putFloat(80, 1f);
        h.putFloat(84, 1f);
        h.putFloat(88, 2.5f);
        h.putFloat(108, 352f);
        System.arraycopy("n+1\0".getBytes(StandardCharsets.ISO_8859_1), 0, b, 344, 4);
        return b;
    }

    /** A NIfTI-2 single file (little-endian). */
    static byte[] nifti2(int datatype, int bitpix, int x, int y, int z) {
        long voxels = (long) x * y * z;
        byte[] b = new byte[(int) (544 + voxels * bitpix / 8)];
        ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0, 540);
        System.arraycopy("n+2\0\r\n\032\n".getBytes(StandardCharsets.ISO_8859_1), 0, b, 4, 8);
        h.putShort(12, (short) datatype);
        h.putShort(14, (short) bitpix);
        h.putLong(16, 3);
        h.putLong(24, x);
        h.putLong(32, y);
        h.putLong(40, z);
        h.putDouble(112, 1.0);
        h.putDouble(120, 1.0);
        h.putDouble(128, 1.0);
        h.putLong(168, 544);
        return b;
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    /** {@code size} zero bytes, generated as read (never in memory), counting what was served. */
    static final class Zeros extends InputStream {
        final long size;
        volatile long served;

        Zeros(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (served >= size) {
                return -1;
            }
            served++;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (served >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - served);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            served += n;
            return n;
        }
    }
}
