package org.cdss.patients;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.cdss.patients.PatientRequests.InactivateRequest;
import org.cdss.patients.PatientRequests.RegisterPatientRequest;
import org.cdss.patients.PatientRequests.UpdatePatientRequest;
import org.cdss.shared.PageView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/patients")
class PatientController {

    private final PatientDirectory directory;
    private final PatientManagement management;

    PatientController(PatientDirectory directory, PatientManagement management) {
        this.directory = directory;
        this.management = management;
    }

    /**
     * Unified search by name (full, prefix, 초성), MRN, phone or birth date, ranked by match quality, the patients
     * seen in {@code department} first (default: the caller's departments; {@code all}: no preference). Without
     * {@code sort} the order is by relevance; {@code sort=field,asc|desc} orders by one field instead.
     */
    @GetMapping
    PageView<PatientSummaryView> search(
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) @Size(max = 40) String department,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) @Size(max = 40) String sort) {
        return directory.search(q, department, page, size, sort);
    }

    @GetMapping("/{id}")
    PatientView get(@PathVariable UUID id) {
        return directory.detail(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PatientView register(@Valid @RequestBody RegisterPatientRequest request) {
        return management.register(request.demographics(), request.rrn());
    }

    /** Edits the demographics; {@code version} must be the one read, else 409 stale-version. */
    @PutMapping("/{id}")
    PatientView update(@PathVariable UUID id, @Valid @RequestBody UpdatePatientRequest request) {
        return management.update(id, request.version(), request.demographics(), request.rrn());
    }

    @PostMapping("/{id}/inactivate")
    PatientView inactivate(@PathVariable UUID id, @Valid @RequestBody InactivateRequest request) {
        return management.inactivate(id, request.reason());
    }

    /** The resident registration number in clear: front office and administrators only, audited. */
    @PostMapping("/{id}/rrn/reveal")
    RevealedRrn revealRrn(@PathVariable UUID id) {
        return management.revealRrn(id);
    }

    @GetMapping("/{id}/history")
    java.util.List<PatientChangeView> history(@PathVariable UUID id) {
        return management.history(id);
    }
}
