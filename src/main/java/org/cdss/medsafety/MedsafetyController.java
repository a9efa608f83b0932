package org.cdss.medsafety;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/medsafety")
class MedsafetyController {

    private final MedicationSafety safety;

    MedsafetyController(MedicationSafety safety) {
        this.safety = safety;
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

    @GetMapping("/kb")
    KbInfo knowledgeBase() {
        return safety.knowledgeBase();
    }
}
