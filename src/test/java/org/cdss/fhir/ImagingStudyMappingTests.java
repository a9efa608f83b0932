package org.cdss.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.cdss.imaging.StudyView;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.junit.jupiter.api.Test;

/**
 * The {@code ImagingStudy} mapping of a linked study (as the PACS module's API gives it) validates against base R4
 * with the offline validator; the served path is covered by the access matrix (no study is seeded: images come from
 * Orthanc uploads).
 */
class ImagingStudyMappingTests {

    @Test
    void a_linked_study_maps_to_a_valid_imaging_study() {
        UUID id = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        StudyView view = new StudyView(
                id,
                "1.2.826.0.1.3680043.8.498.1",
                "A2026120600001",
                "CT",
                "CT chest",
                LocalDate.of(2026, 12, 6),
                2,
                150,
                patient,
                order,
                "LINKED",
                List.of(
                        new StudyView.SeriesView("1.2.826.0.1.3680043.8.498.1.1", "Axial", "CT", 2, 100, null, null),
                        new StudyView.SeriesView("1.2.826.0.1.3680043.8.498.1.2", null, "CT", null, 50, null, null)));
        ImagingStudy study = ImagingStudyProvider.toFhir(view, ZoneId.of("Asia/Seoul"));
        assertThat(study.getIdentifierFirstRep().getValue()).isEqualTo("urn:oid:1.2.826.0.1.3680043.8.498.1");
        assertThat(study.getIdentifier().get(1).getValue()).isEqualTo("A2026120600001");
        assertThat(study.getSubject().getReference()).isEqualTo("Patient/" + patient);
        assertThat(study.getBasedOnFirstRep().getReference()).isEqualTo("ServiceRequest/" + order);
        assertThat(study.getModalityFirstRep().getCode()).isEqualTo("CT");
        assertThat(study.getSeries()).hasSize(2);
        assertThat(study.getNumberOfInstances()).isEqualTo(150);
        FhirValidation validation = new FhirValidation();
        validation.validate(study);
        assertThat(validation.errors).as(validation.report()).isEmpty();
    }
}
