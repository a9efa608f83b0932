package org.cdss.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.api.BundleInclusionRule;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.model.valueset.BundleTypeEnum;
import ca.uhn.fhir.rest.api.BundleLinks;
import ca.uhn.fhir.rest.api.IVersionSpecificBundleFactory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cdss.records.RecordViews.VitalsView;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.hapi.rest.server.R4BundleFactory;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/**
 * {@link SearchBundles} (ADR 0049) must give the search bundle and the JSON that HAPI's own factory and parser give:
 * the same entries, full URLs and search modes; with an {@code _include}, HAPI's own bundle with the included
 * resource.
 */
class SearchBundlesTests {

    private static final String BASE = "http://localhost/fhir";
    private static final FhirContext HAPI = FhirContext.forR4Cached();
    private static final FhirContext OURS = SearchBundles.context();

    @Test
    void a_search_without_include_is_the_bundle_hapi_writes() {
        assertThat(OURS.newBundleFactory()).isInstanceOf(SearchBundles.class);
        String hapi = encode(HAPI, new R4BundleFactory(HAPI), results(), Set.of());
        String ours = encode(OURS, OURS.newBundleFactory(), results(), Set.of());
        assertThat(ours).isEqualTo(hapi);
        Bundle bundle = HAPI.newJsonParser().parseResource(Bundle.class, ours);
        assertThat(bundle.getEntry()).hasSize(results().size());
        assertThat(bundle.getEntry().getFirst().getFullUrl()).startsWith(BASE + "/Observation/vs-bp-");
        assertThat(bundle.getEntry().getFirst().getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.MATCH);
    }

    @Test
    void a_search_with_include_is_left_to_hapi_and_adds_the_included_resource() {
        Set<Include> include = Set.of(new Include("Observation:patient"));
        String hapi = encode(HAPI, new R4BundleFactory(HAPI), withAttachedPatient(), include);
        String ours = encode(OURS, OURS.newBundleFactory(), withAttachedPatient(), include);
        assertThat(ours).isEqualTo(hapi);
        Bundle bundle = HAPI.newJsonParser().parseResource(Bundle.class, ours);
        assertThat(bundle.getEntry())
                .anyMatch(e -> e.getResource() instanceof Patient
                        && e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE);
    }

    private static String encode(
            FhirContext context, IVersionSpecificBundleFactory factory, List<IBaseResource> results, Set<Include> in) {
        factory.addRootPropertiesToBundle(
                "bundle-1", new BundleLinks(BASE, in, false, BundleTypeEnum.SEARCHSET), results.size(), null);
        factory.addResourcesToBundle(
                results, BundleTypeEnum.SEARCHSET, BASE, BundleInclusionRule.BASED_ON_INCLUDES, in);
        return context.newJsonParser().encodeResourceToString(factory.getResourceBundle());
    }

    private static List<IBaseResource> results() {
        UUID patient = UUID.fromString("00000000-0000-4000-8000-000000000001");
        VitalsView vitals = new VitalsView(
                UUID.fromString("00000000-0000-4000-8000-000000000002"),
                UUID.fromString("00000000-0000-4000-8000-000000000003"),
                120,
                80,
                72,
                16,
                new BigDecimal("36.6"),
                98,
                new BigDecimal("170.0"),
                new BigDecimal("65.0"),
                new BigDecimal("22.5"),
                Instant.parse("2026-12-01T09:30:00Z"),
                "Nurse Kim");
        List<IBaseResource> out = new ArrayList<>(ObservationProvider.vitals(patient, vitals));
        out.forEach(r -> ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(r, BundleEntrySearchModeEnum.MATCH));
        return out;
    }

    private static List<IBaseResource> withAttachedPatient() {
        List<IBaseResource> out = results();
        Patient patient = new Patient();
        patient.setId("Patient/00000000-0000-4000-8000-000000000001");
        patient.addName().setFamily("Kim");
        ((Observation) out.getFirst()).getSubject().setResource(patient);
        return out;
    }
}
