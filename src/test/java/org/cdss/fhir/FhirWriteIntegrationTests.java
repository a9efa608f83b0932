package org.cdss.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.AdditionalRequestHeadersInterceptor;
import ca.uhn.fhir.rest.client.interceptor.CookieInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.cdss.patients.PatientSummaryView;
import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Create and update where the module allows it, with HAPI's generic client: Patient (create, update with If-Match),
 * AllergyIntolerance (create), MedicationRequest (a draft order through the same safety check). The roles that may
 * write are the module's; stale or missing versions are 412; refusals OperationOutcomes; writes audited.
 */
@IntegrationTest
class FhirWriteIntegrationTests {

    static final UUID PULMONOLOGY = UUID.fromString("0d1f0000-0000-4000-8000-000000000002");
    static final UUID LABORATORY = UUID.fromString("0d1f0000-0000-4000-8000-000000000007");

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    ApiClient doctorSession;
    IGenericClient doctor;

    @BeforeEach
    void doctor() {
        doctorSession = login(testUsers.staff(Role.DOCTOR, PULMONOLOGY).username());
        doctor = client(doctorSession, null);
    }

    @Test
    void a_patient_is_registered_and_edited_at_the_version_read() {
        Patient p = new Patient();
        p.addName().setUse(HumanName.NameUse.OFFICIAL).setText("에프에이치아이알");
        p.addName().setUse(HumanName.NameUse.USUAL).setText("FHIR Kim");
        p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1980-02-03"));
        p.setGender(AdministrativeGender.FEMALE);
        p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("010-2345-6789");
        MethodOutcome created = doctor.create().resource(p).execute();
        assertThat(created.getCreated()).isTrue();
        String id = created.getId().getIdPart();
        Patient read = doctor.read().resource(Patient.class).withId(id).execute();
        assertThat(read.getIdentifierFirstRep().getValue()).matches("\\d{8}");
        assertThat(read.getNameFirstRep().getText()).isEqualTo("에프에이치아이알");
        assertThat(read.getMeta().getVersionId()).isEqualTo("0");
        assertThat(FhirValidation.validator().validateWithResult(read).isSuccessful())
                .isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action IN ('PATIENT_CREATE','FHIR_CREATE')"
                                + " AND patient_id = :p")
                        .param("p", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        // no If-Match: 412; the version read: saved; the old version again: 412
        read.getTelecomFirstRep().setValue("010-9876-5432");
        assertThatThrownBy(() -> doctor.update().resource(read).withId(id).execute())
                .isInstanceOfSatisfying(
                        BaseServerResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(412));
        MethodOutcome updated = client(doctorSession, "W/\"0\"")
                .update()
                .resource(read)
                .withId(id)
                .execute();
        assertThat(updated.getId().getVersionIdPart()).isEqualTo("1");
        assertThat(doctor.read()
                        .resource(Patient.class)
                        .withId(id)
                        .execute()
                        .getTelecomFirstRep()
                        .getValue())
                .isEqualTo("010-9876-5432");
        assertThatThrownBy(() -> client(doctorSession, "W/\"0\"")
                        .update()
                        .resource(read)
                        .withId(id)
                        .execute())
                .isInstanceOfSatisfying(
                        BaseServerResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(412));

        // shape as the JSON API checks it; roles as the registry's
        Patient bad = new Patient();
        bad.addName().setText(" ");
        bad.setGender(AdministrativeGender.MALE);
        assertThatThrownBy(() -> doctor.create().resource(bad).execute())
                .isInstanceOfSatisfying(
                        BaseServerResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(400));
        IGenericClient labTech =
                client(login(testUsers.staff(Role.LAB_TECH, LABORATORY).username()), null);
        assertThatThrownBy(() -> labTech.create().resource(p).execute())
                .isInstanceOfSatisfying(
                        BaseServerResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(403));
    }

    @Test
    void an_allergy_is_recorded_and_a_draft_medication_order_goes_through_the_safety_check() {
        PatientSummaryView patient = testUsers.patient("에프에이치아이알처방");
        AllergyIntolerance allergy = new AllergyIntolerance();
        allergy.setPatient(new Reference("Patient/" + patient.id()));
        allergy.setCode(new CodeableConcept().setText("Penicillin"));
        allergy.addReaction()
                .setSeverity(AllergyIntolerance.AllergyIntoleranceSeverity.SEVERE)
                .addManifestation()
                .setText("두드러기");
        MethodOutcome recorded = doctor.create().resource(allergy).execute();
        AllergyIntolerance back = doctor.read()
                .resource(AllergyIntolerance.class)
                .withId(recorded.getId().getIdPart())
                .execute();
        assertThat(back.getCode().getText()).isEqualTo("Penicillin");
        assertThat(back.getReactionFirstRep().getManifestationFirstRep().getText())
                .isEqualTo("두드러기");
        IGenericClient adminStaff =
                client(login(testUsers.staff(Role.ADMIN_STAFF, PULMONOLOGY).username()), null);
        assertThatThrownBy(() -> adminStaff.create().resource(allergy).execute())
                .isInstanceOfSatisfying(
                        BaseServerResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(403));

        // amoxicillin for a patient whose penicillin allergy was just recorded over FHIR: the same check finds it
        MethodOutcome amoxicillin =
                doctor.create().resource(draft(patient.id(), "DB01060", 500)).execute();
        MedicationRequest order = doctor.read()
                .resource(MedicationRequest.class)
                .withId(amoxicillin.getId().getIdPart())
                .execute();
        assertThat(order.getStatus()).isEqualTo(MedicationRequest.MedicationRequestStatus.DRAFT);
        assertThat(order.getMedicationCodeableConcept().getCodingFirstRep().getCode())
                .isEqualTo("DB01060");
        var json = doctorSession
                .get("/api/ocs/orders/" + order.getIdElement().getIdPart())
                .json();
        assertThat(json.at("/order/status").asString()).isEqualTo("PENDING");
        assertThat(json.at("/order/lastCheckBlocking").asInt()).isPositive();

        // only drafts; only doctors order
        MedicationRequest active =
                draft(patient.id(), "DB00641", 20).setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
        assertThatThrownBy(() -> doctor.create().resource(active).execute())
                .isInstanceOfSatisfying(
                        BaseServerResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(400));
        IGenericClient nurse =
                client(login(testUsers.staff(Role.NURSE, PULMONOLOGY).username()), null);
        assertThatThrownBy(() -> nurse.create()
                        .resource(draft(patient.id(), "DB00641", 20))
                        .execute())
                .isInstanceOfSatisfying(
                        BaseServerResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(403));
        // without the CSRF header a session cannot write
        IGenericClient forged = FhirContext.forR4Cached().newRestfulGenericClient("http://localhost:" + port + "/fhir");
        forged.registerInterceptor(new CookieInterceptor(
                "CDSS_SESSION=" + doctorSession.cookie("CDSS_SESSION").orElseThrow()));
        assertThatThrownBy(() -> forged.create().resource(allergy).execute())
                .isInstanceOfSatisfying(
                        BaseServerResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(403));
    }

    @Test
    void supply_durations_statuses_and_partial_dates_are_read_as_meant_or_refused() {
        PatientSummaryView patient = testUsers.patient("에프에이치아이알기간");
        // two weeks are 14 days, not 2
        MedicationRequest weeks = draft(patient.id(), "DB00641", 20);
        weeks.getDispenseRequest().setExpectedSupplyDuration((Duration) new Duration()
                .setValue(2)
                .setUnit("wk")
                .setSystem("http://unitsofmeasure.org")
                .setCode("wk"));
        MethodOutcome created = doctor.create().resource(weeks).execute();
        MedicationRequest back = doctor.read()
                .resource(MedicationRequest.class)
                .withId(created.getId().getIdPart())
                .execute();
        assertThat(back.getDispenseRequest().getExpectedSupplyDuration().getValue())
                .isEqualByComparingTo("14");
        // an hour unit, or no value: 400 with an OperationOutcome, not a wrong order nor a 500
        MedicationRequest hours = draft(patient.id(), "DB00641", 20);
        hours.getDispenseRequest()
                .setExpectedSupplyDuration((Duration) new Duration().setValue(5).setUnit("h"));
        MedicationRequest noValue = draft(patient.id(), "DB00641", 20);
        noValue.getDispenseRequest().setExpectedSupplyDuration((Duration) new Duration().setUnit("d"));
        AllergyIntolerance refuted = allergy(patient.id());
        refuted.setVerificationStatus(new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "refuted", null)));
        AllergyIntolerance inactive = allergy(patient.id());
        inactive.setClinicalStatus(new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "inactive", null)));
        AllergyIntolerance error = allergy(patient.id());
        error.setVerificationStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "entered-in-error", null)));
        Patient yearOnly = new Patient();
        yearOnly.addName().setText("연도만");
        yearOnly.setGender(AdministrativeGender.FEMALE);
        yearOnly.getBirthDateElement().setValueAsString("1980");
        for (org.hl7.fhir.instance.model.api.IBaseResource bad :
                List.of(hours, noValue, refuted, inactive, error, yearOnly)) {
            assertThatThrownBy(() -> doctor.create().resource(bad).execute())
                    .as(bad.getClass().getSimpleName())
                    .isInstanceOfSatisfying(BaseServerResponseException.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(400);
                        assertThat(e.getOperationOutcome()).isNotNull();
                    });
        }
        assertThat(doctorSession
                        .get("/api/patients/" + patient.id() + "/allergies")
                        .body())
                .doesNotContain("Sulfa");
    }

    private static AllergyIntolerance allergy(UUID patient) {
        AllergyIntolerance a = new AllergyIntolerance();
        a.setPatient(new Reference("Patient/" + patient));
        a.setCode(new CodeableConcept().setText("Sulfa"));
        return a;
    }

    private static MedicationRequest draft(UUID patient, String drugId, int mg) {
        MedicationRequest m = new MedicationRequest();
        m.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
        m.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        m.setSubject(new Reference("Patient/" + patient));
        m.setMedication(new CodeableConcept(new Coding(FhirCodes.DRUGBANK, drugId, null)));
        var dosage = m.addDosageInstruction();
        dosage.setRoute(new CodeableConcept().setText("PO"));
        dosage.getTiming().getCode().setText("QD");
        dosage.addDoseAndRate()
                .setDose(new Quantity().setValue(new BigDecimal(mg)).setUnit("mg"));
        m.getDispenseRequest()
                .setExpectedSupplyDuration((Duration) new Duration().setValue(7).setUnit("d"))
                .setQuantity(new org.hl7.fhir.r4.model.SimpleQuantity().setValue(7));
        return m;
    }

    private ApiClient login(String username) {
        ApiClient api = new ApiClient(port);
        assertThat(api.login(username, TestUsers.PASSWORD).status()).isEqualTo(200);
        return api;
    }

    /** A generic client on a browser session: its cookies, the CSRF header, and If-Match when given. */
    private IGenericClient client(ApiClient session, String ifMatch) {
        FhirContext ctx = FhirContext.forR4Cached();
        ctx.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        IGenericClient client = ctx.newRestfulGenericClient("http://localhost:" + port + "/fhir");
        session.ensureCsrf();
        String csrf = session.cookie("XSRF-TOKEN").orElseThrow();
        client.registerInterceptor(new CookieInterceptor(
                "CDSS_SESSION=" + session.cookie("CDSS_SESSION").orElseThrow() + "; XSRF-TOKEN=" + csrf));
        AdditionalRequestHeadersInterceptor headers = new AdditionalRequestHeadersInterceptor();
        headers.addHeaderValue("X-XSRF-TOKEN", csrf);
        if (ifMatch != null) {
            headers.addHeaderValue("If-Match", ifMatch);
        }
        client.registerInterceptor(headers);
        return client;
    }
}
