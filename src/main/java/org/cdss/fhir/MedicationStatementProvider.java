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
import org.cdss.patients.ClinicalViews.MedicationView;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.springframework.stereotype.Component;

/** {@code MedicationStatement} over {@link ClinicalLists#medications}: the patient's medication list. */
@Component
class MedicationStatementProvider implements IResourceProvider {

    private final ClinicalLists lists;
    private final MedicationCodes codes;

    MedicationStatementProvider(ClinicalLists lists, MedicationCodes codes) {
        this.lists = lists;
        this.codes = codes;
    }

    @Override
    public Class<MedicationStatement> getResourceType() {
        return MedicationStatement.class;
    }

    @Read
    public MedicationStatement read(@IdParam IdType id) {
        UUID entry = FhirSearch.uuid(id);
        UUID patient = lists.patientOfEntry(entry).orElseThrow(() -> new ResourceNotFoundException(id));
        return lists.medications(patient).stream()
                .filter(m -> m.id().equals(entry))
                .findFirst()
                .map(m -> toFhir(patient, m))
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public List<MedicationStatement> search(
            @RequiredParam(name = MedicationStatement.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = MedicationStatement.SP_STATUS) TokenOrListParam status,
            @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
        UUID patientId = FhirSearch.patient(patient);
        return FhirSearch.lastUpdated(
                lists.medications(patientId).stream()
                        .map(m -> toFhir(patientId, m))
                        .filter(m ->
                                FhirSearch.matchesCode(status, m.getStatus().toCode()))
                        .toList(),
                lastUpdated);
    }

    MedicationStatement toFhir(UUID patientId, MedicationView view) {
        MedicationStatement m = new MedicationStatement();
        m.setId(new IdType("MedicationStatement", view.id().toString()));
        m.getMeta()
                .setLastUpdated(
                        FhirSearch.date(view.inactivatedAt() != null ? view.inactivatedAt() : view.recordedAt()));
        m.setStatus(
                view.status() == ClinicalStatus.ACTIVE
                        ? MedicationStatement.MedicationStatementStatus.ACTIVE
                        : MedicationStatement.MedicationStatementStatus.STOPPED);
        m.setMedication(codes.concept(view.ingredientId(), view.name(), null));
        m.setSubject(FhirSearch.ref("Patient", patientId, null));
        if (view.startedOn() != null) {
            m.setEffective(
                    new org.hl7.fhir.r4.model.DateTimeType(view.startedOn().toString()));
        }
        m.setDateAsserted(FhirSearch.date(view.recordedAt()));
        if (view.dose() != null && !view.dose().isBlank()) {
            m.addDosage().setText(view.dose());
        }
        return m;
    }
}
