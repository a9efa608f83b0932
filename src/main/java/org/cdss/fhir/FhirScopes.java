package org.cdss.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * SMART scopes on calls made with a bearer token (ADR 0035): each interaction needs its permission on the resource
 * type — read and history {@code r}, search {@code s}, create {@code c}, update and patch {@code u}, delete
 * {@code d} — and an {@code _include} needs {@code r} on the type it brings in. Checked before the provider runs, so
 * a refused call touches no data (403 OperationOutcome, audited as denied). A page of search results needs the
 * same scopes as the search that made it, checked on the token that asks for the page. The token's account still has to pass
 * the module's own checks (role, department, its own patient). Session calls (the UI's users) are not scoped.
 */
@Component
@Interceptor
class FhirScopes {

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void check(RequestDetails request, RestOperationTypeEnum operation) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof FhirTokenAuthentication token)) {
            return;
        }
        if (operation == RestOperationTypeEnum.METADATA || operation == RestOperationTypeEnum.GET_PAGE) {
            return; // no data, or a page of a search: checked when the page is retrieved (OwnedPagingProvider)
        }
        char permission = permission(operation);
        String type = request.getResourceName();
        if (permission == 0 || type == null || !token.allows(type, permission)) {
            throw refused(type, permission);
        }
        checkIncludes(token, includes(request));
    }

    /**
     * A page of an earlier search ({@code _getpages}) needs what the search needed, checked with the token of the
     * call that asks for the page ({@link OwnedPagingProvider}).
     */
    static void checkPage(
            FhirTokenAuthentication token, @Nullable String type, char permission, List<String> includes) {
        if (permission == 0 || type == null || !token.allows(type, permission)) {
            throw refused(type, permission);
        }
        checkIncludes(token, includes);
    }

    /**
     * Every include of the request, under whatever name HAPI accepts for it: {@code _include}, and its qualified
     * forms {@code _include:iterate} / {@code _include:recurse}, which bind to the same parameter (a scope check that
     * read only {@code _include} let a MedicationRequest-only token include the Patient), and {@code _revinclude}.
     */
    static List<String> includes(RequestDetails request) {
        if (request.getParameters() == null) {
            return List.of();
        }
        List<String> includes = new java.util.ArrayList<>();
        request.getParameters().forEach((name, values) -> {
            if (name.startsWith("_include") || name.startsWith("_revinclude")) {
                includes.addAll(List.of(values));
            }
        });
        return List.copyOf(includes);
    }

    private static void checkIncludes(FhirTokenAuthentication token, List<String> includes) {
        for (String include : includes) {
            String target = included(include);
            if (target == null || !token.allows(target, 'r')) {
                throw refused(target == null ? include : target, 'r');
            }
        }
    }

    static char permission(RestOperationTypeEnum operation) {
        return switch (operation) {
            case READ, VREAD, HISTORY_INSTANCE, HISTORY_TYPE -> 'r';
            case SEARCH_TYPE -> 's';
            case CREATE -> 'c';
            case UPDATE, PATCH -> 'u';
            case DELETE -> 'd';
            default -> 0;
        };
    }

    /** The resource type an {@code _include} brings in: the patient/subject, or the requester. */
    static String included(String include) {
        String parameter = include.contains(":") ? include.substring(include.indexOf(':') + 1) : include;
        if (parameter.contains(":")) {
            return parameter.substring(parameter.indexOf(':') + 1); // Type:param:TargetType
        }
        return switch (parameter) {
            case "patient", "subject" -> "Patient";
            case "requester" -> "Practitioner";
            default -> null;
        };
    }

    private static ForbiddenOperationException refused(String type, char permission) {
        String why = "the token's scopes do not allow this interaction ("
                + (permission == 0 ? "not available to tokens" : permission + " on " + type) + ")";
        org.hl7.fhir.r4.model.OperationOutcome outcome = new org.hl7.fhir.r4.model.OperationOutcome();
        outcome.addIssue()
                .setSeverity(org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity.ERROR)
                .setCode(org.hl7.fhir.r4.model.OperationOutcome.IssueType.FORBIDDEN)
                .setDiagnostics(why)
                .setDetails(new org.hl7.fhir.r4.model.CodeableConcept(
                                new org.hl7.fhir.r4.model.Coding("urn:cdss:problem", "insufficient-scope", null))
                        .setText("insufficient-scope"));
        return new ForbiddenOperationException(why, outcome);
    }
}
