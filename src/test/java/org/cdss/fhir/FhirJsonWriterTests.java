package org.cdss.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.api.BundleInclusionRule;
import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.model.valueset.BundleTypeEnum;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.api.BundleLinks;
import ca.uhn.fhir.rest.api.IVersionSpecificBundleFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.cdss.patients.BloodType;
import org.cdss.patients.PatientSummaryView;
import org.cdss.patients.PatientView;
import org.cdss.patients.Sex;
import org.cdss.records.RecordViews.DiagnosisView;
import org.cdss.records.RecordViews.VitalsView;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/**
 * {@link FhirJsonWriter} (ADR 0052) must write exactly what HAPI's own JSON parser writes (a fresh plain R4 context,
 * the same parser options as the server's), and give up where it does not know how; the server's parser then answers
 * with HAPI's encoding.
 */
class FhirJsonWriterTests {

    private static final FhirContext HAPI = FhirContext.forR4();
    private static final FhirContext OURS = SearchBundles.context();
    private static final FhirJsonWriter WRITER = new FhirJsonWriter(OURS);
    private static final UUID PATIENT = UUID.fromString("00000000-0000-4000-8000-000000000001");

    static {
        HAPI.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
    }

    @Test
    void vital_sign_observations_are_written_as_hapi_writes_them() {
        for (Observation o : ObservationProvider.vitals(PATIENT, vitals())) {
            assertSame(o);
        }
    }

    @Test
    void patients_with_the_masked_rrn_extension_and_korean_names_are_written_as_hapi_writes_them() {
        assertSame(PatientProvider.toFhir(patient()));
        assertSame(PatientProvider.toFhir(
                new PatientSummaryView(PATIENT, "MRN-1", "김환자", "", LocalDate.of(1970, 1, 2), Sex.F, true)));
    }

    @Test
    void characters_outside_the_basic_plane_are_written_whole_and_a_lone_surrogate_survives_as_an_escape() {
        // U+20B9F (a CJK extension B hanja used in Korean names) and an emoji: one 4-byte UTF-8 sequence each, as
        // HAPI's text encoded as UTF-8, not two escaped surrogate halves
        assertSame(PatientProvider.toFhir(new PatientSummaryView(
                PATIENT, "MRN-1", "김\uD842\uDF9F 😀", "", LocalDate.of(1970, 1, 2), Sex.F, true)));
        // not a character at all: the text path's UTF-8 encoding made it '?'; as a JSON escape it reads back as stored
        org.hl7.fhir.r4.model.Patient lone = PatientProvider.toFhir(
                new PatientSummaryView(PATIENT, "MRN-1", "김\uD842", "", LocalDate.of(1970, 1, 2), Sex.F, true));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        assertThat(WRITER.encodeUtf8(lone, bytes)).isTrue();
        org.hl7.fhir.r4.model.Patient back = HAPI.newJsonParser()
                .parseResource(org.hl7.fhir.r4.model.Patient.class, bytes.toString(StandardCharsets.UTF_8));
        assertThat(back.getNameFirstRep().getText())
                .isEqualTo(lone.getNameFirstRep().getText());
    }

    @Test
    void conditions_and_bilingual_codes_with_translation_extensions_are_written_as_hapi_writes_them() {
        Condition condition = ConditionProvider.toFhir(
                PATIENT,
                new DiagnosisView(
                        UUID.fromString("00000000-0000-4000-8000-000000000009"),
                        UUID.fromString("00000000-0000-4000-8000-000000000003"),
                        "J45.9",
                        "천식 \"quoted\" \\ and\ttab",
                        true,
                        Instant.parse("2026-12-01T09:30:00Z"),
                        "Dr Lee"));
        condition.getCode().addCoding(FhirCodes.coding(FhirCodes.LOINC, "718-7", "Hemoglobin", "혈색소"));
        condition.setNote(List.of());
        assertSame(condition);
        Observation o = new Observation();
        o.setId("lab-1");
        o.setCode(FhirCodes.bilingual(new Coding(FhirCodes.LOINC, "718-7", "Hemoglobin"), "혈색소", "Hemoglobin"));
        o.setValue(FhirCodes.ucum(new BigDecimal("13.50"), "g/dL"));
        assertSame(o);
    }

    @Test
    void primitives_with_extensions_ids_and_blanks_choice_types_and_numbers_are_written_as_hapi_writes_them() {
        Patient p = new Patient();
        p.setId(new IdType("Patient", "p1", "7"));
        HumanName name = p.addName().setFamily("Kim");
        name.addGiven("A");
        StringType second = new StringType("B");
        second.setId("g2");
        second.addExtension("urn:cdss:test", new CodeType("x"));
        name.getGiven().add(second);
        StringType onlyExtension = new StringType();
        onlyExtension.addExtension("urn:cdss:absent", new CodeType("masked"));
        name.getGiven().add(onlyExtension);
        name.addGiven("  ");
        name.setPeriod(new Period().setStartElement(new org.hl7.fhir.r4.model.DateTimeType("2020-01-01")));
        p.setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.FEMALE);
        p.setMultipleBirth(new org.hl7.fhir.r4.model.IntegerType(2));
        p.setDeceased(new org.hl7.fhir.r4.model.BooleanType(false));
        p.getManagingOrganization().setDisplay("Ward 3");
        p.addGeneralPractitioner(new Reference("Practitioner/d1").setDisplay("Dr Lee"));
        Extension nested = new Extension("urn:cdss:nested");
        nested.addExtension("lang", new CodeType("en"));
        nested.addExtension("content", new StringType("line\nbreak"));
        p.addExtension(nested);
        p.addExtension("urn:cdss:decimal", new DecimalType("1.500"));
        p.addExtension("urn:cdss:ref", new Reference("Organization/o1"));
        p.getBirthDateElement().setValueAsString("1970-01-02");
        p.getBirthDateElement()
                .addExtension("urn:cdss:time", new org.hl7.fhir.r4.model.DateTimeType("1970-01-02T03:04:05+09:00"));
        assertSame(p);
        Observation o = new Observation();
        o.setId("o1");
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setValue(new org.hl7.fhir.r4.model.Quantity()
                .setValue(new BigDecimal("1E+3"))
                .setUnit("x"));
        o.setEffective(new Period().setStart(Date.from(Instant.parse("2026-01-01T00:00:00Z"))));
        o.addComponent().setValue(new org.hl7.fhir.r4.model.IntegerType(5));
        o.addComponent().setValue(new StringType("text"));
        o.getMeta()
                .setLastUpdated(Date.from(Instant.parse("2026-01-01T00:00:00Z")))
                .setSource("urn:cdss");
        assertSame(o);
    }

    @Test
    void elements_with_nothing_in_them_are_left_out_at_every_depth_as_hapi_leaves_them_out() {
        Observation o = ObservationProvider.vitals(PATIENT, vitals()).getFirst();
        o.addCategory(new CodeableConcept()); // an empty element after a written one
        o.getCategory().addFirst(new CodeableConcept().addCoding(new Coding())); // one holding only an empty coding
        o.addIdentifier(); // a list holding nothing but an empty element: no "identifier" at all
        o.getSubject().getIdentifier().getType(); // empty composites under a written one
        o.addInterpretation().setText(" ").addCoding().setCode(""); // blank primitives only
        o.addNote().setAuthor(new Reference()); // a choice type holding an empty element
        o.getComponentFirstRep().addInterpretation(new CodeableConcept().addCoding(new Coding()));
        o.addComponent().getCode(); // an empty backbone element after written ones
        Extension empty = new Extension("urn:cdss:empty-value", new StringType("x"));
        o.getCode().getCodingFirstRep().getDisplayElement().addExtension(empty);
        assertThat(HAPI.newJsonParser().encodeResourceToString(o))
                .doesNotContain("identifier")
                .doesNotContain("interpretation")
                .doesNotContain("note")
                .contains("_display");
        assertSame(o);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        bundle.addEntry().setResource(o);
        bundle.addEntry().setResource(new Observation()); // an empty resource: HAPI leaves out its entry's resource
        bundle.addEntry();
        bundle.addLink().setRelation("self").setUrl("http://localhost/fhir/Observation");
        bundle.addLink();
        assertSame(bundle);
    }

    @Test
    void a_searchset_bundle_with_links_total_full_urls_and_search_modes_is_written_as_hapi_writes_it() {
        List<IBaseResource> results = new ArrayList<>(ObservationProvider.vitals(PATIENT, vitals()));
        results.add(PatientProvider.toFhir(patient()));
        results.forEach(r -> ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(r, BundleEntrySearchModeEnum.MATCH));
        IVersionSpecificBundleFactory factory = OURS.newBundleFactory();
        BundleLinks links = new BundleLinks("http://localhost/fhir", Set.of(), false, BundleTypeEnum.SEARCHSET);
        links.setSelf("http://localhost/fhir/Observation?patient=" + PATIENT);
        links.setNext("http://localhost/fhir?_getpages=abc&_getpagesoffset=20&_count=20");
        factory.addRootPropertiesToBundle("bundle-1", links, 42, new org.hl7.fhir.r4.model.InstantType(new Date(0)));
        factory.addResourcesToBundle(
                results,
                BundleTypeEnum.SEARCHSET,
                "http://localhost/fhir",
                BundleInclusionRule.BASED_ON_INCLUDES,
                null);
        Bundle bundle = (Bundle) factory.getResourceBundle();
        assertThat(bundle.getEntry()).hasSize(results.size());
        assertSame(bundle);
    }

    @Test
    void what_the_writer_does_not_know_is_left_to_hapi() {
        assertGivesUp(o -> o.getText()
                .setStatus(org.hl7.fhir.r4.model.Narrative.NarrativeStatus.GENERATED)
                .setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">vitals</div>"));
        assertGivesUp(o -> {
            Patient contained = new Patient();
            contained.setId("#p");
            contained.addName().setFamily("Kim");
            o.addContained(contained);
            o.setSubject(new Reference("#p"));
        });
        assertGivesUp(o -> o.setSubject(new Reference("Patient/" + PATIENT + "/_history/3")));
        assertGivesUp(o -> o.setSubject(new Reference("http://elsewhere/fhir/Patient/1")));
        assertGivesUp(o -> {
            Patient attached = new Patient();
            attached.setId("Patient/" + PATIENT);
            o.getSubject().setResource(attached);
        });
        assertGivesUp(o -> o.addModifierExtension(new Extension("urn:cdss:m", new CodeType("x"))));
        assertGivesUp(o -> o.getMeta().addTag("urn:cdss:tags", "t", "T"));
        assertGivesUp(o -> o.getMeta().addProfile("http://hl7.org/fhir/StructureDefinition/vitalsigns"));
        assertGivesUp(
                o -> o.getCode().getCodingFirstRep().getFormatCommentsPre().add("a comment"));
    }

    @Test
    void the_server_parser_writes_with_hapi_when_a_setting_is_not_the_default() {
        Observation o = ObservationProvider.vitals(PATIENT, vitals()).getFirst();
        assertThat(OURS.newJsonParser().setPrettyPrint(true).encodeResourceToString(o))
                .isEqualTo(HAPI.newJsonParser().setPrettyPrint(true).encodeResourceToString(o));
        assertThat(OURS.newJsonParser().setSummaryMode(true).encodeResourceToString(o))
                .isEqualTo(HAPI.newJsonParser().setSummaryMode(true).encodeResourceToString(o))
                .contains("SUBSETTED");
        assertThat(OURS.newJsonParser()
                        .setEncodeElements(Set.of("Observation.code"))
                        .encodeResourceToString(o))
                .isEqualTo(HAPI.newJsonParser()
                        .setEncodeElements(Set.of("Observation.code"))
                        .encodeResourceToString(o))
                .doesNotContain("valueQuantity");
        IParser parser = OURS.newJsonParser();
        parser.setSuppressNarratives(true);
        assertThat(parser.encodeResourceToString(o))
                .isEqualTo(HAPI.newJsonParser().setSuppressNarratives(true).encodeResourceToString(o));
        assertThat(OURS.newJsonParser()
                        .parseResource(Observation.class, HAPI.newJsonParser().encodeResourceToString(o))
                        .getCode()
                        .getCodingFirstRep()
                        .getCode())
                .isEqualTo(o.getCode().getCodingFirstRep().getCode());
    }

    private static void assertSame(IBaseResource resource) {
        String hapi = HAPI.newJsonParser().encodeResourceToString(resource);
        assertThat(WRITER.encode(resource)).as("the writer's own answer").isEqualTo(hapi);
        assertThat(OURS.newJsonParser().encodeResourceToString(resource)).isEqualTo(hapi);
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            OURS.newJsonParser().encodeResourceToWriter(resource, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(out).hasToString(hapi);
        // the server's path: UTF-8 bytes appended to the response's buffer after what it already holds
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes("[".getBytes(StandardCharsets.UTF_8));
        assertThat(WRITER.encodeUtf8(resource, bytes)).as("written as UTF-8").isTrue();
        assertThat(bytes.toByteArray()).isEqualTo(("[" + hapi).getBytes(StandardCharsets.UTF_8));
    }

    private static void assertGivesUp(Consumer<Observation> change) {
        Observation o = ObservationProvider.vitals(PATIENT, vitals()).getFirst();
        change.accept(o);
        assertThat(WRITER.encode(o)).isNull();
        assertThat(OURS.newJsonParser().encodeResourceToString(o))
                .isEqualTo(HAPI.newJsonParser().encodeResourceToString(o));
    }

    static VitalsView vitals() {
        return new VitalsView(
                UUID.fromString("00000000-0000-4000-8000-000000000002"),
                UUID.fromString("00000000-0000-4000-8000-000000000003"),
                120,
                80,
                72,
                16,
                new BigDecimal("36.60"),
                98,
                new BigDecimal("170.0"),
                new BigDecimal("65"),
                new BigDecimal("22.5"),
                Instant.parse("2026-12-01T09:30:00Z"),
                "Nurse Kim");
    }

    private static PatientView patient() {
        return new PatientView(
                PATIENT,
                "MRN-1",
                "김환자",
                "Kim Hwanja",
                LocalDate.of(1970, 1, 2),
                Sex.M,
                "010-1234-5678",
                "서울시 종로구",
                BloodType.A_POS,
                "김보호",
                "010-0000-0000",
                "700102-1******",
                true,
                null,
                null,
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-02-01T00:00:00Z"),
                3,
                UUID.fromString("00000000-0000-4000-8000-000000000005"),
                null,
                null);
    }
}
