/**
 * Patients: the patient registry. This first slice holds demographics, search and access rules (staff who care for
 * patients and front office read; a patient reads only their own record, and anything else is 404); every read is
 * audited. Later slices add clinical lists and medical records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Patients")
package org.cdss.patients;
