package org.cdss.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.cdss.patients.PatientSummaryView;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The reconciliation view against the real Orthanc and change feed: an imaging order past its due time lists until
 * its study arrives (then it is IN_PROGRESS and leaves the list), an order not yet due does not; a study that a
 * modality sent without any order's accession lists as a study without an order, linked to the patient by MRN.
 * Imaging staff only, each seeing the overdue orders routed to their own departments; audited.
 */
@IntegrationTest
class ImagingReconciliationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    ApplicationContext context;

    /** Radiology, where imaging orders are routed (V10's order_routing). */
    static final java.util.UUID RADIOLOGY = java.util.UUID.fromString("0d1f0000-0000-4000-8000-000000000004");

    static final java.util.UUID PULMONOLOGY = java.util.UUID.fromString("0d1f0000-0000-4000-8000-000000000002");

    ApiClient as(String role, java.util.UUID... departments) {
        ApiClient api = new ApiClient(port);
        assertThat(api.login(users.staff(role, departments).username(), TestUsers.PASSWORD)
                        .status())
                .isEqualTo(200);
        return api;
    }

    String sentOrder(ApiClient doctor, PatientSummaryView patient, @org.jspecify.annotations.Nullable Instant due) {
        Map<String, Object> form = new java.util.HashMap<>(Map.of(
                "patientId", patient.id(),
                "type", "IMAGING",
                "priority", "ROUTINE",
                "indication", "Follow-up",
                "imaging", Map.of("modality", "MR", "bodyPart", "Breast", "laterality", "LEFT", "contrast", false)));
        if (due != null) {
            form.put("dueAt", due.toString());
        }
        ApiClient.Response created = doctor.post("/api/ocs/orders", form);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String orderId = created.json().at("/order/id").asString();
        assertThat(doctor.post("/api/ocs/orders/" + orderId + "/send", Map.of()).status())
                .isEqualTo(200);
        return orderId;
    }

    @Test
    void overdue_orders_and_studies_without_an_order_are_listed_until_reconciled() throws Exception {
        Modality.require();
        PatientSummaryView patient = users.patient("대사 환자");
        ApiClient doctor = as("DOCTOR");
        ApiClient radiographer = as("RADIOGRAPHER", RADIOLOGY);
        String overdue = sentOrder(doctor, patient, Instant.now().minusSeconds(120));
        String notDue = sentOrder(doctor, patient, null);
        JsonNode accession = Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> doctor.get("/api/imaging/orders/" + overdue + "/accession"), r -> r.status() == 200)
                .json();

        JsonNode view = radiographer.get("/api/imaging/reconciliation").json();
        JsonNode row = find(view.get("overdueOrders"), "orderId", overdue);
        assertThat(row).as(view.toString()).isNotNull();
        assertThat(row.get("accessionNumber").asString())
                .isEqualTo(accession.get("accessionNumber").asString());
        assertThat(row.get("patientName").asString()).isEqualTo("대사 환자");
        assertThat(row.get("procedure").asString()).isEqualTo("MR Breast");
        assertThat(row.get("overdueMinutes").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(find(view.get("overdueOrders"), "orderId", notDue)).isNull();
        // imaging staff see the orders routed to their own departments only (ADR 0016), as on their worklist
        for (ApiClient elsewhere : List.of(as("RADIOGRAPHER"), as("RADIOLOGIST", PULMONOLOGY))) {
            JsonNode theirs = elsewhere.get("/api/imaging/reconciliation").json();
            assertThat(find(theirs.get("overdueOrders"), "orderId", overdue))
                    .as(theirs.toString())
                    .isNull();
        }

        // a modality sends a study no order asked for (an accession nobody gave)
        String strayUid = Modality.newStudyUid();
        Modality.acquire(context, "STRAY" + (System.nanoTime() % 100_000L), strayUid, patient.mrn(), 1);
        // and the overdue order's study finally arrives
        Modality.acquire(
                context,
                accession.get("accessionNumber").asString(),
                accession.get("studyInstanceUid").asString(),
                patient.mrn(),
                1);
        JsonNode after = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> radiographer.get("/api/imaging/reconciliation").json(),
                        v -> find(v.get("overdueOrders"), "orderId", overdue) == null
                                && find(v.get("studiesWithoutOrder"), "patientName", "대사 환자") != null);
        JsonNode stray = find(after.get("studiesWithoutOrder"), "patientName", "대사 환자");
        assertThat(stray.get("patientLink").asString()).isEqualTo("LINKED");
        assertThat(stray.get("patientMrn").asString()).isEqualTo(patient.mrn());
        assertThat(doctor.get("/api/ocs/orders/" + overdue)
                        .json()
                        .at("/order/status")
                        .asString())
                .isEqualTo("IN_PROGRESS");
        // the arrived study has its order: not in the list
        assertThat(after.get("studiesWithoutOrder").toString())
                .doesNotContain(accession.get("accessionNumber").asString());

        // imaging staff only; audited
        assertThat(doctor.get("/api/imaging/reconciliation").status()).isEqualTo(403);
        assertThat(as("NURSE").get("/api/imaging/reconciliation").status()).isEqualTo(403);
        assertThat(as("RADIOLOGIST", RADIOLOGY)
                        .get("/api/imaging/reconciliation")
                        .status())
                .isEqualTo(200);
        assertThat(as("ADMIN")
                        .get("/api/admin/audit?action=IMAGING_RECONCILIATION_READ&size=5")
                        .body())
                .contains("IMAGING_RECONCILIATION_READ");
    }

    @Autowired
    OrderAccessions accessions;

    @Autowired
    LocalOrthanc orthanc;

    @Autowired
    org.cdss.shared.HospitalZone zone;

    @Test
    void a_worklist_entry_that_dump2dcm_did_not_write_is_written_again() throws Exception {
        Modality.require();
        PatientSummaryView patient = users.patient("워크리스트 재시도");
        ApiClient doctor = as("DOCTOR");
        String orderId = sentOrder(doctor, patient, null);
        JsonNode accession = Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> doctor.get("/api/imaging/orders/" + orderId + "/accession"), r -> r.status() == 200)
                .json();
        String number = accession.get("accessionNumber").asString();
        java.nio.file.Path entry = orthanc.connection().worklistDir().resolve(number + ".wl");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> java.nio.file.Files.exists(entry));

        // dump2dcm failing (here: a program that exits 1) writes nothing and says so
        Worklists failing = new Worklists(orthanc, "/bin/false", zone);
        java.nio.file.Files.delete(entry);
        assertThat(failing.publish(new Worklists.Entry(
                        number,
                        accession.get("studyInstanceUid").asString(),
                        patient.mrn(),
                        patient.name(),
                        null,
                        null,
                        "F",
                        "MR",
                        "MR Breast",
                        "O-1",
                        Instant.now())))
                .isFalse();
        assertThat(entry).doesNotExist();

        // the retry writes the missing entry of the order still waiting for its study
        assertThat(accessions.republishMissing()).isGreaterThanOrEqualTo(1);
        assertThat(entry).exists();
        assertThat(accessions.republishMissing()).as("nothing missing any more").isZero();

        // a cancelled order's entry is not written again
        assertThat(doctor.post("/api/ocs/orders/" + orderId + "/cancel", Map.of("reason", "Patient declined"))
                        .status())
                .isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !java.nio.file.Files.exists(entry));
        accessions.republishMissing();
        assertThat(entry).doesNotExist();
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode n : list) {
            if (value.equals(n.path(field).asString(null))) {
                return n;
            }
        }
        return null;
    }
}
