package org.cdss.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.cdss.imaging.ImagingStudies;
import org.cdss.imaging.StudyView;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.springframework.stereotype.Component;

/**
 * {@code ImagingStudy} over the PACS module ({@link ImagingStudies}: its viewer rule and audit; 503 while the archive
 * is down): the studies linked to a patient (search) and one study (read; a study not linked to a patient is not
 * served — FHIR requires a subject). Study UID and accession number as identifiers, DICOM modality codes, the series
 * with their UIDs and counts; instances are left out (their SOP class is not kept).
 */
@Component
class ImagingStudyProvider implements IResourceProvider {

    static final String DICOM_UID = "urn:dicom:uid";
    static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";

    private final ImagingStudies studies;
    private final java.time.ZoneId zone;

    ImagingStudyProvider(ImagingStudies studies, org.cdss.shared.HospitalZone zone) {
        this.studies = studies;
        this.zone = zone.zoneId();
    }

    @Override
    public Class<ImagingStudy> getResourceType() {
        return ImagingStudy.class;
    }

    @Read
    public ImagingStudy read(@IdParam IdType id) {
        StudyView view = studies.detail(FhirSearch.uuid(id));
        if (view.patientId() == null || !"LINKED".equals(view.patientLink())) {
            throw new ResourceNotFoundException(id);
        }
        return toFhir(view, zone);
    }

    @Search
    public List<ImagingStudy> search(@RequiredParam(name = ImagingStudy.SP_PATIENT) ReferenceParam patient) {
        return studies.ofPatient(FhirSearch.patient(patient)).stream()
                .filter(s -> s.patientId() != null)
                .map(v -> toFhir(v, zone))
                .toList();
    }

    static ImagingStudy toFhir(StudyView view, java.time.ZoneId zone) {
        ImagingStudy s = new ImagingStudy();
        s.setId(new IdType("ImagingStudy", view.id().toString()));
        s.addIdentifier().setSystem(DICOM_UID).setValue("urn:oid:" + view.studyInstanceUid());
        if (view.accessionNumber() != null && !view.accessionNumber().isBlank()) {
            s.addIdentifier()
                    .setType(new CodeableConcept(new Coding(FhirCodes.V2_0203, "ACSN", "Accession ID")))
                    .setValue(view.accessionNumber());
        }
        s.setStatus(ImagingStudy.ImagingStudyStatus.AVAILABLE);
        s.setSubject(FhirSearch.ref("Patient", view.patientId(), null));
        if (view.studyDate() != null) {
            s.setStarted(java.util.Date.from(view.studyDate().atStartOfDay(zone).toInstant()));
        }
        if (view.orderId() != null) {
            s.addBasedOn(FhirSearch.ref("ServiceRequest", view.orderId(), null));
        }
        for (String modality : view.modality().split("[\\\\/, ]+")) {
            if (!modality.isBlank()) {
                s.addModality(new Coding(DCM, modality, null));
            }
        }
        if (view.description() != null && !view.description().isBlank()) {
            s.setDescription(view.description());
        }
        s.setNumberOfSeries(view.seriesCount());
        s.setNumberOfInstances(view.instanceCount());
        for (StudyView.SeriesView series : view.series()) {
            var out = s.addSeries()
                    .setUid(series.seriesInstanceUid())
                    .setModality(new Coding(DCM, series.modality(), null))
                    .setNumberOfInstances(series.instanceCount());
            if (series.number() != null) {
                out.setNumber(series.number());
            }
            if (series.description() != null && !series.description().isBlank()) {
                out.setDescription(series.description());
            }
        }
        return s;
    }
}
