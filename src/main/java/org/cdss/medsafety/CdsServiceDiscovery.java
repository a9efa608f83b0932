package org.cdss.medsafety;

import java.util.List;
import java.util.Map;

/**
 * The CDS Hooks 2.0 discovery response ({@code GET /cds-services}): the services this CDSS offers to an EHR, with
 * the FHIR queries it wants prefetched. See https://cds-hooks.hl7.org/2.0/#discovery.
 */
public record CdsServiceDiscovery(List<Service> services) {

    public CdsServiceDiscovery {
        services = List.copyOf(services);
    }

    /** One service: the hook it answers, its id (the path after {@code /cds-services/}) and its prefetch templates. */
    public record Service(
            String hook,
            String id,
            String title,
            String description,
            Map<String, String> prefetch,
            String usageRequirements) {

        public Service {
            prefetch = Map.copyOf(prefetch);
        }
    }

    static final Map<String, String> PREFETCH = Map.of(
            "patient", "Patient/{{context.patientId}}",
            "allergies", "AllergyIntolerance?patient={{context.patientId}}",
            "medications", "MedicationRequest?patient={{context.patientId}}&status=active",
            "weight", "Observation?patient={{context.patientId}}&code=http://loinc.org|29463-7&_sort=-date&_count=1");

    /** The services: medication safety (order-select while choosing, order-sign before signing) and patient-view. */
    static CdsServiceDiscovery medicationSafety() {
        String usage = "Prefetch patient, allergies (AllergyIntolerance bundle) and medications (active "
                + "MedicationRequest bundle; active MedicationStatements in it count as taken too) are required; drugs are recognised by the DrugBank or ATC codings the "
                + "knowledge base maps (RxNorm is not mapped), else by name. Patient.birthDate selects the dose "
                + "limits of the age band (children, elderly); weight (Observation bundle, LOINC 29463-7, in kg, g "
                + "or [lb_av], measured in the last " + MedicationSafety.WEIGHT_MAX_AGE_DAYS + " days) is optional, "
                + "but without it a child's weight-based dose is reported as not checked.";
        return new CdsServiceDiscovery(List.of(
                new Service(
                        "order-select",
                        "cdss-medsafety-order-select",
                        "CDSS medication safety (order select)",
                        "Checks the selected draft MedicationRequests against the patient's active medications and "
                                + "allergies: interactions, drug allergy, duplicate therapy and dose range.",
                        PREFETCH,
                        usage),
                new Service(
                        "order-sign",
                        "cdss-medsafety-order-sign",
                        "CDSS medication safety (order sign)",
                        "Checks the draft MedicationRequests about to be signed; contraindicated findings come as "
                                + "critical cards that need a coded override reason.",
                        PREFETCH,
                        usage),
                new Service(
                        CdsPatientView.HOOK,
                        "cdss-patient-view",
                        "CDSS patient summary",
                        "One information card on opening a patient's chart: orders overdue (sent and past due), "
                                + "results pending and medication-safety alerts overridden on open orders.",
                        Map.of("patient", "Patient/{{context.patientId}}"),
                        "context.patientId must be this CDSS's FHIR Patient id (the prefetched Patient's id); the "
                                + "figures come from this CDSS's own records.")));
    }
}
