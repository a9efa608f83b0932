package org.cdss.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI's {@link FhirValidator} with the base R4 structure definitions and the terminology HAPI checks offline (its
 * built-in value sets, UCUM, the common code systems): no server, no network. Tallies errors and warnings per type.
 */
final class FhirValidation {

    private static FhirValidator validator;

    final Map<String, Integer> resources = new TreeMap<>();
    final Map<String, Integer> warnings = new TreeMap<>();
    final Map<String, Integer> warningKinds = new TreeMap<>();
    final List<String> errors = new ArrayList<>();

    static synchronized FhirValidator validator() {
        if (validator == null) {
            FhirContext ctx = FhirContext.forR4Cached();
            ValidationSupportChain chain = new ValidationSupportChain(
                    new DefaultProfileValidationSupport(ctx),
                    new CommonCodeSystemsTerminologyService(ctx),
                    new InMemoryTerminologyServerValidationSupport(ctx),
                    new SnapshotGeneratingValidationSupport(ctx));
            FhirInstanceValidator module = new FhirInstanceValidator(chain);
            module.setNoTerminologyChecks(false);
            validator = ctx.newValidator().registerValidatorModule(module);
        }
        return validator;
    }

    void validate(IBaseResource resource) {
        String type = resource.fhirType();
        resources.merge(type, 1, Integer::sum);
        for (SingleValidationMessage m :
                validator().validateWithResult(resource).getMessages()) {
            if (m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL) {
                errors.add(type + "/" + resource.getIdElement().getIdPart() + " " + m.getLocationString() + ": "
                        + m.getMessage());
            } else if (m.getSeverity() == ResultSeverityEnum.WARNING) {
                warnings.merge(type, 1, Integer::sum);
                warningKinds.merge(type + ": " + kind(m.getMessage()), 1, Integer::sum);
            }
        }
    }

    /** The message without the codes and values it names, so that warnings of one kind count together. */
    static String kind(String message) {
        return message.replaceAll("\\s*\\(error message = .*", "")
                .replaceAll("'[^']*'", "'…'")
                .replaceAll("\\([^()]*[:#][^()]*\\)", "(…)")
                .replaceAll("[a-z]+:[^\\s]*#[^\\s]*", "…");
    }

    String report() {
        StringBuilder out = new StringBuilder("FHIR validation (base R4, offline terminology)\n");
        resources.forEach((type, n) -> out.append(String.format(
                "%-22s resources %5d  errors %3d  warnings %5d%n",
                type,
                n,
                errors.stream().filter(e -> e.startsWith(type + "/")).count(),
                warnings.getOrDefault(type, 0))));
        out.append("warning kinds:\n");
        warningKinds.forEach((kind, n) -> out.append(String.format("%6d  %s%n", n, kind)));
        return out.toString();
    }
}
