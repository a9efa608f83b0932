package org.cdss.medsafety;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * CDS Hooks 2.0 endpoints. Discovery is public, as the specification expects EHRs to read it before they are
 * configured. TODO(issue 4): the order-select / order-sign service calls (FHIR R4 parsing, prefetch, cards, JWT)
 * and the feedback endpoint.
 */
@RestController
class CdsHooksController {

    private static final CdsServiceDiscovery DISCOVERY = CdsServiceDiscovery.medicationSafety();

    @GetMapping("/cds-services")
    CdsServiceDiscovery discovery() {
        return DISCOVERY;
    }
}
