package org.cdss.medsafety;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/medsafety")
class MedsafetyController {

    private final MedicationSafety safety;
    private final ReferenceSetMeasure referenceSet;

    MedsafetyController(MedicationSafety safety, ReferenceSetMeasure referenceSet) {
        this.safety = safety;
        this.referenceSet = referenceSet;
    }

    /** Checks a proposed order; the caller supplies the active medications and allergies for now. */
    @PostMapping("/check")
    MedicationCheckResult check(@Valid @RequestBody MedicationCheckRequest request) {
        return safety.check(request);
    }

    /** Records the clinician's decisions (heeded or overridden, with reasons) on the alerts of a check. */
    @PostMapping("/decisions")
    AlertDecisionResult decisions(@Valid @RequestBody AlertDecisionRequest request) {
        return safety.decide(request);
    }

    /** Autocomplete for the order form: products and ingredients by Korean, English or brand name. */
    @GetMapping("/drugs")
    List<DrugSuggestion> drugs(@RequestParam @NotBlank @Size(max = 100) String q) {
        return safety.searchDrugs(q);
    }

    /** KB browser autocomplete: ingredients and products by Korean, English or brand name. */
    @GetMapping("/ingredients")
    List<DrugSuggestion> ingredients(@RequestParam @NotBlank @Size(max = 100) String q) {
        return safety.searchIngredients(q);
    }

    /**
     * KB browser: an ingredient (DrugBank accession) with its classes and groups and one page of its interactions,
     * most severe first, optionally only one severity and/or source.
     */
    @GetMapping("/ingredients/{drugbankId}")
    KbIngredient ingredient(
            @PathVariable @Size(max = 20) String drugbankId,
            @RequestParam(required = false) Severity severity,
            @RequestParam(required = false) @Size(max = 20) String source,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return safety.ingredient(drugbankId, severity, source == null || source.isBlank() ? null : source, page, size);
    }

    @GetMapping("/kb")
    KbInfo knowledgeBase() {
        return safety.knowledgeBase();
    }

    /**
     * The published reference set measured on the loaded KB (issue 14 item 8): per type and category the cases,
     * sensitivity or specificity, the share interrupted and the cases missed, with the KB version measured on.
     */
    @GetMapping("/kb/reference-set")
    ReferenceSet.ReferenceSetReport referenceSet() {
        return referenceSet.report();
    }
}
