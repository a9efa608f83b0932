package org.cdss.fhir;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * What the three writable types share: the shape check of the module's own request records (Bean Validation, the same
 * annotations the JSON API validates), the version an update must name ({@code If-Match}), and the answer.
 */
@Component
class FhirWrites {

    private final Validator validator;

    FhirWrites(Validator validator) {
        this.validator = validator;
    }

    /** Refuses (400) what the module's request record would refuse at the JSON API's edge. */
    <T> T valid(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .sorted()
                    .collect(Collectors.joining("; ")));
        }
        return request;
    }

    /** The version an update names in {@code If-Match} (HAPI puts it into the id); 412 without one. */
    static long ifMatch(IdType id) {
        if (!id.hasVersionIdPart()) {
            throw new PreconditionFailedException("If-Match with the version read is required");
        }
        try {
            return Long.parseLong(id.getVersionIdPart());
        } catch (NumberFormatException e) {
            throw new PreconditionFailedException("If-Match must name a version");
        }
    }

    static MethodOutcome outcome(Resource resource, boolean created) {
        MethodOutcome outcome = new MethodOutcome(resource.getIdElement(), created);
        outcome.setResource(resource);
        return outcome;
    }

    static InvalidRequestException invalid(String what) {
        return new InvalidRequestException(what);
    }
}
