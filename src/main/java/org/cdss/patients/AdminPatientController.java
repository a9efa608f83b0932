package org.cdss.patients;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrator's pick of a patient by name or MRN, to filter the audit trail by (issue 15 item 6), and one
 * patient's header where an administrator's page links to a patient.
 */
@RestController
class AdminPatientController {

    private final AuditPatientNames names;

    AdminPatientController(AuditPatientNames names) {
        this.names = names;
    }

    @GetMapping("/api/admin/patients")
    List<PatientSummaryView> pick(@RequestParam @NotBlank @Size(max = 100) String q) {
        return names.pick(q);
    }

    /** One patient's header (the administrator's page of a patient's portal account). */
    @GetMapping("/api/admin/patients/{id}")
    PatientSummaryView header(@PathVariable UUID id) {
        return names.header(id);
    }
}
