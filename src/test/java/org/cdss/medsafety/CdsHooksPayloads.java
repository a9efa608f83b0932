package org.cdss.medsafety;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CDS Hooks 2.0 request bodies shaped like the specification's order-select and order-sign examples
 * (https://cds-hooks.hl7.org/hooks/order-select/, /order-sign/): FHIR R4 resources as maps.
 */
final class CdsHooksPayloads {

    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String DRUGBANK = "http://www.drugbank.ca";
    static final String ATC = "http://www.whocc.no/atc";

    private CdsHooksPayloads() {}

    static Map<String, Object> coding(String system, String code, String display) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("system", system);
        c.put("code", code);
        if (display != null) {
            c.put("display", display);
        }
        return c;
    }

    static Map<String, Object> concept(String text, Map<String, Object>... codings) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("coding", List.of(codings));
        if (text != null) {
            c.put("text", text);
        }
        return c;
    }

    static Map<String, Object> medicationRequest(String id, String status, Map<String, Object> medication) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("resourceType", "MedicationRequest");
        r.put("id", id);
        r.put("status", status);
        r.put("intent", "order");
        r.put("medicationCodeableConcept", medication);
        r.put("subject", Map.of("reference", "Patient/example"));
        return r;
    }

    static Map<String, Object> dosed(Map<String, Object> request, double dose, String unit, int perDay) {
        Map<String, Object> r = new LinkedHashMap<>(request);
        r.put(
                "dosageInstruction",
                List.of(Map.of(
                        "timing", Map.of("repeat", Map.of("frequency", perDay, "period", 1, "periodUnit", "d")),
                        "doseAndRate",
                                List.of(Map.of(
                                        "doseQuantity",
                                        Map.of(
                                                "value",
                                                dose,
                                                "unit",
                                                unit,
                                                "system",
                                                "http://unitsofmeasure.org",
                                                "code",
                                                unit))))));
        return r;
    }

    static Map<String, Object> allergy(String id, Map<String, Object> code) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("resourceType", "AllergyIntolerance");
        a.put("id", id);
        a.put(
                "clinicalStatus",
                concept(
                        null,
                        coding(
                                "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical",
                                "active",
                                "Active")));
        a.put("category", List.of("medication"));
        a.put("code", code);
        a.put("patient", Map.of("reference", "Patient/example"));
        return a;
    }

    static Map<String, Object> bundle(Map<String, Object>... resources) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Map<String, Object> r : resources) {
            entries.add(Map.of("resource", r));
        }
        return Map.of("resourceType", "Bundle", "type", "collection", "entry", entries);
    }

    static Map<String, Object> patient() {
        return patient("1960-05-14");
    }

    static Map<String, Object> patient(String birthDate) {
        return Map.of("resourceType", "Patient", "id", "example", "gender", "female", "birthDate", birthDate);
    }

    /** A body weight vital sign (LOINC 29463-7) as an EHR returns it for the {@code weight} prefetch query. */
    static Map<String, Object> bodyWeight(String id, double value, String unit, String effectiveDateTime) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("resourceType", "Observation");
        o.put("id", id);
        o.put("status", "final");
        o.put(
                "category",
                List.of(concept(
                        null,
                        coding(
                                "http://terminology.hl7.org/CodeSystem/observation-category",
                                "vital-signs",
                                "Vital Signs"))));
        o.put("code", concept("Body weight", coding("http://loinc.org", "29463-7", "Body weight")));
        o.put("subject", Map.of("reference", "Patient/example"));
        o.put("effectiveDateTime", effectiveDateTime);
        o.put(
                "valueQuantity",
                Map.of("value", value, "unit", unit, "system", "http://unitsofmeasure.org", "code", unit));
        return o;
    }

    /** The body with one prefetch entry replaced or added ({@code weight}, another {@code patient}…). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withPrefetch(Map<String, Object> body, String key, Object value) {
        ((Map<String, Object>) body.get("prefetch")).put(key, value);
        return body;
    }

    /** A full request: hook, hookInstance, fhirServer, context (userId, patientId, draftOrders) and prefetch. */
    static Map<String, Object> request(
            String hook,
            Map<String, Object> draftOrders,
            Map<String, Object> allergies,
            Map<String, Object> medications) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("userId", "Practitioner/example");
        context.put("patientId", "example");
        context.put("encounterId", "89284");
        context.put("draftOrders", draftOrders);
        Map<String, Object> prefetch = new LinkedHashMap<>();
        prefetch.put("patient", patient());
        if (allergies != null) {
            prefetch.put("allergies", allergies);
        }
        if (medications != null) {
            prefetch.put("medications", medications);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("hookInstance", java.util.UUID.randomUUID().toString());
        body.put("fhirServer", "http://hooks.smarthealthit.org:9080");
        body.put("hook", hook);
        body.put("context", context);
        body.put("prefetch", prefetch);
        return body;
    }

    static Map<String, Object> emptyBundle() {
        return Map.of("resourceType", "Bundle", "type", "searchset", "entry", List.of());
    }
}
