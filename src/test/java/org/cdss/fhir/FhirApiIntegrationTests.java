package org.cdss.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.CookieInterceptor;
import ca.uhn.fhir.rest.gclient.ICriterion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cdss.patients.PatientDirectory;
import org.cdss.seed.SeedForTests;
import org.cdss.seed.SyntheticData;
import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The FHIR facade with HAPI's own generic client and validator: every resource type is read, searched and paged over
 * the seed's data (and data entered through the JSON API where the seed makes none), and every resource returned
 * passes the base R4 validation without errors; the warning counts are written to
 * {@code target/fhir-validation-<db>.txt}. On H2, PostgreSQL and MariaDB.
 */
@IntegrationTest
class FhirApiIntegrationTests {

    static final UUID PULMONOLOGY = UUID.fromString("0d1f0000-0000-4000-8000-000000000002");
    static final UUID PHARMACY = UUID.fromString("0d1f0000-0000-4000-8000-000000000006");
    static final UUID LABORATORY = UUID.fromString("0d1f0000-0000-4000-8000-000000000007");
    static final int PER_TYPE = 100;

    /**
     * Seeded patients (10-digit MRNs from 9) with no allergy, medication, problem or order yet: other test classes
     * share the seeded database.
     */
    static final String UNTOUCHED =
            " AND NOT EXISTS (SELECT 1 FROM patient_allergy x WHERE x.patient_id = e.patient_id)"
                    + " AND NOT EXISTS (SELECT 1 FROM patient_medication x WHERE x.patient_id = e.patient_id)"
                    + " AND NOT EXISTS (SELECT 1 FROM patient_problem x WHERE x.patient_id = e.patient_id)"
                    + " AND NOT EXISTS (SELECT 1 FROM clinical_order x WHERE x.patient_id = e.patient_id)";

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SyntheticData seed;

    @Autowired
    PatientDirectory directory;

    ApiClient doctor;
    IGenericClient fhir;

    @BeforeEach
    void seededDatabaseAndADoctor() {
        SeedForTests.ensureSeeded(seed, jdbc, 150, 21, LocalDate.now());
        doctor = login(testUsers.staff(Role.DOCTOR, PULMONOLOGY).username());
        fhir = client(doctor);
    }

    @Test
    void every_resource_type_is_read_searched_and_paged_and_validates_against_base_r4() throws Exception {
        FhirValidation validation = new FhirValidation();

        // Patient: the registry search, paged by the server's own links
        List<Patient> patients = page(
                fhir.search()
                        .forResource(Patient.class)
                        .count(40)
                        .returnBundle(Bundle.class)
                        .execute(),
                Patient.class,
                PER_TYPE);
        assertThat(patients).hasSizeGreaterThanOrEqualTo(PER_TYPE);
        assertThat(patients.stream()
                        .map(p -> p.getIdElement().getIdPart())
                        .distinct()
                        .count())
                .isEqualTo(patients.size());
        patients.forEach(validation::validate);
        Patient read = fhir.read()
                .resource(Patient.class)
                .withId(patients.getFirst().getIdElement().getIdPart())
                .execute();
        assertThat(read.getIdentifierFirstRep().getSystem()).isEqualTo(FhirCodes.MRN_SYSTEM);
        assertThat(read.getMeta().getVersionId()).isNotNull();
        validation.validate(read);

        // the seeded patients' visits, diagnoses, vitals and appointments
        List<String> seeded = jdbc
                .sql("SELECT DISTINCT e.patient_id FROM encounter e JOIN patient p ON p.id = e.patient_id"
                        + " WHERE p.mrn LIKE '9%' AND LENGTH(p.mrn) = 10" + UNTOUCHED + " ORDER BY e.patient_id")
                .query(String.class)
                .list()
                .stream()
                .map(String::trim)
                .toList();
        Map<Class<? extends Resource>, List<Resource>> found = new java.util.LinkedHashMap<>();
        for (String patientId : seeded) {
            collect(found, Encounter.class, Encounter.PATIENT.hasId(patientId));
            collect(found, Condition.class, Condition.PATIENT.hasId(patientId));
            collect(found, Observation.class, Observation.PATIENT.hasId(patientId));
            collect(found, Appointment.class, Appointment.PATIENT.hasId(patientId));
            collect(found, DocumentReference.class, DocumentReference.PATIENT.hasId(patientId));
            if (found.values().stream().allMatch(l -> l.size() >= PER_TYPE) && found.size() == 5) {
                break;
            }
        }
        for (var entry : found.entrySet()) {
            assertThat(entry.getValue()).as(entry.getKey().getSimpleName()).hasSizeGreaterThanOrEqualTo(PER_TYPE);
            entry.getValue().forEach(validation::validate);
            Resource first = entry.getValue().getFirst();
            Resource again = fhir.read()
                    .resource(entry.getKey())
                    .withId(first.getIdElement().getIdPart())
                    .execute();
            assertThat(again.getIdElement().getIdPart())
                    .isEqualTo(first.getIdElement().getIdPart());
            validation.validate(again);
        }
        assertThat(found.get(Condition.class))
                .allMatch(c -> ((Condition) c)
                        .getCode()
                        .getCodingFirstRep()
                        .getSystem()
                        .equals(FhirCodes.KCD_SYSTEM));
        // the seed's notes: Korean SOAP text as a text/plain attachment, LOINC-typed, by their visit's doctor
        assertThat(found.get(DocumentReference.class)).allMatch(r -> {
            DocumentReference d = (DocumentReference) r;
            return d.getType().getCodingFirstRep().getCode().equals("34108-1")
                    && d.getContentFirstRep().getAttachment().getLanguage().equals("ko")
                    && new String(d.getContentFirstRep().getAttachment().getData(), StandardCharsets.UTF_8)
                            .startsWith("S: ")
                    && d.getAuthorFirstRep().getReference().startsWith("Practitioner/")
                    && d.getContext().getEncounterFirstRep().getReference().startsWith("Encounter/")
                    && d.getMeta().getVersionId().equals("0");
        });
        assertThat(found.get(Observation.class))
                .allMatch(o -> ((Observation) o)
                        .getCode().getCoding().stream()
                                .anyMatch(c -> c.getSystem().equals(FhirCodes.LOINC)));

        // paging one patient's observations by the next links gives each observation once
        String busy = seeded.getFirst();
        List<Observation> paged = page(
                fhir.search()
                        .forResource(Observation.class)
                        .where(Observation.PATIENT.hasId(busy))
                        .count(3)
                        .returnBundle(Bundle.class)
                        .execute(),
                Observation.class,
                Integer.MAX_VALUE);
        List<Observation> whole = page(
                fhir.search()
                        .forResource(Observation.class)
                        .where(Observation.PATIENT.hasId(busy))
                        .count(200)
                        .returnBundle(Bundle.class)
                        .execute(),
                Observation.class,
                Integer.MAX_VALUE);
        assertThat(paged.stream().map(o -> o.getIdElement().getIdPart()).toList())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        whole.stream().map(o -> o.getIdElement().getIdPart()).toList());

        // the clinical lists and orders, entered through the JSON API (the seed makes none)
        UUID patientId = UUID.fromString(busy);
        clinicalData(patientId);
        List<AllergyIntolerance> allergies = search(AllergyIntolerance.class, AllergyIntolerance.PATIENT.hasId(busy));
        List<MedicationStatement> medications =
                search(MedicationStatement.class, MedicationStatement.PATIENT.hasId(busy));
        List<Condition> problems = search(
                Condition.class,
                Condition.PATIENT.hasId(busy),
                Condition.CATEGORY.exactly().code("problem-list-item"));
        List<Observation> labs = search(
                Observation.class,
                Observation.PATIENT.hasId(busy),
                Observation.CATEGORY.exactly().code("laboratory"));
        List<ServiceRequest> serviceRequests = search(ServiceRequest.class, ServiceRequest.PATIENT.hasId(busy));
        List<org.hl7.fhir.r4.model.DiagnosticReport> reports = search(
                org.hl7.fhir.r4.model.DiagnosticReport.class,
                org.hl7.fhir.r4.model.DiagnosticReport.PATIENT.hasId(busy));
        Bundle withIncludes = fhir.search()
                .forResource(MedicationRequest.class)
                .where(MedicationRequest.PATIENT.hasId(busy))
                .include(MedicationRequest.INCLUDE_PATIENT)
                .include(MedicationRequest.INCLUDE_REQUESTER)
                .returnBundle(Bundle.class)
                .execute();
        assertThat(allergies).hasSize(1);
        assertThat(allergies.getFirst().getReactionFirstRep().getSeverity())
                .isEqualTo(AllergyIntolerance.AllergyIntoleranceSeverity.SEVERE);
        assertThat(medications).hasSize(1);
        assertThat(problems).hasSize(1);
        assertThat(labs).hasSize(3);
        assertThat(labs).allMatch(o -> o.hasReferenceRange() && o.hasInterpretation());
        assertThat(serviceRequests).hasSize(1);
        assertThat(reports).hasSize(1);
        assertThat(reports.getFirst().getResult()).hasSize(3);
        assertThat(serviceRequests.getFirst().getCode().getCodingFirstRep().getSystem())
                .isEqualTo(FhirCodes.LOINC);
        List<String> includedTypes = withIncludes.getEntry().stream()
                .map(e -> e.getResource().fhirType())
                .toList();
        assertThat(includedTypes).contains("MedicationRequest", "Patient", "Practitioner");
        MedicationRequest order = (MedicationRequest) withIncludes.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r instanceof MedicationRequest)
                .findFirst()
                .orElseThrow();
        assertThat(order.getMedicationCodeableConcept().getCodingFirstRep().getCode())
                .isEqualTo("DB00641");
        // the knowledge base's codes: RxNorm where the ANSM table maps the ingredient, ATC from the curated product,
        // English display with the Korean translation
        assertThat(codes(order.getMedicationCodeableConcept()))
                .containsExactly(
                        FhirCodes.DRUGBANK + "|DB00641|Simvastatin|심바스타틴",
                        FhirCodes.RXNORM + "|36567|Simvastatin|심바스타틴",
                        FhirCodes.ATC + "|C10AA01|Simvastatin|심바스타틴");
        // metformin has no RxNorm row in the knowledge base: no RxNorm coding is made up
        assertThat(codes(medications.getFirst().getMedicationCodeableConcept()))
                .containsExactly(
                        FhirCodes.DRUGBANK + "|DB00331|Metformin|메트포르민", FhirCodes.ATC + "|A10BA02|Metformin|메트포르민");
        List<IBaseResource> entered = new ArrayList<>();
        entered.addAll(allergies);
        entered.addAll(medications);
        entered.addAll(problems);
        entered.addAll(labs);
        entered.addAll(serviceRequests);
        entered.addAll(reports);
        withIncludes.getEntry().forEach(e -> entered.add(e.getResource()));
        for (IBaseResource r : entered) {
            validation.validate(r);
            validation.validate(fhir.read()
                    .resource(r.getClass().asSubclass(Resource.class))
                    .withId(r.getIdElement().getIdPart())
                    .execute());
        }

        // Provenance: the recorded steps of the orders (order_transition), by target and by patient, and read back
        ServiceRequest labOrder = serviceRequests.getFirst();
        List<org.hl7.fhir.r4.model.Provenance> labSteps = search(
                org.hl7.fhir.r4.model.Provenance.class,
                org.hl7.fhir.r4.model.Provenance.TARGET.hasId(
                        "ServiceRequest/" + labOrder.getIdElement().getIdPart()));
        assertThat(labSteps.stream()
                        .map(p -> p.getActivity().getCodingFirstRep().getCode() + " "
                                + p.getActivity().getText())
                        .toList())
                .containsExactly(
                        "CREATE PENDING",
                        "ACTIVATE PENDING → SENT",
                        "UPDATE SENT → IN_PROGRESS",
                        "COMPLETE IN_PROGRESS → COMPLETED");
        assertThat(labSteps.getFirst().getAgentFirstRep().getWho().getReference())
                .isEqualTo(labOrder.getRequester().getReference());
        assertThat(labSteps.getLast().getAgentFirstRep().getWho().getReference())
                .startsWith("Practitioner/")
                .isNotEqualTo(labOrder.getRequester().getReference()); // the lab technician who completed it
        assertThat(labSteps)
                .allMatch(p -> p.getTargetFirstRep()
                                .getReference()
                                .equals("ServiceRequest/"
                                        + labOrder.getIdElement().getIdPart())
                        && p.hasRecorded());
        List<org.hl7.fhir.r4.model.Provenance> patientSteps =
                search(org.hl7.fhir.r4.model.Provenance.class, org.hl7.fhir.r4.model.Provenance.PATIENT.hasId(busy));
        assertThat(patientSteps).hasSize(labSteps.size() + 1); // and the medication order's creation
        assertThat(patientSteps)
                .anyMatch(p -> p.getTargetFirstRep().getReference().startsWith("MedicationRequest/"));
        assertThat(search(
                        org.hl7.fhir.r4.model.Provenance.class,
                        org.hl7.fhir.r4.model.Provenance.TARGET.hasId(
                                "MedicationRequest/" + labOrder.getIdElement().getIdPart())))
                .isEmpty(); // the lab order is no MedicationRequest
        for (org.hl7.fhir.r4.model.Provenance step : patientSteps) {
            validation.validate(step);
        }
        validation.validate(fhir.read()
                .resource(org.hl7.fhir.r4.model.Provenance.class)
                .withId(labSteps.get(2).getIdElement().getIdPart())
                .execute());
        assertThat(fhir.read()
                        .resource(org.hl7.fhir.r4.model.Provenance.class)
                        .withId(labSteps.get(2).getIdElement().getIdPart())
                        .execute()
                        .getActivity()
                        .getText())
                .isEqualTo("SENT → IN_PROGRESS");

        // the directory: doctors and departments
        List<Practitioner> practitioners = search(Practitioner.class);
        List<Organization> organizations = search(Organization.class);
        assertThat(practitioners).isNotEmpty();
        assertThat(organizations).hasSizeGreaterThanOrEqualTo(7);
        practitioners.forEach(validation::validate);
        organizations.forEach(validation::validate);
        validation.validate(fhir.read()
                .resource(Organization.class)
                .withId(PULMONOLOGY.toString())
                .execute());

        // the audit trail, for an administrator, paged
        IGenericClient admin = client(login(testUsers.staff(Role.ADMIN).username()));
        List<AuditEvent> events = new ArrayList<>();
        Bundle audit = admin.search()
                .forResource(AuditEvent.class)
                .count(50)
                .returnBundle(Bundle.class)
                .execute();
        while (events.size() < PER_TYPE && audit != null) {
            audit.getEntry().forEach(e -> events.add((AuditEvent) e.getResource()));
            audit = audit.getLink(Bundle.LINK_NEXT) == null
                    ? null
                    : admin.loadPage().next(audit).execute();
        }
        assertThat(events).hasSizeGreaterThanOrEqualTo(PER_TYPE);
        // paging the trail audits each page: the search still sends each entry once
        assertThat(events).extracting(e -> e.getIdElement().getIdPart()).doesNotHaveDuplicates();
        events.forEach(validation::validate);
        validation.validate(admin.read()
                .resource(AuditEvent.class)
                .withId(events.getFirst().getIdElement().getIdPart())
                .execute());

        String report = validation.report();
        System.out.println(report);
        Path out = Path.of("target", "fhir-validation-" + System.getProperty("cdss.test.db", "h2") + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + "\nerrors:\n" + String.join("\n", validation.errors));
        assertThat(validation.errors).as(report).isEmpty();
    }

    @Test
    void the_capability_statement_lists_what_is_served_and_needs_no_login() {
        ApiClient anonymous = new ApiClient(port);
        ApiClient.Response metadata = anonymous.get("/fhir/metadata");
        assertThat(metadata.status()).isEqualTo(200);
        CapabilityStatement cs =
                FhirContext.forR4Cached().newJsonParser().parseResource(CapabilityStatement.class, metadata.body());
        Set<String> types = new LinkedHashSet<>();
        cs.getRestFirstRep().getResource().forEach(r -> types.add(r.getType()));
        assertThat(types)
                .contains(
                        "Patient",
                        "AllergyIntolerance",
                        "Condition",
                        "MedicationStatement",
                        "MedicationRequest",
                        "ServiceRequest",
                        "Observation",
                        "DiagnosticReport",
                        "Encounter",
                        "Appointment",
                        "Practitioner",
                        "Organization",
                        "AuditEvent",
                        "Provenance",
                        "DocumentReference");
        assertThat(cs.getRestFirstRep().getResource().stream()
                        .filter(r -> r.getType().equals("MedicationRequest"))
                        .findFirst()
                        .orElseThrow()
                        .getSearchInclude()
                        .stream()
                        .map(s -> s.getValue())
                        .toList())
                .contains("MedicationRequest:patient", "MedicationRequest:requester");
        // only clinical notes keep their earlier versions (ADR 0042, 0047): vread and the instance history are
        // claimed for DocumentReference and for no other type (Patient and orders keep a version number for If-Match,
        // not the earlier content); no type history anywhere
        assertThat(cs.getRestFirstRep().getResource().stream()
                        .flatMap(r -> r.getInteraction().stream()
                                .map(i -> r.getType() + " " + i.getCode().toCode()))
                        .filter(i ->
                                i.endsWith(" vread") || i.endsWith(" history-instance") || i.endsWith(" history-type"))
                        .toList())
                .containsExactlyInAnyOrder("DocumentReference vread", "DocumentReference history-instance");
        assertThat(cs.getRestFirstRep().getInteraction().stream()
                        .map(i -> i.getCode().toCode())
                        .toList())
                .doesNotContain("history-system");
    }

    /** system|code|display|Korean translation of each coding. */
    private static List<String> codes(org.hl7.fhir.r4.model.CodeableConcept concept) {
        return concept.getCoding().stream()
                .map(c -> c.getSystem() + "|" + c.getCode() + "|" + c.getDisplay() + "|"
                        + c.getDisplayElement().getExtension().stream()
                                .filter(e -> e.getUrl().equals(FhirCodes.TRANSLATION))
                                .map(e -> e.getExtensionString("content"))
                                .findFirst()
                                .orElse(null))
                .toList();
    }

    private <T extends Resource> void collect(
            Map<Class<? extends Resource>, List<Resource>> found, Class<T> type, ICriterion<?> criterion) {
        List<Resource> list = found.computeIfAbsent(type, t -> new ArrayList<>());
        if (list.size() < PER_TYPE) {
            list.addAll(search(type, criterion));
        }
    }

    private <T extends Resource> List<T> search(Class<T> type, ICriterion<?>... criteria) {
        var query = fhir.search().forResource(type);
        for (ICriterion<?> c : criteria) {
            query = query.and(c);
        }
        return page(query.count(200).returnBundle(Bundle.class).execute(), type, Integer.MAX_VALUE);
    }

    private <T extends Resource> List<T> page(Bundle bundle, Class<T> type, int atLeast) {
        List<T> out = new ArrayList<>();
        while (bundle != null) {
            bundle.getEntry().stream()
                    .map(Bundle.BundleEntryComponent::getResource)
                    .filter(type::isInstance)
                    .map(type::cast)
                    .forEach(out::add);
            if (out.size() >= atLeast || bundle.getLink(Bundle.LINK_NEXT) == null) {
                break;
            }
            bundle = fhir.loadPage().next(bundle).execute();
        }
        return out;
    }

    /** An allergy, a medication, a problem, a sent medication order and a completed CBC, through the JSON API. */
    private void clinicalData(UUID patientId) {
        String base = "/api/patients/" + patientId;
        assertThat(doctor.post(
                                base + "/allergies",
                                Map.of("substance", "Penicillin", "reaction", "두드러기", "severity", "SEVERE"))
                        .status())
                .isEqualTo(201);
        assertThat(doctor.post(base + "/medications", Map.of("name", "Metformin 500 mg", "dose", "500 mg BID"))
                        .status())
                .isEqualTo(201);
        assertThat(doctor.post(base + "/problems", Map.of("code", "E11.9", "description", "2형 당뇨병"))
                        .status())
                .isEqualTo(201);
        var med = doctor.post("/api/ocs/orders", org.cdss.support.OrderBodies.medication(patientId, "DB00641", 20));
        assertThat(med.status()).as(med.body()).isEqualTo(201);
        var lab = doctor.post(
                "/api/ocs/orders",
                Map.of(
                        "patientId",
                        patientId,
                        "type",
                        "LAB_TEST",
                        "priority",
                        "ROUTINE",
                        "labTest",
                        Map.of("testCode", "CBC")));
        assertThat(lab.status()).as(lab.body()).isEqualTo(201);
        String labId = lab.json().at("/order/id").asString();
        assertThat(doctor.post("/api/ocs/orders/" + labId + "/send", Map.of()).status())
                .isEqualTo(200);
        ApiClient labTech = login(testUsers.staff(Role.LAB_TECH, LABORATORY).username());
        assertThat(labTech.post("/api/ocs/orders/" + labId + "/start", Map.of()).status())
                .isEqualTo(200);
        var done = labTech.post(
                "/api/ocs/orders/" + labId + "/complete",
                Map.of(
                        "results",
                        List.of(
                                Map.of("testCode", "WBC", "value", 7.2),
                                Map.of("testCode", "HGB", "value", 6.1),
                                Map.of("testCode", "PLT", "value", 420))));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
    }

    ApiClient login(String username) {
        ApiClient api = new ApiClient(port);
        assertThat(api.login(username, TestUsers.PASSWORD).status()).isEqualTo(200);
        return api;
    }

    IGenericClient client(ApiClient session) {
        FhirContext ctx = FhirContext.forR4Cached();
        ctx.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        IGenericClient client = ctx.newRestfulGenericClient("http://localhost:" + port + "/fhir");
        client.registerInterceptor(new CookieInterceptor(
                "CDSS_SESSION=" + session.cookie("CDSS_SESSION").orElseThrow()));
        return client;
    }
}
