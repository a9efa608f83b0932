package org.cdss.records;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cdss.records.RecordRequests.AmendNoteRequest;
import org.cdss.records.RecordRequests.OpenEncounterRequest;
import org.cdss.records.RecordRequests.RecordDiagnosisRequest;
import org.cdss.records.RecordRequests.RecordVitalsRequest;
import org.cdss.records.RecordRequests.VoidEncounterRequest;
import org.cdss.records.RecordRequests.WriteNoteRequest;
import org.cdss.records.RecordViews.DiagnosisView;
import org.cdss.records.RecordViews.EncounterDetailView;
import org.cdss.records.RecordViews.EncounterView;
import org.cdss.records.RecordViews.NoteVersionView;
import org.cdss.records.RecordViews.NoteView;
import org.cdss.records.RecordViews.VitalsView;
import org.cdss.shared.PageView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RecordController {

    private final RecordManagement management;
    private final NoteCommands notes;
    private final RecordQueries queries;
    private final Timeline timeline;

    RecordController(RecordManagement management, NoteCommands notes, RecordQueries queries, Timeline timeline) {
        this.management = management;
        this.notes = notes;
        this.queries = queries;
        this.timeline = timeline;
    }

    /** The patient's visit history, newest first. */
    @GetMapping("/api/patients/{id}/encounters")
    List<EncounterView> encounters(@PathVariable UUID id) {
        return queries.encounters(id);
    }

    /** Opens an encounter; for an appointment that already has one, returns that one. */
    @PostMapping("/api/patients/{id}/encounters")
    @ResponseStatus(HttpStatus.CREATED)
    EncounterDetailView open(@PathVariable UUID id, @Valid @RequestBody OpenEncounterRequest body) {
        return management.open(id, body);
    }

    /** The patient's latest recorded weight (the banner), or nulls when none was recorded. */
    @GetMapping("/api/patients/{id}/weight")
    RecordQueries.LatestWeightView weight(@PathVariable UUID id) {
        return queries.latestWeight(id);
    }

    /** The patient's timeline, newest first; {@code types} from {@code ENCOUNTER, NOTE, VITALS, DIAGNOSIS, …}. */
    @GetMapping("/api/patients/{id}/timeline")
    PageView<TimelineEntry> timeline(
            @PathVariable UUID id,
            @RequestParam(required = false) Set<String> types,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return timeline.page(id, types, from, to, page, size);
    }

    @GetMapping("/api/encounters/{id}")
    EncounterDetailView encounter(@PathVariable UUID id) {
        return queries.encounter(id);
    }

    @PostMapping("/api/encounters/{id}/finish")
    EncounterDetailView finish(@PathVariable UUID id) {
        return management.finish(id);
    }

    @PostMapping("/api/encounters/{id}/void")
    EncounterDetailView voidEncounter(@PathVariable UUID id, @Valid @RequestBody VoidEncounterRequest body) {
        return management.voidEncounter(id, body.reason());
    }

    @PostMapping("/api/encounters/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    NoteView writeNote(@PathVariable UUID id, @Valid @RequestBody WriteNoteRequest body) {
        return notes.writeNote(id, body.subjective(), body.objective(), body.assessment(), body.plan());
    }

    @PutMapping("/api/encounters/{id}/notes/{noteId}")
    NoteView amendNote(@PathVariable UUID id, @PathVariable UUID noteId, @Valid @RequestBody AmendNoteRequest body) {
        return notes.amendNote(
                id,
                noteId,
                body.version(),
                body.subjective(),
                body.objective(),
                body.assessment(),
                body.plan(),
                body.reason());
    }

    /** Every version of a note, the original first (ADR 0015: notes are amended by appending, never overwritten). */
    @GetMapping("/api/encounters/{id}/notes/{noteId}/versions")
    List<NoteVersionView> noteVersions(@PathVariable UUID id, @PathVariable UUID noteId) {
        return queries.noteVersions(id, noteId);
    }

    @PostMapping("/api/encounters/{id}/vitals")
    @ResponseStatus(HttpStatus.CREATED)
    VitalsView recordVitals(@PathVariable UUID id, @Valid @RequestBody RecordVitalsRequest body) {
        return management.recordVitals(id, body.vitals());
    }

    @PostMapping("/api/encounters/{id}/diagnoses")
    @ResponseStatus(HttpStatus.CREATED)
    DiagnosisView recordDiagnosis(@PathVariable UUID id, @Valid @RequestBody RecordDiagnosisRequest body) {
        return management.recordDiagnosis(id, body.code(), body.description(), body.primary());
    }
}
