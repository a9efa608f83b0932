package org.cdss.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.UUID;
import org.cdss.patients.ClinicalLists;
import org.cdss.patients.ClinicalStatus;
import org.cdss.patients.ClinicalViews.AllergyView;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/** {@code AllergyIntolerance} over {@link ClinicalLists#allergies}: the same readers as the chart's allergy list. */
@Component
class AllergyIntoleranceProvider implements IResourceProvider {

    private final ClinicalLists lists;
    private final FhirWrites writes;

    AllergyIntoleranceProvider(ClinicalLists lists, FhirWrites writes) {
        this.lists = lists;
        this.writes = writes;
    }

    /**
     * Records an allergy (the roles that record allergies in the chart): the substance from {@code code} (text or a
     * coding's display), the reaction's first manifestation, its severity (or {@code criticality = high} → severe).
     * Allergies are never edited in place (inactivated and recorded anew), so there is no update.
     */
    @ca.uhn.fhir.rest.annotation.Create
    public ca.uhn.fhir.rest.api.MethodOutcome create(
            @ca.uhn.fhir.rest.annotation.ResourceParam AllergyIntolerance allergy) {
        if (!allergy.hasPatient()) {
            throw FhirWrites.invalid("patient is required");
        }
        UUID patientId =
                FhirSearch.uuid(allergy.getPatient().getReferenceElement().getIdPart(), "Patient");
        // CDSS records an allergy as active and confirmed-or-suspected: a resource saying otherwise is refused
        // rather than recorded as an active allergy
        for (Coding c : allergy.getClinicalStatus().getCoding()) {
            if (!"active".equals(c.getCode())) {
                throw FhirWrites.invalid("only an active allergy can be created (clinicalStatus " + c.getCode() + ")");
            }
        }
        for (Coding c : allergy.getVerificationStatus().getCoding()) {
            if ("entered-in-error".equals(c.getCode()) || "refuted".equals(c.getCode())) {
                throw FhirWrites.invalid(
                        "an allergy that is " + c.getCode() + " cannot be created (verificationStatus)");
            }
        }
        String substance = allergy.getCode().hasText()
                ? allergy.getCode().getText()
                : allergy.getCode().getCoding().stream()
                        .map(Coding::getDisplay)
                        .filter(d -> d != null && !d.isBlank())
                        .findFirst()
                        .orElse(null);
        var reaction = allergy.hasReaction() ? allergy.getReactionFirstRep() : null;
        String manifestation = reaction == null || !reaction.hasManifestation()
                ? null
                : reaction.getManifestationFirstRep().getText();
        org.cdss.patients.AllergySeverity severity = null;
        if (reaction != null && reaction.hasSeverity()) {
            severity = switch (reaction.getSeverity()) {
                case MILD -> org.cdss.patients.AllergySeverity.MILD;
                case MODERATE -> org.cdss.patients.AllergySeverity.MODERATE;
                default -> org.cdss.patients.AllergySeverity.SEVERE;
            };
        } else if (allergy.getCriticality() == AllergyIntolerance.AllergyIntoleranceCriticality.HIGH) {
            severity = org.cdss.patients.AllergySeverity.SEVERE;
        }
        var request = writes.valid(
                new org.cdss.patients.ClinicalListRequests.RecordAllergyRequest(substance, manifestation, severity));
        UUID id = lists.recordAllergy(patientId, request.substance(), request.reaction(), request.severity());
        return FhirWrites.outcome(read(new IdType("AllergyIntolerance", id.toString())), true);
    }

    @Override
    public Class<AllergyIntolerance> getResourceType() {
        return AllergyIntolerance.class;
    }

    @Read
    public AllergyIntolerance read(@IdParam IdType id) {
        UUID entry = FhirSearch.uuid(id);
        UUID patient = lists.patientOfEntry(entry).orElseThrow(() -> new ResourceNotFoundException(id));
        return lists.allergies(patient).stream()
                .filter(a -> a.id().equals(entry))
                .findFirst()
                .map(a -> toFhir(patient, a))
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public List<AllergyIntolerance> search(
            @RequiredParam(name = AllergyIntolerance.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = AllergyIntolerance.SP_CLINICAL_STATUS) TokenOrListParam clinicalStatus,
            @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
        UUID patientId = FhirSearch.patient(patient);
        return FhirSearch.lastUpdated(
                lists.allergies(patientId).stream()
                        .map(a -> toFhir(patientId, a))
                        .filter(a -> FhirSearch.matches(clinicalStatus, a.getClinicalStatus()))
                        .toList(),
                lastUpdated);
    }

    static AllergyIntolerance toFhir(UUID patientId, AllergyView view) {
        AllergyIntolerance a = new AllergyIntolerance();
        a.setId(new IdType("AllergyIntolerance", view.id().toString()));
        a.getMeta()
                .setLastUpdated(
                        FhirSearch.date(view.inactivatedAt() != null ? view.inactivatedAt() : view.recordedAt()));
        boolean active = view.status() == ClinicalStatus.ACTIVE;
        a.setClinicalStatus(new CodeableConcept(new Coding(
                FhirCodes.ALLERGY_CLINICAL, active ? "active" : "inactive", active ? "Active" : "Inactive")));
        a.setVerificationStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "confirmed", "Confirmed")));
        CodeableConcept code = new CodeableConcept().setText(view.substance());
        if (view.substanceCode() != null && view.substanceCode().matches("DB\\d{5}")) {
            code.addCoding(new Coding(FhirCodes.DRUGBANK, view.substanceCode(), null));
            a.addCategory(AllergyIntolerance.AllergyIntoleranceCategory.MEDICATION);
        }
        a.setCode(code);
        a.setPatient(FhirSearch.ref("Patient", patientId, null));
        a.setRecordedDate(FhirSearch.date(view.recordedAt()));
        if (view.recordedBy() != null) {
            a.getRecorder().setDisplay(view.recordedBy());
        }
        if (view.severity() != null) {
            a.setCriticality(
                    switch (view.severity()) {
                        case SEVERE -> AllergyIntolerance.AllergyIntoleranceCriticality.HIGH;
                        case MILD, MODERATE -> AllergyIntolerance.AllergyIntoleranceCriticality.LOW;
                    });
        }
        if (view.reaction() != null && !view.reaction().isBlank()) {
            var reaction = a.addReaction();
            reaction.addManifestation().setText(view.reaction());
            if (view.severity() != null) {
                reaction.setSeverity(
                        switch (view.severity()) {
                            case MILD -> AllergyIntolerance.AllergyIntoleranceSeverity.MILD;
                            case MODERATE -> AllergyIntolerance.AllergyIntoleranceSeverity.MODERATE;
                            case SEVERE -> AllergyIntolerance.AllergyIntoleranceSeverity.SEVERE;
                        });
            }
        }
        return a;
    }
}
