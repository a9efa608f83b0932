package org.cdss.medsafety;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * CDS Hooks 2.0 endpoints (ADR 0009). Discovery is public, as the specification expects EHRs to read it before they
 * are configured. The services and their feedback endpoint accept a logged-in prescriber (session + CSRF, our UI) or
 * an EHR's CDS Hooks JWT signed with a configured trusted client key ({@code CdsHooksSecurityConfiguration}).
 */
@RestController
class CdsHooksController {

    static final CdsServiceDiscovery DISCOVERY = CdsServiceDiscovery.medicationSafety();

    private final CdsHooksService service;

    CdsHooksController(CdsHooksService service) {
        this.service = service;
    }

    @GetMapping("/cds-services")
    CdsServiceDiscovery discovery() {
        return DISCOVERY;
    }

    /** Runs order-select or order-sign: FHIR R4 draft MedicationRequests + prefetch in, cards out. */
    @PostMapping("/cds-services/{id}")
    CdsHooksService.Cards call(@PathVariable String id, @RequestBody JsonNode body) {
        return service.call(id, body);
    }

    /** Records whether the clinician accepted or overrode cards of an earlier call. */
    @PostMapping("/cds-services/{id}/feedback")
    ResponseEntity<Void> feedback(@PathVariable String id, @RequestBody JsonNode body) {
        service.feedback(id, body);
        return ResponseEntity.ok().build();
    }
}
