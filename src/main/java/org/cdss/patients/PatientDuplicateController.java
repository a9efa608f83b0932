package org.cdss.patients;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cdss.patients.PatientDuplicates.DuplicateMatch;
import org.cdss.patients.PatientDuplicates.DuplicatePair;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Duplicate patient records (ADR 0026): the check before a registration, and the administrator's merge. */
@RestController
class PatientDuplicateController {

    private final PatientDuplicates duplicates;

    PatientDuplicateController(PatientDuplicates duplicates) {
        this.duplicates = duplicates;
    }

    /** What a registration form sends before saving; {@code excludeId}: the record being edited. */
    record DuplicateCheckRequest(
            @NotBlank @Size(max = 100) String name,
            @NotNull @PastOrPresent LocalDate birthDate,

            @Nullable @Size(max = 20) @Pattern(regexp = PatientRequests.PHONE)
            String phone,

            @Nullable @Size(max = 14) @Pattern(regexp = PatientRequests.RRN)
            String rrn,

            @Nullable UUID excludeId) {}

    record MergeRequest(
            @NotNull UUID mergedId,
            @NotNull UUID survivorId,
            @NotBlank @Size(max = 500) String reason) {}

    /** The records that may be this person (POST: the number never goes into a URL or an access log). */
    @PostMapping("/api/patients/duplicates/check")
    List<DuplicateMatch> check(@Valid @RequestBody DuplicateCheckRequest request) {
        return duplicates.check(
                request.name(), request.birthDate(), request.phone(), request.rrn(), request.excludeId());
    }

    /** The records merged into this one. */
    @GetMapping("/api/patients/{id}/merged")
    List<PatientSummaryView> merged(@PathVariable UUID id) {
        return duplicates.mergedInto(id);
    }

    @GetMapping("/api/admin/patient-duplicates")
    List<DuplicatePair> list() {
        return duplicates.list();
    }

    @PostMapping("/api/admin/patient-duplicates/merge")
    PatientView merge(@Valid @RequestBody MergeRequest request) {
        return duplicates.merge(request.mergedId(), request.survivorId(), request.reason());
    }
}
