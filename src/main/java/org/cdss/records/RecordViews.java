package org.cdss.records;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the medical records API returns. Instants are UTC. */
public final class RecordViews {

    private RecordViews() {}

    /** An encounter as listed in the visit history, with its diagnoses (primary first). */
    public record EncounterView(
            UUID id,
            UUID patientId,
            UUID appointmentId,
            UUID departmentId,
            UUID doctorId,
            String doctorName,
            EncounterStatus status,
            Instant startedAt,
            Instant endedAt,
            String voidReason,
            List<DiagnosisView> diagnoses,
            long version) {}

    /** One encounter with everything recorded in it. */
    public record EncounterDetailView(EncounterView encounter, List<NoteView> notes, List<VitalsView> vitals) {}

    /**
     * A SOAP note as it reads now (the text of its current version); {@code version} must be sent back to amend it.
     * {@code authoredBy}/{@code authoredAt}: who wrote it first; {@code amendedBy}/{@code amendedAt}: the last
     * amendment, if any.
     */
    public record NoteView(
            UUID id,
            UUID encounterId,
            String subjective,
            String objective,
            String assessment,
            String plan,
            String authoredBy,
            Instant authoredAt,
            Instant amendedAt,
            long version,
            String amendedBy) {}

    /**
     * One version of a SOAP note, as written: version 0 is the original, each amendment the next one, with who wrote
     * it, when, and why ({@code reason}, null for the original and for an author's own amendment without one).
     */
    public record NoteVersionView(
            UUID noteId,
            long version,
            String subjective,
            String objective,
            String assessment,
            String plan,
            String writtenBy,
            Instant writtenAt,
            String reason) {}

    /**
     * One version of a SOAP note with what a document needs around it (the FHIR facade's {@code DocumentReference}):
     * the note's patient and encounter (with the encounter's status and period), who wrote the note first and when,
     * which version this is and which one is current, and this version's text, writer, time and reason. Ids of the
     * writers are staff user ids.
     */
    public record NoteDocumentView(
            UUID noteId,
            UUID patientId,
            UUID encounterId,
            EncounterStatus encounterStatus,
            Instant encounterStartedAt,
            Instant encounterEndedAt,
            UUID authoredById,
            String authoredBy,
            Instant authoredAt,
            long version,
            long currentVersion,
            String subjective,
            String objective,
            String assessment,
            String plan,
            UUID writtenById,
            String writtenBy,
            Instant writtenAt,
            String reason) {}

    /** A set of vital signs; {@code bmi} is computed by the server. */
    public record VitalsView(
            UUID id,
            UUID encounterId,
            Integer systolic,
            Integer diastolic,
            Integer heartRate,
            Integer respiratoryRate,
            BigDecimal temperatureC,
            Integer spo2,
            BigDecimal heightCm,
            BigDecimal weightKg,
            BigDecimal bmi,
            Instant measuredAt,
            String recordedBy) {}

    /** A diagnosis of an encounter, KCD/ICD-10 coded. */
    public record DiagnosisView(
            UUID id,
            UUID encounterId,
            String code,
            String description,
            boolean primary,
            Instant recordedAt,
            String recordedBy) {}
}
