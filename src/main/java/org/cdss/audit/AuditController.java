package org.cdss.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cdss.shared.PageView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/audit")
class AuditController {

    private final AuditQueries queries;
    private final AuditLog log;

    AuditController(AuditQueries queries, AuditLog log) {
        this.queries = queries;
        this.log = log;
    }

    @GetMapping
    PageView<AuditEntryView> search(
            @RequestParam(required = false) String username,
            @RequestParam(required = false) UUID patientId,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) AuditOutcome outcome,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        PageView<AuditEntryView> result =
                queries.search(new AuditFilter(username, patientId, action, outcome, from, to), page, size);
        log.record(AuditEvent.success("AUDIT_SEARCH", "AuditTrail", null, patientId));
        return result;
    }

    @GetMapping("/actions")
    List<String> actions() {
        return queries.actions();
    }
}
