/**
 * Medication safety: a local, versioned, cited drug knowledge base (generated from NDF-RT, the ONC high-priority
 * and non-interruptive lists and the ANSM thesaurus by {@code kb.KnowledgeBaseBuilder}, plus curated products,
 * allergy cross-sensitivity and duplicate-therapy tables) and the checks of a proposed order against the patient's
 * active medications and allergies: interactions, allergy, duplicate therapy, dose range. It never passes silently:
 * an unknown drug, an allergy that cannot be coded or a knowledge base that did not load gives an INCOMPLETE alert.
 * What blocks an order and what going on needs (reason, comment, acknowledgement of an incomplete check) is decided by
 * {@link org.cdss.medsafety.OverridePolicy} alone and carried by every alert as {@code override}.
 *
 * <p>API: {@link org.cdss.medsafety.MedicationSafety} with its own input types ({@link
 * org.cdss.medsafety.MedicationCheckRequest}); the engine ({@code engine}) is pure Java. Every alert a check shows
 * is written to the alert log ({@code medsafety_alert_event}) and the clinician's decisions on it to
 * {@code medsafety_alert_decision} ({@link org.cdss.medsafety.MedicationSafety#decide}; overrides also go to the audit
 * trail); {@link org.cdss.medsafety.OverrideStats} aggregates them for administrators. The same checks are
 * offered to EHRs as CDS Hooks 2.0 services ({@code /cds-services}, ADR 0009). The KB browser
 * ({@link org.cdss.medsafety.MedicationSafety#ingredient}) shows any staff member an ingredient's classes, groups and
 * interactions. {@link org.cdss.medsafety.MedicationSafety#drugCodes} publishes an ingredient's names, RxNorm
 * ingredient concepts and ATC code (the FHIR facade's medication codings). Dose limits depend on the age band ({@code dose-bands.tsv}); for a named patient the age comes from
 * {@code patients} (read-only API call) and the weight from the caller ({@code weightKg} of the request; the orders
 * module passes the latest recorded one, CDS Hooks the prefetched observation).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Medication safety",
        allowedDependencies = {"shared", "audit", "patients"})
@org.jspecify.annotations.NullMarked
package org.cdss.medsafety;
