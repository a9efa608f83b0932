package org.cdss.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cdss.patients.PatientSummaryView;
import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The resource types added after ADR 0030 (issue 17 item 1): {@code PractitionerRole} (doctor × department),
 * {@code RiskAssessment} (the AI ledger's lung-cancer risk results) and radiology {@code DiagnosticReport} (signed RIS
 * reports, drafts never served) — each read and searched through the module's own rules and validated against base
 * R4 like the others; the CapabilityStatement lists them because they are served.
 */
@IntegrationTest
class FhirMoreResourcesIntegrationTests {

    static final UUID PULMONOLOGY = FhirAccessMatrixIntegrationTests.PULMONOLOGY;
    static final UUID RADIOLOGY = FhirAccessMatrixIntegrationTests.RADIOLOGY;

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    PatientSummaryView patient;
    ApiClient doctor;
    ApiClient radiologist;
    ApiClient radiographer;

    @BeforeEach
    void people() {
        patient = testUsers.patient("영상위험환자");
        doctor = login(testUsers.staff(Role.DOCTOR, PULMONOLOGY).username());
        radiologist =
                login(testUsers.staffNamed(Role.RADIOLOGIST, "김판독", RADIOLOGY).username());
        radiographer = login(testUsers.staff(Role.RADIOGRAPHER, RADIOLOGY).username());
    }

    @Test
    void practitioner_roles_risk_assessments_and_radiology_reports_are_served_and_validate() throws Exception {
        FhirValidation validation = new FhirValidation();
        String p = patient.id().toString();

        // PractitionerRole: every doctor in each of their departments
        List<PractitionerRole> roles = bundle(doctor.get("/fhir/PractitionerRole?_count=200"), PractitionerRole.class);
        assertThat(roles).isNotEmpty();
        assertThat(roles)
                .allMatch(r -> r.getPractitioner().getReference().startsWith("Practitioner/")
                        && r.getOrganization().getReference().startsWith("Organization/"));
        List<PractitionerRole> pulmonology = bundle(
                doctor.get("/fhir/PractitionerRole?organization=Organization/" + PULMONOLOGY), PractitionerRole.class);
        assertThat(pulmonology)
                .isNotEmpty()
                .allMatch(r -> r.getOrganization().getReference().endsWith(PULMONOLOGY.toString()));
        PractitionerRole one = parse(
                doctor.get("/fhir/PractitionerRole/"
                        + roles.getFirst().getIdElement().getIdPart()),
                PractitionerRole.class);
        assertThat(one.getPractitioner().getReference())
                .isEqualTo(roles.getFirst().getPractitioner().getReference());
        assertThat(doctor.get("/fhir/PractitionerRole/" + UUID.randomUUID() + "-NOPE")
                        .status())
                .isEqualTo(404);
        roles.forEach(validation::validate);

        // RiskAssessment: a doctor runs the lung-risk model; the ledger's result as FHIR, preliminary until decided
        Map<String, Object> inputs = new java.util.LinkedHashMap<>();
        inputs.put("sexCode", 1);
        inputs.put("age", 64);
        for (String name : org.cdss.ai.LungRiskEncoding.INPUTS.subList(2, org.cdss.ai.LungRiskEncoding.INPUTS.size())) {
            inputs.put(name, true);
        }
        ApiClient.Response predicted =
                doctor.post("/api/ai/lung-risk/predict", Map.of("patientId", patient.id(), "inputs", inputs));
        assertThat(predicted.status()).as(predicted.body()).isIn(200, 201);
        String suggestion = predicted.json().get("id").asString();
        List<RiskAssessment> risks = bundle(doctor.get("/fhir/RiskAssessment?patient=" + p), RiskAssessment.class);
        assertThat(risks).hasSize(1);
        RiskAssessment risk = parse(doctor.get("/fhir/RiskAssessment/" + suggestion), RiskAssessment.class);
        assertThat(risk.getStatus()).isEqualTo(RiskAssessment.RiskAssessmentStatus.PRELIMINARY);
        assertThat(risk.getSubject().getReference()).isEqualTo("Patient/" + p);
        assertThat(risk.getPredictionFirstRep()
                        .getProbabilityDecimalType()
                        .getValue()
                        .doubleValue())
                .isEqualTo(predicted.json().get("probability").asDouble(), org.assertj.core.data.Offset.offset(1e-4));
        assertThat(risk.getMethod().getCodingFirstRep().getCode())
                .isEqualTo(predicted.json().get("modelId").asString());
        validation.validate(risk);
        risks.forEach(validation::validate);
        // who may not run the model may not read its results either (the module's rule)
        ApiClient pharmacist = login(testUsers
                .staff(Role.PHARMACIST, FhirAccessMatrixIntegrationTests.PHARMACY)
                .username());
        assertThat(pharmacist.get("/fhir/RiskAssessment?patient=" + p).status())
                .isEqualTo(pharmacist.get("/api/ai/suggestions?patientId=" + p).status())
                .isNotEqualTo(200);

        // radiology DiagnosticReport: a draft is not served; once signed it is, with the LOINC kind and impression
        String order = acquiredOrder();
        ApiClient.Response draft = radiologist.post(
                "/api/ris/reports",
                Map.of(
                        "orderId", order,
                        "findings", "No focal consolidation.",
                        "impression", "정상 흉부 CT. Normal chest CT.",
                        "recommendation", "None.",
                        "critical", false));
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        String reportId = draft.json().get("id").asString();
        assertThat(doctor.get("/fhir/DiagnosticReport/rad-" + reportId).status())
                .isEqualTo(404);
        assertThat(bundle(doctor.get("/fhir/DiagnosticReport?patient=" + p + "&category=RAD"), DiagnosticReport.class))
                .isEmpty();
        ApiClient.Response signed = radiologist.post(
                "/api/ris/reports/" + reportId + "/sign",
                Map.of("version", draft.json().get("version").asLong()));
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        List<DiagnosticReport> reports =
                bundle(doctor.get("/fhir/DiagnosticReport?patient=" + p + "&category=RAD"), DiagnosticReport.class);
        assertThat(reports).hasSize(1);
        DiagnosticReport report = parse(doctor.get("/fhir/DiagnosticReport/rad-" + reportId), DiagnosticReport.class);
        assertThat(report.getStatus()).isEqualTo(DiagnosticReport.DiagnosticReportStatus.FINAL);
        assertThat(report.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("RAD");
        assertThat(report.getCode().getCodingFirstRep().getSystem()).isEqualTo(FhirCodes.LOINC);
        assertThat(report.getConclusion()).contains("Normal chest CT");
        assertThat(report.getBasedOnFirstRep().getReference()).isEqualTo("ServiceRequest/" + order);
        assertThat(bundle(doctor.get("/fhir/DiagnosticReport?patient=" + p), DiagnosticReport.class))
                .extracting(r -> r.getIdElement().getIdPart())
                .contains("rad-" + reportId);
        validation.validate(report);
        reports.forEach(validation::validate);

        // Provenance of the report (ADR 0042): its signature, then each addendum, with who and when
        ApiClient.Response appended = radiologist.post(
                "/api/ris/reports/" + reportId + "/addenda", Map.of("body", "Comparison with prior CT: unchanged."));
        assertThat(appended.status()).as(appended.body()).isIn(200, 201);
        List<org.hl7.fhir.r4.model.Provenance> steps = bundle(
                doctor.get("/fhir/Provenance?target=DiagnosticReport/rad-" + reportId),
                org.hl7.fhir.r4.model.Provenance.class);
        assertThat(steps.stream()
                        .map(s -> s.getActivity().getCodingFirstRep().getCode() + " "
                                + s.getAgentFirstRep().getWho().getReference())
                        .toList())
                .containsExactly(
                        "LA " + report.getResultsInterpreterFirstRep().getReference(),
                        "APPEND " + report.getResultsInterpreterFirstRep().getReference());
        assertThat(steps)
                .allMatch(s -> s.getTargetFirstRep().getReference().equals("DiagnosticReport/rad-" + reportId));
        assertThat(steps.getFirst().getRecorded()).isEqualTo(report.getIssued());
        org.hl7.fhir.r4.model.Provenance addendum = parse(
                doctor.get("/fhir/Provenance/" + steps.getLast().getIdElement().getIdPart()),
                org.hl7.fhir.r4.model.Provenance.class);
        assertThat(addendum.getActivity().getCodingFirstRep().getCode()).isEqualTo("APPEND");
        assertThat(bundle(doctor.get("/fhir/Provenance?patient=" + p), org.hl7.fhir.r4.model.Provenance.class))
                .extracting(s -> s.getIdElement().getIdPart())
                .contains("rad-" + reportId + "-0", "rad-" + reportId + "-1", order + "-0");
        assertThat(doctor.get("/fhir/Provenance/rad-" + reportId + "-2").status())
                .isEqualTo(404);
        steps.forEach(validation::validate);
        validation.validate(addendum);

        String text = validation.report();
        System.out.println(text);
        Path out = Path.of("target", "fhir-validation-more-" + System.getProperty("cdss.test.db", "h2") + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text + "\nerrors:\n" + String.join("\n", validation.errors));
        assertThat(validation.errors).as(text).isEmpty();

        // the CapabilityStatement lists them because they are served
        CapabilityStatement cs = FhirContext.forR4Cached()
                .newJsonParser()
                .parseResource(
                        CapabilityStatement.class,
                        new ApiClient(port).get("/fhir/metadata").body());
        assertThat(cs.getRestFirstRep().getResource().stream()
                        .map(r -> r.getType())
                        .toList())
                .contains("PractitionerRole", "RiskAssessment", "DiagnosticReport");
    }

    private String acquiredOrder() {
        Map<String, Object> body = Map.of(
                "patientId", patient.id(),
                "type", "IMAGING",
                "priority", "ROUTINE",
                "indication", "Rule out malignancy",
                "imaging",
                        Map.of(
                                "modality",
                                "CT",
                                "bodyPart",
                                "Chest",
                                "laterality",
                                "NOT_APPLICABLE",
                                "contrast",
                                false));
        ApiClient.Response created = doctor.post("/api/ocs/orders", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().at("/order/id").asString();
        assertThat(doctor.post("/api/ocs/orders/" + id + "/send", Map.of()).status())
                .isEqualTo(200);
        long version =
                doctor.get("/api/ocs/orders/" + id).json().at("/order/version").asLong();
        ApiClient.Response started = radiographer.post("/api/ocs/orders/" + id + "/start", Map.of("version", version));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        return id;
    }

    private static <T extends Resource> List<T> bundle(ApiClient.Response r, Class<T> type) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Bundle b = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, r.body());
        List<T> out = new ArrayList<>();
        b.getEntry().forEach(e -> out.add(type.cast(e.getResource())));
        return out;
    }

    private static <T extends Resource> T parse(ApiClient.Response r, Class<T> type) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return FhirContext.forR4Cached().newJsonParser().parseResource(type, r.body());
    }

    private ApiClient login(String username) {
        ApiClient api = new ApiClient(port);
        assertThat(api.login(username, TestUsers.PASSWORD).status()).isEqualTo(200);
        return api;
    }
}
