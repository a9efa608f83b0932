package org.cdss.medsafety;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
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

    /**
     * Runs order-select or order-sign: FHIR R4 draft MedicationRequests + prefetch in, cards out. The cards are in
     * the language of {@code Accept-Language} (Korean or English, {@link AlertText}); an EHR that sends none gets
     * English (the UI's default, Korean, is for our own screens).
     */
    @PostMapping("/cds-services/{id}")
    CdsHooksService.Cards call(@PathVariable String id, @RequestBody JsonNode body, HttpServletRequest request) {
        return service.call(id, body, readerLocale(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
    }

    /** The cards' language: the resolved request locale when the caller named one, else English. */
    static Locale readerLocale(@org.jspecify.annotations.Nullable String acceptLanguage) {
        return acceptLanguage == null || acceptLanguage.isBlank() ? Locale.ENGLISH : LocaleContextHolder.getLocale();
    }

    /** Records whether the clinician accepted or overrode cards of an earlier call. */
    @PostMapping("/cds-services/{id}/feedback")
    ResponseEntity<Void> feedback(@PathVariable String id, @RequestBody JsonNode body) {
        service.feedback(id, body);
        return ResponseEntity.ok().build();
    }
}
