package org.cdss.medsafety;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/medsafety")
class MedsafetyAdminController {

    private final OverrideStats stats;

    MedsafetyAdminController(OverrideStats stats) {
        this.stats = stats;
    }

    /** Per rule: times shown and overridden, override rate, top reasons, flagged for review; most shown first. */
    @GetMapping("/override-stats")
    List<OverrideStat> overrideStats() {
        return stats.perRule();
    }
}
