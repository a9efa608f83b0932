/**
 * Patients: the patient registry and the clinical lists. Demographics with a generated MRN, the resident
 * registration number encrypted at rest ({@code RrnCipher}, AES-GCM bound to the patient, key id prefixed, key
 * {@code CDSS_RRN_KEY}, rotation by {@code ./cdss rrn reencrypt}: ADR 0014) and shown masked,
 * search (name, Korean initial consonants, MRN, phone digits, birth date), edit with optimistic locking and a change
 * history of field names ({@code patient_change}), inactivation instead of deletion. Access rules: staff who care for
 * patients and front office read the registry; the clinical lists have their own decision
 * ({@code ClinicalLists.mayRead}: allergies for clinical roles, medications and problems for chart readers, ADR 0016);
 * a patient reads only their own record, and anything else is 404; every read is audited.
 * {@link org.cdss.patients.PatientManagement} holds the commands, {@link org.cdss.patients.PatientDirectory} the reads,
 * {@link org.cdss.patients.ClinicalLists} allergies, active medications and problems (read by the medication safety
 * engine). {@link org.cdss.patients.SubstanceCoder} is the port through which medsafety codes
 * recorded substances; patients depends on no clinical module. Later slices add medical records.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Patients",
        allowedDependencies = {"shared", "audit", "identity"})
@org.jspecify.annotations.NullMarked
package org.cdss.patients;
