/**
 * Records: the outpatient medical record. Encounters (a visit of a patient with a doctor of a department: OPEN →
 * FINISHED, or ENTERED_IN_ERROR when voided with a reason; at most one per appointment), SOAP notes (append-only:
 * an amendment adds a version with its author, time and reason, by the note's author or, with a reason, another
 * doctor; a stale amendment is 409; ADR 0015), vital signs (BMI computed here, physiologic ranges checked) and
 * encounter diagnoses (KCD/ICD-10, primary or secondary; vitals and diagnoses are only ever added). {@link org.cdss.records.RecordManagement} holds the commands,
 * {@link org.cdss.records.RecordQueries} the reads ({@link org.cdss.records.NoteQueries}: the notes version by version as documents, for the FHIR
 * facade; ADR 0047), {@link org.cdss.records.Timeline} the per-patient timeline that
 * other modules extend by implementing the port {@link org.cdss.records.TimelineSource}.
 *
 * <p>Access (least privilege, enforced in the service and at URL level): the visit history (encounters with their
 * diagnoses) is read by registry staff ({@code Role.PATIENT_REGISTRY_READERS}, the front office needs visits and
 * codes for claims); the chart content (notes, vitals, the timeline) only by {@code RecordAccess.CHART_READERS} — doctors, nurses,
 * pharmacists (medication review) and radiologists (reporting needs the clinical question) — not by lab technicians,
 * radiographers or the front office, who work from orders. A patient reads their own encounters, chart and timeline;
 * any other patient id is 404. Doctors write notes and diagnoses and open, finish and void encounters; nurses open
 * encounters and record vitals. Every read and write is audited.
 *
 * <p>Depends on patients (existence), scheduling (the appointment an encounter belongs to, its completion event),
 * identity (names), audit and shared. Nothing depends on records except through this API.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Records",
        allowedDependencies = {"shared", "audit", "identity", "patients", "scheduling", "scheduling::events"})
@org.jspecify.annotations.NullMarked
package org.cdss.records;
