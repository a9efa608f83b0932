package org.cdss.patients;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The administrator's pick of a patient by name or MRN, to filter the audit trail by (issue 15 item 6). */
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
}
