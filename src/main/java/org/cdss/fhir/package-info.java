/**
 * FHIR R4 facade (issue 17, ADR 0030; OAuth2 clients ADR 0035): HAPI FHIR's plain {@code RestfulServer} at {@code /fhir}, one small resource
 * provider per resource type over the owning modules' public APIs. No JPA server and no copy of the data: every read
 * goes through the same module call the UI endpoint makes, so the same access rules (role, department, patient) and
 * the same audit records apply; this module adds one {@code FHIR_*} audit row per interaction. Refusals are
 * {@code OperationOutcome}s (401/403/404/400/409/422). Codes: MRN identifiers, KCD/ICD-10, LOINC, UCUM, DrugBank
 * with RxNorm and ATC where the medication-safety knowledge base maps them ({@link org.cdss.fhir.FhirCodes},
 * {@link org.cdss.medsafety.MedicationSafety#drugCodes}). Only {@code DocumentReference} (the SOAP notes) claims {@code vread}
 * and instance {@code _history}, over the notes' real versions (ADR 0047); patients and orders keep a version number
 * for {@code If-Match}, not their earlier content. {@code Provenance} is the
 * orders' recorded steps ({@code order_transition}: who, when, from which status to which; mapping in ADR 0042). Writes where the module allows them: Patient (create, update with If-Match),
 * AllergyIntolerance (create), MedicationRequest (create as a draft order through the safety check). The only place
 * where {@code java.util.Date} is allowed (HAPI's model is Date-based). Owns no tables and publishes no events.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "FHIR",
        allowedDependencies = {
            "shared",
            "audit",
            "identity",
            "patients",
            "records",
            "scheduling",
            "orders",
            "medsafety",
            "ai",
            "radiology",
            "imaging",
            "scheduling::events",
            "orders::events"
        })
@org.jspecify.annotations.NullMarked
package org.cdss.fhir;
