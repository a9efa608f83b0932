package org.cdss.fhir;

import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * What the providers share: opaque ids, references, and the search filters applied to what a module API returned
 * for one patient (the module decides who sees what; these only narrow it down).
 */
final class FhirSearch {

    private FhirSearch() {}

    /** The UUID of a logical id; an id that is not one is simply unknown (404), as in the JSON API. */
    static UUID uuid(IdType id) {
        return uuid(id.getIdPart(), id.getResourceType());
    }

    static UUID uuid(String value, @Nullable String type) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ResourceNotFoundException(new IdType(type == null ? "Resource" : type, value));
        }
    }

    /** The patient of a {@code patient}/{@code subject} parameter: {@code 123}, {@code Patient/123}. */
    static UUID patient(ReferenceParam patient) {
        if (patient.getResourceType() != null && !"Patient".equals(patient.getResourceType())) {
            throw new InvalidRequestException("patient must reference a Patient");
        }
        try {
            return UUID.fromString(patient.getIdPart());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidRequestException("patient must be a Patient id");
        }
    }

    static Reference ref(String type, Object id, @Nullable String display) {
        Reference r = new Reference(type + "/" + id);
        if (display != null && !display.isBlank()) {
            r.setDisplay(display);
        }
        return r;
    }

    static @Nullable Date date(@Nullable Instant at) {
        return at == null ? null : Date.from(at);
    }

    static boolean in(@Nullable DateRangeParam range, @Nullable Date at) {
        if (range == null || range.isEmpty()) {
            return true;
        }
        if (at == null) {
            return false;
        }
        Date low = range.getLowerBoundAsInstant();
        Date high = range.getUpperBoundAsInstant();
        return (low == null || !at.before(low)) && (high == null || !at.after(high));
    }

    /** Whether a concept matches any token of the list ({@code system|code}, {@code code}, {@code system|}). */
    static boolean matches(@Nullable TokenOrListParam tokens, @Nullable CodeableConcept concept) {
        if (tokens == null || tokens.getValuesAsQueryTokens().isEmpty()) {
            return true;
        }
        if (concept == null) {
            return false;
        }
        for (TokenParam token : tokens.getValuesAsQueryTokens()) {
            for (Coding coding : concept.getCoding()) {
                boolean systemOk =
                        token.getSystem() == null || token.getSystem().equals(coding.getSystem());
                boolean codeOk = token.getValue() == null
                        || token.getValue().isEmpty()
                        || token.getValue().equals(coding.getCode());
                if (systemOk && codeOk) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean matchesCode(@Nullable TokenOrListParam tokens, @Nullable String code) {
        if (tokens == null || tokens.getValuesAsQueryTokens().isEmpty()) {
            return true;
        }
        return tokens.getValuesAsQueryTokens().stream()
                .anyMatch(t -> t.getValue() != null && t.getValue().equals(code));
    }

    /** The resources that fall in the {@code _lastUpdated} range (all when it is absent). */
    static <T extends Resource> List<T> lastUpdated(List<T> resources, @Nullable DateRangeParam lastUpdated) {
        if (lastUpdated == null || lastUpdated.isEmpty()) {
            return resources;
        }
        return resources.stream()
                .filter(r -> in(lastUpdated, r.getMeta().getLastUpdated()))
                .toList();
    }

    static <V, T> List<T> map(List<V> views, Function<V, T> mapper) {
        return views.stream().map(mapper).toList();
    }
}
