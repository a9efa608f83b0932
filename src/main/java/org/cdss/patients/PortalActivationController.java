package org.cdss.patients;

import java.util.UUID;
import org.cdss.identity.PortalActivation;
import org.cdss.identity.PortalActivationCode;
import org.cdss.shared.DomainException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Front office issues a portal activation code for a patient (ADR 0013): the patient must exist here, identity
 * creates the code bound to the patient id. The code is in this answer only (never stored readable, not cached).
 */
@RestController
class PortalActivationController {

    private final PatientDirectory directory;
    private final PortalActivation activation;

    PortalActivationController(PatientDirectory directory, PortalActivation activation) {
        this.directory = directory;
        this.activation = activation;
    }

    @PostMapping("/api/patients/{id}/portal-activation-code")
    ResponseEntity<PortalActivationCode> issue(@PathVariable UUID id) {
        switch (directory.state(id)) {
            case UNKNOWN -> throw DomainException.notFound();
            // merged or closed (ADR 0058): an account opened on it would show an emptied chart
            case INACTIVE -> throw PatientDirectory.inactive("/id");
            case ACTIVE -> {}
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .cacheControl(CacheControl.noStore())
                .body(activation.issue(id));
    }
}
