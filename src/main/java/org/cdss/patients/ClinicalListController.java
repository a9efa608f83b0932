package org.cdss.patients;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.cdss.patients.ClinicalListRequests.InactivateEntryRequest;
import org.cdss.patients.ClinicalListRequests.RecordAllergyRequest;
import org.cdss.patients.ClinicalListRequests.RecordMedicationRequest;
import org.cdss.patients.ClinicalListRequests.RecordProblemRequest;
import org.cdss.patients.ClinicalViews.AllergyView;
import org.cdss.patients.ClinicalViews.MedicationView;
import org.cdss.patients.ClinicalViews.ProblemView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/patients/{id}")
class ClinicalListController {

    private final ClinicalLists lists;
    private final AllergyReview review;

    ClinicalListController(ClinicalLists lists, AllergyReview review) {
        this.lists = lists;
        this.review = review;
    }

    /** The id of a newly recorded entry. */
    record CreatedEntry(UUID id) {}

    @GetMapping("/allergies")
    List<AllergyView> allergies(@PathVariable UUID id) {
        return lists.allergies(id);
    }

    @PostMapping("/allergies")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedEntry recordAllergy(@PathVariable UUID id, @Valid @RequestBody RecordAllergyRequest request) {
        return new CreatedEntry(lists.recordAllergy(id, request.substance(), request.reaction(), request.severity()));
    }

    /** "No known allergies": confirmed by the caller, now (409 while an active allergy is recorded). */
    @PostMapping("/allergies/none-confirmed")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
    void confirmNoAllergies(@PathVariable UUID id) {
        review.confirmNone(id);
    }

    @PostMapping("/allergies/{itemId}/inactivate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void inactivateAllergy(
            @PathVariable UUID id, @PathVariable UUID itemId, @Valid @RequestBody InactivateEntryRequest request) {
        lists.inactivateAllergy(id, itemId, request.reason());
    }

    @GetMapping("/medications")
    List<MedicationView> medications(@PathVariable UUID id) {
        return lists.medications(id);
    }

    @PostMapping("/medications")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedEntry recordMedication(@PathVariable UUID id, @Valid @RequestBody RecordMedicationRequest request) {
        return new CreatedEntry(lists.recordMedication(id, request.name(), request.dose(), request.startedOn()));
    }

    @PostMapping("/medications/{itemId}/inactivate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void inactivateMedication(
            @PathVariable UUID id, @PathVariable UUID itemId, @Valid @RequestBody InactivateEntryRequest request) {
        lists.inactivateMedication(id, itemId, request.reason());
    }

    @GetMapping("/problems")
    List<ProblemView> problems(@PathVariable UUID id) {
        return lists.problems(id);
    }

    @PostMapping("/problems")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedEntry recordProblem(@PathVariable UUID id, @Valid @RequestBody RecordProblemRequest request) {
        return new CreatedEntry(lists.recordProblem(id, request.code(), request.description(), request.onsetOn()));
    }

    @PostMapping("/problems/{itemId}/inactivate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void inactivateProblem(
            @PathVariable UUID id, @PathVariable UUID itemId, @Valid @RequestBody InactivateEntryRequest request) {
        lists.inactivateProblem(id, itemId, request.reason());
    }
}
