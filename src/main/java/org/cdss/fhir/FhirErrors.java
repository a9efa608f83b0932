package org.cdss.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.cdss.shared.DomainException;
import org.cdss.shared.ProblemType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Turns what the module APIs throw into FHIR errors with an {@code OperationOutcome} body: a module's problem code
 * keeps its status (404 for records the caller may not see, as in the JSON API) and travels as the issue's coding
 * ({@code urn:cdss:problem}); method security's refusal is 403; anything unexpected is 500 without details.
 */
@Component
@Interceptor
class FhirErrors {

    private static final Logger log = LoggerFactory.getLogger(FhirErrors.class);

    /**
     * {@code _offset} paging is refused: HAPI then expects each provider to apply the offset itself (none does, ours
     * page through the server's paging store and {@code next} links) and skips the page-size cap, so pages would
     * repeat or hold everything.
     */
    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void noOffsetPaging(RequestDetails request) {
        if (request.getParameters() != null && request.getParameters().containsKey("_offset")) {
            throw withCode(
                    new InvalidRequestException("_offset is not supported: follow the bundle's next link"), "invalid");
        }
    }

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException translate(RequestDetails request, Throwable error) {
        Throwable cause = error;
        while ((cause instanceof InternalErrorException
                        || cause instanceof java.lang.reflect.InvocationTargetException
                        || cause instanceof java.lang.reflect.UndeclaredThrowableException)
                && cause.getCause() != null
                && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof BaseServerResponseException known) {
            return known;
        }
        if (cause instanceof DomainException domain) {
            if (domain.problem() == org.cdss.shared.ProblemCode.STALE_VERSION) {
                // FHIR's answer to an If-Match that no longer matches
                return withCode(new PreconditionFailedException("stale-version"), "stale-version");
            }
            BaseServerResponseException e =
                    withCode(forStatus(domain.problem()), domain.problem().code());
            if (e.getOperationOutcome() instanceof OperationOutcome outcome) {
                for (DomainException.FieldProblem f : domain.fieldProblems()) {
                    outcome.addIssue()
                            .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                            .setCode(OperationOutcome.IssueType.INVALID)
                            .setDiagnostics(f.messageKey() + " at " + f.pointer());
                }
            }
            return e;
        }
        if (cause instanceof ca.uhn.fhir.parser.DataFormatException) {
            // a search parameter HAPI could not parse (a date like 2024-13-45): the request's fault, not ours
            return withCode(new InvalidRequestException("invalid"), "invalid");
        }
        if (cause instanceof AccessDeniedException) {
            return withCode(new ForbiddenOperationException("forbidden"), "forbidden");
        }
        if (cause instanceof org.springframework.security.core.AuthenticationException) {
            return withCode(new AuthenticationException("unauthenticated"), "unauthenticated");
        }
        log.error("FHIR request failed", cause);
        return withCode(new InternalErrorException("internal"), "internal");
    }

    private static BaseServerResponseException forStatus(ProblemType problem) {
        String text = problem.code();
        return switch (problem.status()) {
            case 400 -> new InvalidRequestException(text);
            case 401 -> new AuthenticationException(text);
            case 403 -> new ForbiddenOperationException(text);
            case 404 -> new ResourceNotFoundException(text);
            case 409 -> new ResourceVersionConflictException(text);
            case 412 -> new PreconditionFailedException(text);
            case 422 -> new UnprocessableEntityException(text);
            default -> new UnclassifiedServerFailureException(problem.status(), text);
        };
    }

    private static BaseServerResponseException withCode(BaseServerResponseException e, String code) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(issueType(e.getStatusCode()))
                .setDetails(new CodeableConcept(new Coding("urn:cdss:problem", code, null)).setText(code));
        e.setOperationOutcome(outcome);
        return e;
    }

    private static OperationOutcome.IssueType issueType(int status) {
        return switch (status) {
            case 400 -> OperationOutcome.IssueType.INVALID;
            case 401 -> OperationOutcome.IssueType.LOGIN;
            case 403 -> OperationOutcome.IssueType.FORBIDDEN;
            case 404 -> OperationOutcome.IssueType.NOTFOUND;
            case 409, 412 -> OperationOutcome.IssueType.CONFLICT;
            case 422 -> OperationOutcome.IssueType.BUSINESSRULE;
            default -> OperationOutcome.IssueType.EXCEPTION;
        };
    }
}
