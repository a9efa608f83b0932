package org.cdss.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.time.Instant;
import java.util.UUID;
import org.cdss.records.EncounterStatus;
import org.cdss.records.RecordViews.NoteDocumentView;
import org.hl7.fhir.r4.model.DocumentReference;
import org.junit.jupiter.api.Test;

/**
 * The {@code DocumentReference} of a note version (as the records module's API gives it): what it says, that it
 * round-trips through HAPI's strict JSON parser, and that it validates against base R4 offline. The served path
 * (vread, history, search, access) is {@link FhirDocumentReferenceIntegrationTests}.
 */
class DocumentReferenceMappingTests {

    @Test
    void an_amended_english_note_maps_to_a_valid_document_reference() {
        UUID note = UUID.randomUUID();
        UUID author = UUID.randomUUID();
        UUID amender = UUID.randomUUID();
        Instant written = Instant.parse("2026-12-01T01:00:00Z");
        NoteDocumentView view = new NoteDocumentView(
                note,
                UUID.randomUUID(),
                UUID.randomUUID(),
                EncounterStatus.FINISHED,
                written.minusSeconds(600),
                written.plusSeconds(300),
                author,
                "Dr. Kim",
                written,
                1,
                1,
                "Cough",
                null,
                "Bronchitis",
                " ",
                amender,
                "Dr. Lee",
                written.plusSeconds(3600),
                "lab result");
        DocumentReference d = DocumentReferenceProvider.toFhir(view);
        assertThat(d.getIdElement().getVersionIdPart()).isEqualTo("1");
        assertThat(d.getDocStatus()).isEqualTo(DocumentReference.ReferredDocumentStatus.AMENDED);
        assertThat(d.getAuthor()).hasSize(2);
        assertThat(d.getContentFirstRep().getAttachment().getLanguage()).isEqualTo("en");
        assertThat(DocumentReferenceProvider.soap(view)).isEqualTo("S: Cough\nA: Bronchitis\n");

        FhirContext ctx = FhirContext.forR4Cached();
        String json = ctx.newJsonParser().encodeResourceToString(d);
        DocumentReference parsed = ctx.newJsonParser()
                .setParserErrorHandler(new StrictErrorHandler())
                .parseResource(DocumentReference.class, json);
        assertThat(parsed.getAuthor()).hasSize(2);
        FhirValidation validation = new FhirValidation();
        validation.validate(d);
        assertThat(validation.errors).as(validation.report()).isEmpty();
    }
}
