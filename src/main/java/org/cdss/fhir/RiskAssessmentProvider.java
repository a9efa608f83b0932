package org.cdss.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.cdss.ai.LungRiskService;
import org.cdss.ai.SuggestionView;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.springframework.stereotype.Component;

/**
 * {@code RiskAssessment} over the AI suggestion ledger ({@link LungRiskService}, issue 12): each lung-cancer risk
 * result with the model that produced it (id, version; the file's SHA-256 in a note), the probability and band, and
 * the clinician's decision as the status (none yet: preliminary; accepted: final; edited: amended; rejected:
 * cancelled). Read and search by patient, for whoever may run the model (the module's rule).
 */
@Component
class RiskAssessmentProvider implements IResourceProvider {

    static final String MODEL_SYSTEM = "urn:cdss:ai-model";
    static final String BAND_SYSTEM = "urn:cdss:codesystem:ai-risk-band";

    private final LungRiskService lungRisk;

    RiskAssessmentProvider(LungRiskService lungRisk) {
        this.lungRisk = lungRisk;
    }

    @Override
    public Class<RiskAssessment> getResourceType() {
        return RiskAssessment.class;
    }

    @Read
    public RiskAssessment read(@IdParam IdType id) {
        return toFhir(lungRisk.suggestion(FhirSearch.uuid(id)));
    }

    @Search
    public List<RiskAssessment> search(
            @RequiredParam(name = RiskAssessment.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = RiskAssessment.SP_DATE) DateRangeParam date,
            @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
        return FhirSearch.lastUpdated(
                lungRisk.forPatient(FhirSearch.patient(patient)).stream()
                        .map(RiskAssessmentProvider::toFhir)
                        .filter(r -> FhirSearch.in(
                                date, r.getOccurrenceDateTimeType().getValue()))
                        .toList(),
                lastUpdated);
    }

    static RiskAssessment toFhir(SuggestionView view) {
        RiskAssessment r = new RiskAssessment();
        r.setId(new IdType("RiskAssessment", view.id().toString()));
        r.getMeta().setLastUpdated(FhirSearch.date(view.decidedAt() != null ? view.decidedAt() : view.createdAt()));
        r.setStatus(
                view.decision() == null
                        ? RiskAssessment.RiskAssessmentStatus.PRELIMINARY
                        : switch (view.decision()) {
                            case "ACCEPTED" -> RiskAssessment.RiskAssessmentStatus.FINAL;
                            case "EDITED" -> RiskAssessment.RiskAssessmentStatus.AMENDED;
                            case "REJECTED" -> RiskAssessment.RiskAssessmentStatus.CANCELLED;
                            default -> RiskAssessment.RiskAssessmentStatus.PRELIMINARY;
                        });
        if (view.patientId() != null) {
            r.setSubject(FhirSearch.ref("Patient", view.patientId(), null));
        }
        r.setOccurrence(new DateTimeType(FhirSearch.date(view.createdAt())));
        r.setMethod(new CodeableConcept(
                        new Coding(MODEL_SYSTEM, view.modelId(), view.modelId() + " " + view.modelVersion()))
                .setText(view.modelId() + " " + view.modelVersion()));
        r.setCode(new CodeableConcept().setText("Lung cancer risk (AI model, research use)"));
        var prediction = r.addPrediction()
                .setOutcome(new CodeableConcept().setText("Lung cancer"))
                .setProbability(new org.hl7.fhir.r4.model.DecimalType(
                        BigDecimal.valueOf(view.probability()).setScale(4, RoundingMode.HALF_UP)));
        if (view.band() != null && !view.band().isBlank()) {
            prediction.setQualitativeRisk(new CodeableConcept(new Coding(BAND_SYSTEM, view.band(), view.band())));
        }
        r.addNote().setText("model file SHA-256 " + view.modelSha256() + "; inputs SHA-256 " + view.inputSha256());
        return r;
    }
}
