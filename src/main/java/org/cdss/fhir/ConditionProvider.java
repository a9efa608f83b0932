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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cdss.patients.ClinicalLists;
import org.cdss.patients.ClinicalStatus;
import org.cdss.patients.ClinicalViews.ProblemView;
import org.cdss.records.RecordQueries;
import org.cdss.records.RecordViews.DiagnosisView;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/**
 * {@code Condition}: the problem list ({@link ClinicalLists#problems}, category {@code problem-list-item}, id = the
 * entry's id) and the encounters' diagnoses ({@link RecordQueries#encounters}, category {@code encounter-diagnosis},
 * id {@code dx-<id>}), KCD-8 coded with ICD-10 where the code is one.
 */
@Component
class ConditionProvider implements IResourceProvider {

    static final String DIAGNOSIS_PREFIX = "dx-";

    private final ClinicalLists lists;
    private final RecordQueries records;

    ConditionProvider(ClinicalLists lists, RecordQueries records) {
        this.lists = lists;
        this.records = records;
    }

    @Override
    public Class<Condition> getResourceType() {
        return Condition.class;
    }

    @Read
    public Condition read(@IdParam IdType id) {
        String value = id.getIdPart();
        if (value.startsWith(DIAGNOSIS_PREFIX)) {
            UUID diagnosis = FhirSearch.uuid(value.substring(DIAGNOSIS_PREFIX.length()), "Condition");
            UUID encounter = records.encounterOf(diagnosis).orElseThrow(() -> new ResourceNotFoundException(id));
            var detail = records.encounter(encounter).encounter();
            return detail.diagnoses().stream()
                    .filter(d -> d.id().equals(diagnosis))
                    .findFirst()
                    .map(d -> toFhir(detail.patientId(), d))
                    .orElseThrow(() -> new ResourceNotFoundException(id));
        }
        UUID entry = FhirSearch.uuid(id);
        UUID patient = lists.patientOfEntry(entry).orElseThrow(() -> new ResourceNotFoundException(id));
        return lists.problems(patient).stream()
                .filter(p -> p.id().equals(entry))
                .findFirst()
                .map(p -> toFhir(patient, p))
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public List<Condition> search(
            @RequiredParam(name = Condition.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Condition.SP_CATEGORY) TokenOrListParam category,
            @OptionalParam(name = Condition.SP_CODE) TokenOrListParam code,
            @OptionalParam(name = Condition.SP_CLINICAL_STATUS) TokenOrListParam clinicalStatus,
            @OptionalParam(name = Condition.SP_RECORDED_DATE) DateRangeParam recordedDate,
            @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
        UUID patientId = FhirSearch.patient(patient);
        List<Condition> all = new ArrayList<>();
        if (FhirSearch.matchesCode(category, "problem-list-item")) {
            lists.problems(patientId).forEach(p -> all.add(toFhir(patientId, p)));
        }
        if (FhirSearch.matchesCode(category, "encounter-diagnosis")) {
            records.encounters(patientId).stream()
                    .flatMap(e -> e.diagnoses().stream())
                    .forEach(d -> all.add(toFhir(patientId, d)));
        }
        return FhirSearch.lastUpdated(
                all.stream()
                        .filter(c -> FhirSearch.matches(code, c.getCode()))
                        .filter(c ->
                                clinicalStatus == null || FhirSearch.matches(clinicalStatus, c.getClinicalStatus()))
                        .filter(c -> FhirSearch.in(recordedDate, c.getRecordedDate()))
                        .toList(),
                lastUpdated);
    }

    static Condition toFhir(UUID patientId, ProblemView view) {
        Condition c = new Condition();
        c.setId(new IdType("Condition", view.id().toString()));
        c.getMeta()
                .setLastUpdated(
                        FhirSearch.date(view.inactivatedAt() != null ? view.inactivatedAt() : view.recordedAt()));
        boolean active = view.status() == ClinicalStatus.ACTIVE;
        c.setClinicalStatus(new CodeableConcept(new Coding(
                FhirCodes.CONDITION_CLINICAL, active ? "active" : "inactive", active ? "Active" : "Inactive")));
        c.addCategory(new CodeableConcept(
                new Coding(FhirCodes.CONDITION_CATEGORY, "problem-list-item", "Problem List Item")));
        c.setCode(FhirCodes.diagnosis(view.code(), view.description()));
        c.setSubject(FhirSearch.ref("Patient", patientId, null));
        if (view.onsetOn() != null) {
            c.setOnset(new DateTimeType(view.onsetOn().toString()));
        }
        c.setRecordedDate(FhirSearch.date(view.recordedAt()));
        if (view.recordedBy() != null) {
            c.getRecorder().setDisplay(view.recordedBy());
        }
        return c;
    }

    static Condition toFhir(UUID patientId, DiagnosisView view) {
        Condition c = new Condition();
        c.setId(new IdType("Condition", DIAGNOSIS_PREFIX + view.id()));
        c.getMeta().setLastUpdated(FhirSearch.date(view.recordedAt()));
        c.setVerificationStatus(new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", "Confirmed")));
        c.addCategory(new CodeableConcept(
                new Coding(FhirCodes.CONDITION_CATEGORY, "encounter-diagnosis", "Encounter Diagnosis")));
        c.setCode(FhirCodes.diagnosis(view.code(), view.description()));
        c.setSubject(FhirSearch.ref("Patient", patientId, null));
        c.setEncounter(FhirSearch.ref("Encounter", view.encounterId(), null));
        c.setRecordedDate(FhirSearch.date(view.recordedAt()));
        if (view.recordedBy() != null) {
            c.getRecorder().setDisplay(view.recordedBy());
        }
        return c;
    }
}
