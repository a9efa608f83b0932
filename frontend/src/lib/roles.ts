import type { Role } from '../types/api';

/** Every role, in the order the UI lists them. Checked against the generated `Role` type. */
export const ALL_ROLES = [
  'DOCTOR',
  'NURSE',
  'PHARMACIST',
  'LAB_TECH',
  'RADIOGRAPHER',
  'RADIOLOGIST',
  'ADMIN_STAFF',
  'ADMIN',
  'PATIENT',
] as const satisfies readonly Role[];

/** Roles that may search the patient registry (GET /api/patients). */
export const PATIENT_SEARCH_ROLES: readonly Role[] = [
  'DOCTOR',
  'NURSE',
  'PHARMACIST',
  'LAB_TECH',
  'RADIOGRAPHER',
  'RADIOLOGIST',
  'ADMIN_STAFF',
];

export const ADMIN_ROLES: readonly Role[] = ['ADMIN'];
export const PATIENT_ROLES: readonly Role[] = ['PATIENT'];

/** True when the user holds at least one of the allowed roles. */
export function hasAnyRole(roles: readonly string[] | undefined, allowed: readonly string[]): boolean {
  return (roles ?? []).some((role) => allowed.includes(role));
}

/** Roles that work the appointment book and the waiting queue. */
export const APPOINTMENT_ROLES: readonly Role[] = ['DOCTOR', 'NURSE', 'ADMIN_STAFF'];
/** Roles that define doctors' weekly hours. */
export const SCHEDULE_ROLES: readonly Role[] = ['ADMIN_STAFF', 'ADMIN'];
/** Roles that run a medication safety check. */
export const DRUG_CHECK_ROLES: readonly Role[] = ['DOCTOR', 'NURSE', 'PHARMACIST'];
/** Every staff role (everyone but patients). */
export const STAFF_ROLES: readonly Role[] = [...PATIENT_SEARCH_ROLES, 'ADMIN'];
/** Roles that read an encounter's chart content (notes, vitals, timeline); a patient only their own. */
export const CHART_ROLES: readonly Role[] = ['DOCTOR', 'NURSE', 'PHARMACIST', 'RADIOLOGIST', 'PATIENT'];
/**
 * Roles that read a patient's allergy list: every clinical role (contrast, latex), and the patient their own.
 * Medications and problems are chart content ({@link CHART_ROLES}).
 */
export const ALLERGY_READER_ROLES: readonly Role[] = ['DOCTOR', 'NURSE', 'PHARMACIST', 'LAB_TECH', 'RADIOGRAPHER', 'RADIOLOGIST', 'PATIENT'];
/** Roles that open an encounter from a started consultation. */
export const CONSULTATION_ROLES: readonly Role[] = ['DOCTOR', 'NURSE'];

/** Roles that read orders (lists, worklists, details, statistics): the care team, department staff, admins. */
export const ORDER_READER_ROLES: readonly Role[] = ['DOCTOR', 'NURSE', 'PHARMACIST', 'LAB_TECH', 'RADIOGRAPHER', 'RADIOLOGIST', 'ADMIN'];
/** Roles that write orders. */
export const ORDER_ROLES: readonly Role[] = ['DOCTOR'];
/** Roles with an order list in the navigation: doctors their own orders, nurses every order (read-only). */
export const ORDER_LIST_ROLES: readonly Role[] = ['DOCTOR', 'NURSE'];
/** Department staff who carry orders out from a worklist. */
export const WORKLIST_ROLES: readonly Role[] = ['PHARMACIST', 'LAB_TECH', 'RADIOGRAPHER', 'RADIOLOGIST'];
/** Roles that upload the hospital's documents to the knowledge hub (protocols, guidelines). */
export const KNOWLEDGE_AUTHOR_ROLES: readonly Role[] = ['DOCTOR', 'PHARMACIST', 'ADMIN'];

/** Roles that run AI models on their patients and decide on the suggestions (issue 12). */
export const AI_RUNNER_ROLES: readonly Role[] = ['DOCTOR', 'NURSE'];
/** Roles that see the AI dashboards and statistics (counts only). */
export const AI_DASHBOARD_ROLES: readonly Role[] = ['DOCTOR', 'NURSE', 'ADMIN'];
/** Radiology staff: the reading worklist and the reading screen (radiologists write and sign, radiographers look). */
export const RIS_ROLES: readonly Role[] = ['RADIOLOGIST', 'RADIOGRAPHER'];
/** Roles that read radiology reports (the server decides which: radiology, the orderer's department, admins). */
export const REPORT_READER_ROLES: readonly Role[] = ['DOCTOR', 'NURSE', 'RADIOGRAPHER', 'RADIOLOGIST', 'ADMIN', 'PATIENT'];

/** Roles that view images (the patient too, for their own studies: the server checks). */
export const IMAGING_VIEWER_ROLES: readonly Role[] = ['DOCTOR', 'NURSE', 'RADIOGRAPHER', 'RADIOLOGIST'];
/** Roles that upload images and decide the patient link of a mismatched study. */
export const IMAGING_UPLOADER_ROLES: readonly Role[] = ['DOCTOR', 'RADIOGRAPHER', 'RADIOLOGIST'];
