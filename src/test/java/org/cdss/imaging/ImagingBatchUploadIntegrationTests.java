package org.cdss.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.cdss.patients.PatientSummaryView;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.StatementCounter;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Several files in one request, as the browser sends a folder (a tar, ADR 0045), against the real Orthanc: one
 * outcome per file in the tar's order, a broken file refused and the others stored, re-upload idempotent, a file
 * above the limit skipped, a cut tar reported; the request's database work (session, access check, study
 * registration, one audit record) does not grow with the number of files (issue 11's upload ratio).
 */
@IntegrationTest
@Import(StatementCounter.class)
class ImagingBatchUploadIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    ApiClient doctor;
    List<Path> slices;

    @BeforeEach
    void setUp() {
        ImagingTestData.require(ImagingTestData.ISPY2, true);
        doctor = new ApiClient(port);
        assertThat(doctor.login(users.staff("DOCTOR").username(), TestUsers.PASSWORD)
                        .status())
                .isEqualTo(200);
        slices = ImagingTestData.ispy2Slices();
    }

    private JsonNode upload(PatientSummaryView patient, byte[] tar) {
        ApiClient.Response r = doctor.upload(
                "/api/imaging/uploads?patientId=" + patient.id() + "&fileName=files.tar", "application/x-tar", tar);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private byte[] slice(int i) throws Exception {
        return Files.readAllBytes(slices.get(i));
    }

    @Test
    void each_file_of_a_batch_gets_its_outcome_in_order_and_a_broken_one_does_not_stop_the_others() throws Exception {
        PatientSummaryView patient = users.patient("묶음 업로드");
        byte[] tar = ImagingTestData.tar(
                "IM0001.dcm", slice(20),
                "letter.dcm", "Dear colleague".getBytes(StandardCharsets.UTF_8),
                "IM0002.dcm", slice(21),
                "IM0003.dcm", slice(22));
        JsonNode first = upload(patient, tar);
        assertThat(first.get("files").findValuesAsString("file"))
                .containsExactly("IM0001.dcm", "letter.dcm", "IM0002.dcm", "IM0003.dcm");
        assertThat(first.at("/files/1/status").asString()).isEqualTo("REFUSED");
        assertThat(first.at("/files/1/reason").asString()).isEqualTo("not-dicom");
        for (int i : new int[] {0, 2, 3}) {
            assertThat(first.at("/files/" + i + "/status").asString()).isIn("STORED", "DUPLICATE");
            // the I-SPY2 PatientID is not this patient's MRN: stored, waiting for a person's decision
            assertThat(first.at("/files/" + i + "/patientLink").asString()).isEqualTo("MISMATCH");
            assertThat(first.at("/files/" + i + "/studyId").asString()).isNotBlank();
        }
        assertThat(first.get("refused").asInt()).isEqualTo(1);

        // the same batch again: idempotent by SOP Instance UID
        JsonNode again = upload(patient, tar);
        assertThat(again.get("duplicates").asInt()).isEqualTo(3);
        assertThat(again.get("stored").asInt()).isZero();

        // a file above the limit (8 MB in tests) is skipped unread, the next one still goes in
        JsonNode big =
                upload(patient, ImagingTestData.tar("big.dcm", new byte[9 * 1024 * 1024], "IM0004.dcm", slice(23)));
        assertThat(big.at("/files/0/reason").asString()).isEqualTo("too-large");
        assertThat(big.at("/files/1/status").asString()).isIn("STORED", "DUPLICATE");

        // a tar cut inside its second file: the first is stored, the cut one reported
        byte[] two = ImagingTestData.tar("IM0005.dcm", slice(24), "IM0006.dcm", slice(25));
        JsonNode cut = upload(patient, Arrays.copyOf(two, two.length - 1024 - 5000));
        assertThat(cut.get("files").findValuesAsString("file")).containsExactly("IM0005.dcm", "IM0006.dcm");
        assertThat(cut.at("/files/0/status").asString()).isIn("STORED", "DUPLICATE");
        assertThat(cut.at("/files/1/reason").asString()).isEqualTo("batch-broken");

        // not a tar at all
        JsonNode junk = upload(patient, "just some text, not a tar".getBytes(StandardCharsets.UTF_8));
        assertThat(junk.at("/files/0/reason").asString()).isEqualTo("batch-broken");
        assertThat(junk.get("stored").asInt()).isZero();
    }

    /**
     * A file whose Study Instance UID is longer than DICOM's 64 characters (malformed, but seen in the wild) is
     * refused on its own with its reason; it used to make the whole upload a 500 after earlier files were stored.
     */
    @Test
    void a_file_with_an_overlong_study_uid_is_refused_alone() throws Exception {
        PatientSummaryView patient = users.patient("긴 UID");
        Path work = Files.createTempDirectory("cdss-long-uid");
        try {
            Path copy = work.resolve("long.dcm");
            Files.copy(slices.get(30), copy);
            String longUid = Modality.newStudyUid() + ".1234567890123456789012345678901234567890";
            assertThat(longUid.length()).isGreaterThan(64);
            Process dcmodify = new ProcessBuilder(
                            "dcmodify",
                            "-nb",
                            "-m",
                            "(0020,000d)=" + longUid,
                            "-m",
                            "(0008,0018)=" + Modality.newStudyUid() + ".9",
                            copy.toString())
                    .redirectErrorStream(true)
                    .start();
            assertThat(dcmodify.waitFor())
                    .as(new String(dcmodify.getInputStream().readAllBytes()))
                    .isZero();

            JsonNode result =
                    upload(patient, ImagingTestData.tar("IM0031.dcm", slice(31), "long.dcm", Files.readAllBytes(copy)));
            assertThat(result.at("/files/0/status").asString()).isIn("STORED", "DUPLICATE");
            assertThat(result.at("/files/1/status").asString()).isEqualTo("REFUSED");
            assertThat(result.at("/files/1/reason").asString()).isEqualTo("study-uid-invalid");
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(work);
        }
    }

    @Test
    void a_batch_runs_the_same_statements_and_one_audit_record_for_two_or_eight_files() throws Exception {
        PatientSummaryView patient = users.patient("묶음 문장수");
        // the study's row exists from the first batch on: the counted batches find it
        upload(patient, ImagingTestData.tar("IM0100.dcm", slice(100)));
        StatementCounter.Counts two = counted(patient, 101, 2);
        StatementCounter.Counts eight = counted(patient, 103, 8);
        assertThat(eight.application())
                .as("two files: %s%neight files: %s", two.statements(), eight.statements())
                .isEqualTo(two.application());
        assertThat(eight.audits()).isEqualTo(1);
    }

    private StatementCounter.Counts counted(PatientSummaryView patient, int from, int count) throws Exception {
        Object[] entries = new Object[2 * count];
        for (int i = 0; i < count; i++) {
            entries[2 * i] = "IM" + (from + i) + ".dcm";
            entries[2 * i + 1] = slice(from + i);
        }
        JsonNode r = upload(patient, ImagingTestData.tar(entries));
        assertThat(r.get("refused").asInt()).as(r.toString()).isZero();
        assertThat(r.get("files")).hasSize(count);
        return StatementCounter.last("POST", "/api/imaging/uploads");
    }

    @Autowired
    ImagingUploads uploads;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /**
     * A request body that breaks off after its first file (the client's connection dropped): the file stored before
     * the break stays in the archive, linked to the patient, so the upload is on the audit trail, as failed.
     */
    @Test
    void an_upload_cut_off_by_an_io_error_is_on_the_audit_trail_as_failed() throws Exception {
        PatientSummaryView patient = users.patient("끊긴 업로드");
        var doctorUser = users.staff("DOCTOR");
        byte[] tar = ImagingTestData.tar("IM0200.dcm", slice(30), "IM0201.dcm", slice(31));
        int firstEntry = 512 + slice(30).length + (512 - slice(30).length % 512) % 512;
        java.io.InputStream cut = new java.io.FilterInputStream(new java.io.ByteArrayInputStream(tar)) {
            int served;

            @Override
            public int read() throws java.io.IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                if (served >= firstEntry) {
                    throw new java.io.IOException("connection reset by the client");
                }
                int n = super.read(b, off, Math.min(len, firstEntry - served));
                served += Math.max(n, 0);
                return n;
            }
        };
        var principal = new org.cdss.shared.security.CdssPrincipal(
                doctorUser.id(),
                doctorUser.username(),
                doctorUser.displayName(),
                java.util.EnumSet.of(org.cdss.shared.security.Role.DOCTOR),
                java.util.Set.of(),
                null);
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        org.springframework.security.core.context.SecurityContextHolder.getContext()
                .setAuthentication(
                        org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                                principal,
                                null,
                                List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(
                                        "ROLE_DOCTOR"))));
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> uploads.upload(patient.id(), "files.tar", cut, tar.length))
                    .isInstanceOf(java.io.UncheckedIOException.class);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.getContext()
                    .setAuthentication(previous);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'IMAGING_UPLOAD' AND patient_id = :p"
                                + " AND outcome = 'FAILURE' AND user_id = :u")
                        .param("p", patient.id().toString())
                        .param("u", doctorUser.id().toString())
                        .query(Long.class)
                        .single())
                .isOne();
    }
}
