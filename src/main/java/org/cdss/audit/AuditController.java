package org.cdss.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cdss.shared.PageView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/audit")
class AuditController {

    private final AuditQueries queries;
    private final AuditLog log;
    private final ObjectProvider<AuditNames.Users> users;
    private final ObjectProvider<AuditNames.Patients> patients;

    AuditController(
            AuditQueries queries,
            AuditLog log,
            ObjectProvider<AuditNames.Users> users,
            ObjectProvider<AuditNames.Patients> patients) {
        this.queries = queries;
        this.log = log;
        this.users = users;
        this.patients = patients;
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
        return named(result);
    }

    /** The page with the names of its users and patients (ids stay, for tooltips and links). */
    private PageView<AuditEntryView> named(PageView<AuditEntryView> page) {
        Set<UUID> userIds = new HashSet<>();
        Set<UUID> patientIds = new HashSet<>();
        for (AuditEntryView entry : page.content()) {
            if (entry.userId() != null) userIds.add(entry.userId());
            if (entry.patientId() != null) patientIds.add(entry.patientId());
        }
        AuditNames.Users userNames = users.getIfAvailable();
        AuditNames.Patients patientLabels = patients.getIfAvailable();
        Map<UUID, String> names = userNames == null || userIds.isEmpty() ? Map.of() : userNames.displayNames(userIds);
        Map<UUID, AuditNames.PatientLabel> labels =
                patientLabels == null || patientIds.isEmpty() ? Map.of() : patientLabels.labels(patientIds);
        List<AuditEntryView> content = page.content().stream()
                .map(e -> e.named(
                        e.userId() == null ? null : names.get(e.userId()),
                        e.patientId() == null ? null : labels.get(e.patientId())))
                .toList();
        return new PageView<>(content, page.page());
    }

    @GetMapping("/actions")
    List<String> actions() {
        return queries.actions();
    }
}
