import { describe, expect, it } from 'vitest';
import i18n, { setLanguage } from './i18n';
import { auditActionLabel, auditResourceLabel } from './audit-action-label';

describe('auditActionLabel', () => {
  it.each([
    ['ko', 'ORDER_READ', '오더 조회'],
    ['ko', 'PATIENT_MEDICATION_READ', '환자 복용 약 조회'],
    ['ko', 'APPOINTMENT_CHECK_IN', '예약 접수'],
    ['en', 'ORDER_READ', 'order read'],
    ['en', 'LOGIN_FAILED', 'sign-in failed'],
  ] as const)('%s: %s reads "%s"', async (language, action, expected) => {
    await setLanguage(language);
    expect(auditActionLabel(action, i18n.t)).toBe(expected);
  });

  it('never shows an upper-case code, even for an action it does not know', async () => {
    await setLanguage('ko');
    expect(auditActionLabel('SOMETHING_NEW', i18n.t)).not.toMatch(/[A-Z]{2,}/);
  });
});

// The audit actions the server writes, collected from src/main/java: the first argument of every
// `new AuditEvent(…)` / `AuditEvent.success(…)`, of the helpers that pass one on (RecordAccess.requireChartReader /
// requireVisitReader, ImagingAccess.requireViewer / requireStudyViewer, ImagingStudies.visible, OrderChanges,
// OrderQueries.page, AppointmentBook.transition, Authentication.fail), ClinicalLists' `PATIENT_ALLERGY|MEDICATION|PROBLEM`
// + `_CREATE|_INACTIVATE|_READ`, and FhirAudit's "FHIR_" + HAPI's operation of the interactions the providers offer
// (@Read, @Read(version = true), @Search, @History, @Create, @Update, a search's next page) or UNKNOWN.
const SERVER_ACTIONS = [
  'ACCESS_DENIED', 'AI_BATCH_SUBMIT', 'AI_DECISION', 'AI_JOB_CANCEL', 'AI_PATIENT', 'AI_PREDICT', 'AI_SUGGESTION_LIST',
  'AI_SUGGESTION_VIEW', 'APPOINTMENT_CANCEL', 'APPOINTMENT_CHECK_IN', 'APPOINTMENT_COMPLETE', 'APPOINTMENT_CREATE',
  'APPOINTMENT_LIST', 'APPOINTMENT_NO_SHOW', 'APPOINTMENT_QUEUE', 'APPOINTMENT_READ', 'APPOINTMENT_START',
  'AUDIT_PATIENT_PICK', 'AUDIT_SEARCH', 'CDS_PATIENT_VIEW', 'DIAGNOSIS_CREATE', 'ENCOUNTER_CREATE',
  'ENCOUNTER_FINISH', 'ENCOUNTER_LIST', 'ENCOUNTER_READ', 'ENCOUNTER_VOID', 'IMAGING_DOWNLOAD', 'IMAGING_FRAME_READ',
  'IMAGING_LINK_PATIENT', 'IMAGING_PREVIEW_READ', 'IMAGING_RECONCILIATION_READ', 'IMAGING_STUDIES_READ',
  'IMAGING_STUDY_OPEN', 'IMAGING_UNLINKED_READ', 'IMAGING_UPLOAD', 'IMAGING_VIEWER_FRAMES', 'IMAGING_VIEWER_OPEN',
  'IMAGING_VOLUMES_READ', 'IMAGING_VOLUME_DOWNLOAD', 'IMAGING_VOLUME_UPLOAD', 'LOGIN', 'LOGIN_FAILED', 'LOGIN_LOCKED',
  'LOGOUT', 'MEDSAFETY_CDS_HOOKS', 'MEDSAFETY_CHECK', 'MEDSAFETY_OVERRIDE', 'NOTE_AMEND', 'NOTE_CREATE',
  'NOTE_DRAFT_DISCARD', 'NOTE_DRAFT_READ', 'NOTE_DRAFT_SAVE', 'NOTE_HISTORY_READ', 'NOTE_LIST', 'NOTE_READ',
  'ORDER_CANCEL', 'ORDER_COMPLETE', 'ORDER_CREATE', 'ORDER_FAVOURITE_ADD', 'ORDER_FAVOURITE_REMOVE',
  'ORDER_FAVOURITE_RENAME', 'ORDER_LIST', 'ORDER_LIST_MINE', 'ORDER_MESSAGES_READ', 'ORDER_QUERY',
  'ORDER_QUERY_ANSWER', 'ORDER_READ', 'ORDER_RECENT_LABS_READ', 'ORDER_RETURN', 'ORDER_REVALIDATE', 'ORDER_REVISE',
  'ORDER_ROUTING_UPDATE', 'ORDER_SEND', 'ORDER_SET_CREATE', 'ORDER_SET_DELETE', 'ORDER_SET_UPDATE', 'ORDER_START',
  'ORDER_UPDATE', 'ORDER_WORKLIST', 'PASSWORD_CHANGE', 'PATIENT_ALLERGY_CREATE', 'PATIENT_ALLERGY_INACTIVATE',
  'PATIENT_ALLERGY_NONE_CONFIRMED', 'PATIENT_ALLERGY_READ', 'PATIENT_CREATE', 'PATIENT_DUPLICATE_CHECK',
  'PATIENT_DUPLICATE_LIST', 'PATIENT_HISTORY_READ', 'PATIENT_INACTIVATE', 'PATIENT_MEDICATION_CREATE',
  'PATIENT_MEDICATION_INACTIVATE', 'PATIENT_MEDICATION_READ', 'PATIENT_MERGE', 'PATIENT_MERGED_READ',
  'PATIENT_PROBLEM_CREATE', 'PATIENT_PROBLEM_INACTIVATE', 'PATIENT_PROBLEM_READ', 'PATIENT_READ',
  'PATIENT_RRN_REVEAL', 'PATIENT_SEARCH', 'PATIENT_UPDATE', 'PORTAL_CODE_ISSUE', 'PORTAL_CODE_REDEEM', 'REGISTER',
  'RIS_ADDENDUM_SIGN', 'RIS_KEY_IMAGE_ADD', 'RIS_KEY_IMAGE_REMOVE', 'RIS_PORTAL_REPORTS', 'RIS_READING_OPEN',
  'RIS_REPORT_CREATE', 'RIS_REPORT_LIST', 'RIS_REPORT_PDF', 'RIS_REPORT_READ', 'RIS_REPORT_SIGN', 'RIS_REPORT_UPDATE',
  'RIS_WORKLIST', 'RRN_HASH_BACKFILL', 'RRN_REENCRYPT', 'SCHEDULE_CREATE', 'TIMELINE_READ', 'USER_ACTIVATE',
  'USER_CREATE', 'USER_DEACTIVATE', 'USER_PASSWORD_RESET', 'USER_UNLOCK', 'USER_UPDATE', 'VITALS_CREATE',
  'VITALS_LIST', 'WEIGHT_READ',
] as const;
const FHIR_ACTIONS = [
  'FHIR_READ', 'FHIR_VREAD', 'FHIR_SEARCH_TYPE', 'FHIR_HISTORY_INSTANCE', 'FHIR_CREATE', 'FHIR_UPDATE',
  'FHIR_GET_PAGE', 'FHIR_UNKNOWN',
] as const;

// The resource types the server writes: the second argument of the same calls, and FhirAudit's `fhir` / `fhir:<type>`
// for each resource type a FHIR provider serves (src/main/java/org/cdss/fhir/*Provider.java).
const SERVER_RESOURCES = [
  'Patient', 'User', 'Endpoint', 'AiSuggestion', 'AiJob', 'ImagingStudy', 'ImagingVolume', 'Order', 'OrderRouting',
  'OrderSet', 'OrderFavourite', 'Appointment', 'DoctorSchedule', 'Encounter', 'EncounterDiagnosis', 'VitalSigns',
  'ClinicalNote', 'RadiologyReport', 'MedsafetyCheck', 'PatientAllergy', 'PatientMedication', 'PatientProblem',
  'AuditTrail', 'fhir',
] as const;
const FHIR_RESOURCES = [
  'Patient', 'AllergyIntolerance', 'Appointment', 'AuditEvent', 'Condition', 'DiagnosticReport', 'DocumentReference',
  'Encounter', 'ImagingStudy', 'MedicationRequest', 'MedicationStatement', 'Observation', 'Organization',
  'Practitioner', 'PractitionerRole', 'Provenance', 'RiskAssessment', 'ServiceRequest',
] as const;

const has = (lang: string, key: string) => typeof i18n.getResource(lang, 'translation', key) === 'string';

describe.each(['ko', 'en'] as const)('audit labels in %s', (lang) => {
  const t = i18n.getFixedT(lang);

  it.each([...SERVER_ACTIONS, ...FHIR_ACTIONS])('%s has a translated label, not the lower-cased code', (action) => {
    const untranslated = has(lang, `audit.actionName.${action}`) ? [] : action.split('_').filter((word) => !has(lang, `audit.word.${word}`));
    expect(untranslated).toEqual([]);
    expect(auditActionLabel(action, t)).not.toContain(action);
  });

  it.each(SERVER_RESOURCES)('resource %s has a translated label', (type) => {
    expect(has(lang, `audit.resource.${type}`)).toBe(true);
  });

  it.each(FHIR_RESOURCES)('FHIR resource fhir:%s reads as FHIR and its translated name', (type) => {
    expect(has(lang, `audit.resource.${type}`)).toBe(true);
    expect(auditResourceLabel(`fhir:${type}`, t)).toBe(`FHIR ${t(`audit.resource.${type}`)}`);
  });
});

describe('auditResourceLabel', () => {
  it('names a FHIR resource in words, not as the stored fhir:<type>', async () => {
    await setLanguage('ko');
    expect(auditResourceLabel('fhir:MedicationRequest', i18n.t)).toBe('FHIR 의약품 오더');
    expect(auditResourceLabel('fhir', i18n.t)).toBe('FHIR');
    expect(auditResourceLabel('ClinicalNote', i18n.t)).toBe('경과 기록');
  });
});
