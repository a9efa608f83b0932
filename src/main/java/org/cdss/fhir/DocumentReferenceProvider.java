package org.cdss.fhir;

import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.cdss.records.EncounterStatus;
import org.cdss.records.NoteQueries;
import org.cdss.records.NoteQueries.NoteFilter;
import org.cdss.records.RecordViews.NoteDocumentView;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Period;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@code DocumentReference}: the SOAP notes of the medical record ({@link NoteQueries}), one resource per note (id =
 * the note's id), with the note's real versions ({@code clinical_note_version}) as {@code vread} and instance
 * {@code _history}: {@code meta.versionId} is the note's version (0 the original, each amendment the next). The text
 * is a {@code text/plain} attachment (S/O/A/P lines) in the language it is written in. Mapping in ADR 0047.
 */
@Component
class DocumentReferenceProvider implements IResourceProvider {

    static final String CONTENT_TYPE = "text/plain; charset=utf-8";

    private final NoteQueries notes;

    DocumentReferenceProvider(NoteQueries notes) {
        this.notes = notes;
    }

    @Override
    public Class<DocumentReference> getResourceType() {
        return DocumentReference.class;
    }

    /** Read, and with a version ({@code _history/n}) the note as that version was written. */
    @Read(version = true)
    public DocumentReference read(@IdParam IdType id) {
        UUID note = FhirSearch.uuid(id);
        if (!id.hasVersionIdPart()) {
            return toFhir(notes.note(note));
        }
        long version;
        try {
            version = Long.parseLong(id.getVersionIdPart());
        } catch (NumberFormatException e) {
            throw new ResourceNotFoundException(id);
        }
        return toFhir(notes.version(note, version));
    }

    /** The note's versions, the current one first (the entries' request and response: {@link HistoryEntries}). */
    @History
    public List<DocumentReference> history(@IdParam IdType id) {
        return notes.history(FhirSearch.uuid(id)).stream()
                .map(DocumentReferenceProvider::toFhir)
                .toList();
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = DocumentReference.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = DocumentReference.SP_SUBJECT) ReferenceParam subject,
            @OptionalParam(name = DocumentReference.SP_DATE) DateRangeParam date,
            @OptionalParam(name = DocumentReference.SP_CATEGORY) TokenOrListParam category,
            @OptionalParam(name = DocumentReference.SP_TYPE) TokenOrListParam type,
            @OptionalParam(name = DocumentReference.SP_STATUS) TokenOrListParam status,
            @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
        UUID patientId = patientOf(patient, subject);
        // every note is an outpatient SOAP note: a category or type that is not that one finds none (the module is
        // still asked, so that the access check and its audit record are the same as for any search)
        boolean kind = FhirSearch.matches(category, FhirCodes.clinicalNoteCategory())
                && FhirSearch.matches(type, FhirCodes.outpatientNoteType());
        NoteFilter filter = new NoteFilter(
                lower(date),
                upper(date),
                lower(lastUpdated),
                upper(lastUpdated),
                kind && FhirSearch.matchesCode(status, DocumentReferenceStatus.CURRENT.toCode()),
                kind && FhirSearch.matchesCode(status, DocumentReferenceStatus.ENTEREDINERROR.toCode()));
        return new PagedSearch<>(
                (page, size) -> notes.notes(patientId, filter, page, size), DocumentReferenceProvider::toFhir);
    }

    private static UUID patientOf(@Nullable ReferenceParam patient, @Nullable ReferenceParam subject) {
        if (patient == null && subject == null) {
            throw new InvalidRequestException("patient or subject is required");
        }
        UUID id = FhirSearch.patient(patient != null ? patient : subject);
        if (patient != null && subject != null && !id.equals(FhirSearch.patient(subject))) {
            throw new InvalidRequestException("patient and subject name different patients");
        }
        return id;
    }

    private static @Nullable Instant lower(@Nullable DateRangeParam range) {
        Date at = range == null ? null : range.getLowerBoundAsInstant();
        return at == null ? null : at.toInstant();
    }

    private static @Nullable Instant upper(@Nullable DateRangeParam range) {
        Date at = range == null ? null : range.getUpperBoundAsInstant();
        return at == null ? null : at.toInstant();
    }

    static DocumentReference toFhir(NoteDocumentView v) {
        DocumentReference d = new DocumentReference();
        String version = Long.toString(v.version());
        d.setId(new IdType("DocumentReference", v.noteId().toString(), version));
        d.getMeta().setVersionId(version).setLastUpdated(FhirSearch.date(v.writtenAt()));
        // a note of a visit entered in error is entered in error in every version: voiding the visit adds no version
        d.setStatus(
                v.encounterStatus() == EncounterStatus.ENTERED_IN_ERROR
                        ? DocumentReferenceStatus.ENTEREDINERROR
                        : DocumentReferenceStatus.CURRENT);
        d.setDocStatus(
                v.version() == 0
                        ? DocumentReference.ReferredDocumentStatus.FINAL
                        : DocumentReference.ReferredDocumentStatus.AMENDED);
        d.setType(FhirCodes.outpatientNoteType());
        d.addCategory(FhirCodes.clinicalNoteCategory());
        d.setSubject(FhirSearch.ref("Patient", v.patientId(), null));
        d.setDate(FhirSearch.date(v.authoredAt()));
        d.addAuthor(FhirSearch.ref("Practitioner", v.authoredById(), v.authoredBy()));
        if (v.writtenById() != null && !v.writtenById().equals(v.authoredById())) {
            d.addAuthor(FhirSearch.ref("Practitioner", v.writtenById(), v.writtenBy()));
        }
        String text = soap(v);
        boolean korean = korean(text);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Attachment attachment = new Attachment()
                .setContentType(CONTENT_TYPE)
                .setLanguage(korean ? "ko" : "en")
                .setData(bytes)
                .setSize(bytes.length)
                .setHash(sha1(bytes))
                .setTitle(korean ? "외래 진료기록 (SOAP)" : "Outpatient note (SOAP)")
                .setCreation(FhirSearch.date(v.writtenAt()));
        d.addContent().setAttachment(attachment);
        d.getContext()
                .addEncounter(FhirSearch.ref("Encounter", v.encounterId(), null))
                .setPeriod(new Period()
                        .setStart(FhirSearch.date(v.encounterStartedAt()))
                        .setEnd(FhirSearch.date(v.encounterEndedAt())));
        return d;
    }

    /** The note as plain text: one {@code S:}/{@code O:}/{@code A:}/{@code P:} paragraph per part it has. */
    static String soap(NoteDocumentView v) {
        StringBuilder out = new StringBuilder();
        part(out, "S", v.subjective());
        part(out, "O", v.objective());
        part(out, "A", v.assessment());
        part(out, "P", v.plan());
        return out.toString();
    }

    private static void part(StringBuilder out, String letter, @Nullable String text) {
        if (text != null && !text.isBlank()) {
            out.append(letter).append(": ").append(text.strip()).append('\n');
        }
    }

    /** Notes carry no language of their own: any Hangul makes a note Korean, otherwise it is English. */
    static boolean korean(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL);
    }

    private static byte[] sha1(byte[] bytes) {
        try {
            // R4's Attachment.hash is SHA-1 by definition
            return MessageDigest.getInstance("SHA-1").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
