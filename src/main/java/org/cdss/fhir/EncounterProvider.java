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
import java.util.List;
import org.cdss.records.RecordQueries;
import org.cdss.records.RecordViews.EncounterView;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Period;
import org.springframework.stereotype.Component;

/** {@code Encounter} over {@link RecordQueries}: the visit history (search) and one visit (read). */
@Component
class EncounterProvider implements IResourceProvider {

    private final RecordQueries records;

    EncounterProvider(RecordQueries records) {
        this.records = records;
    }

    @Override
    public Class<Encounter> getResourceType() {
        return Encounter.class;
    }

    @Read
    public Encounter read(@IdParam IdType id) {
        return toFhir(records.encounter(FhirSearch.uuid(id)).encounter());
    }

    @Search
    public List<Encounter> search(
            @RequiredParam(name = Encounter.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Encounter.SP_DATE) DateRangeParam date,
            @OptionalParam(name = Encounter.SP_STATUS) TokenOrListParam status,
            @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
        return FhirSearch.lastUpdated(
                records.encounters(FhirSearch.patient(patient)).stream()
                        .map(EncounterProvider::toFhir)
                        .filter(e -> FhirSearch.in(date, e.getPeriod().getStart()))
                        .filter(e ->
                                FhirSearch.matchesCode(status, e.getStatus().toCode()))
                        .toList(),
                lastUpdated);
    }

    static Encounter toFhir(EncounterView view) {
        Encounter e = new Encounter();
        e.setId(new IdType("Encounter", view.id().toString(), Long.toString(view.version())));
        e.getMeta().setVersionId(Long.toString(view.version()));
        e.getMeta().setLastUpdated(FhirSearch.date(view.endedAt() != null ? view.endedAt() : view.startedAt()));
        e.setStatus(
                switch (view.status()) {
                    case OPEN -> Encounter.EncounterStatus.INPROGRESS;
                    case FINISHED -> Encounter.EncounterStatus.FINISHED;
                    case ENTERED_IN_ERROR -> Encounter.EncounterStatus.ENTEREDINERROR;
                });
        e.setClass_(new Coding(FhirCodes.ACT_CODE, "AMB", "ambulatory"));
        e.setSubject(FhirSearch.ref("Patient", view.patientId(), null));
        e.setPeriod(new Period().setStart(FhirSearch.date(view.startedAt())).setEnd(FhirSearch.date(view.endedAt())));
        if (view.doctorId() != null) {
            e.addParticipant().setIndividual(FhirSearch.ref("Practitioner", view.doctorId(), view.doctorName()));
        }
        if (view.departmentId() != null) {
            e.setServiceProvider(FhirSearch.ref("Organization", view.departmentId(), null));
        }
        if (view.appointmentId() != null) {
            e.addAppointment(FhirSearch.ref("Appointment", view.appointmentId(), null));
        }
        for (var d : view.diagnoses()) {
            var diagnosis = e.addDiagnosis()
                    .setCondition(FhirSearch.ref("Condition", ConditionProvider.DIAGNOSIS_PREFIX + d.id(), null));
            if (d.primary()) {
                diagnosis.setRank(1);
            }
        }
        return e;
    }
}
