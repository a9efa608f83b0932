import { describe, expect, it } from 'vitest';
import { DAYS_OF_WEEK } from '../features/scheduling/api/define-schedule';
import { ENGINE_SOURCES, INTERACTION_SOURCES, OVERRIDE_REASONS, SEVERITY_ORDER, SOURCE_GRADES, TIER_ORDER } from '../components/safety/severity';
import { NOTIFICATION_KINDS } from '../features/notifications/components/notification-bell';
import { STATUS_TONE } from '../features/scheduling/lib/actions';
import { CANCEL_CAUSES, FREQUENCIES, LAB_FLAGS, LATERALITIES, MODALITIES, ORDER_TYPES, PRIORITIES, ROUTES, SPECIMENS, STATUSES } from '../features/orders/lib/enums';
import { MATCH_REASONS } from '../features/patients/api/check-duplicates';
import { TIMELINE_TYPES } from '../features/records/api/get-timeline';
import { PRODUCT_FORMS } from '../components/safety/drug-autocomplete';
import en from './en.json';
import ko from './ko.json';

// Keys built at run time (`t(\`scheduling.status.${status}\`)`) escape the literal-key check in
// locales.test.ts; here every value of each enum must have a text in both languages.
type Tree = { [key: string]: string | Tree };

function lookup(tree: Tree, path: string): unknown {
  return path.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Tree)[part] : undefined), tree);
}

// What the server writes to a patient's change history (PatientChangeView): the actions and field names of
// PatientManagement (create, update via Patient.update, inactivate) and PatientDuplicates.merge.
const PATIENT_CHANGE_ACTIONS = ['CREATE', 'UPDATE', 'INACTIVATE', 'MERGE'];
const PATIENT_CHANGE_FIELDS = [
  'name',
  'nameLatin',
  'birthDate',
  'sex',
  'phone',
  'address',
  'bloodType',
  'emergencyContactName',
  'emergencyContactPhone',
  'rrn',
  'active',
  'mergedInto',
  'clinicalLists',
];

const dynamicKeys = [
  ...Object.keys(STATUS_TONE).map((s) => `scheduling.status.${s}`),
  ...['check-in', 'start', 'complete', 'no-show', 'cancel'].map((a) => `scheduling.actions.${a}`),
  ...['day', 'week'].map((v) => `scheduling.appointments.${v}`),
  ...DAYS_OF_WEEK.map((d) => `scheduling.days.${d}`),
  ...SEVERITY_ORDER.map((s) => `medsafety.severity.${s}`),
  ...TIER_ORDER.map((s) => `medsafety.tier.${s}`),
  ...['INTERACTION', 'ALLERGY', 'DUPLICATE', 'DOSE', 'INCOMPLETE'].map((s) => `medsafety.type.${s}`),
  ...OVERRIDE_REASONS.map((r) => `medsafety.override.${r}`),
  ...[...INTERACTION_SOURCES, ...ENGINE_SOURCES, 'other'].map((s) => `medsafety.sourceName.${s}`),
  ...SOURCE_GRADES.map((g) => `medsafety.sourceGrade.${g}`),
  ...NOTIFICATION_KINDS.map((k) => `notifications.kind.${k}`),
  ...MATCH_REASONS.map((r) => `patients.duplicates.reason.${r}`),
  ...ORDER_TYPES.map((v) => `orders.type.${v}`),
  ...PRIORITIES.map((v) => `orders.priority.${v}`),
  ...STATUSES.map((v) => `orders.status.${v}`),
  ...ROUTES.map((v) => `orders.route.${v}`),
  ...FREQUENCIES.map((v) => `orders.frequency.${v}`),
  ...MODALITIES.map((v) => `orders.modality.${v}`),
  ...LATERALITIES.map((v) => `orders.laterality.${v}`),
  ...SPECIMENS.map((v) => `orders.specimen.${v}`),
  ...LAB_FLAGS.map((v) => `orders.flag.${v}`),
  ...CANCEL_CAUSES.map((v) => `orders.cancelCause.${v}`),
  ...PRODUCT_FORMS.map((v) => `orders.form.${v}`),
  ...TIMELINE_TYPES.map((v) => `records.type.${v}`),
  ...PATIENT_CHANGE_ACTIONS.map((v) => `patients.history.${v}`),
  ...PATIENT_CHANGE_FIELDS.map((v) => `patients.form.${v}`),
];

describe('enum texts', () => {
  it.each([
    ['ko', ko as Tree],
    ['en', en as Tree],
  ])('%s has a text for every status, action, day, severity, tier, alert type and override reason', (_lang, tree) => {
    expect(dynamicKeys.filter((key) => typeof lookup(tree, key) !== 'string')).toEqual([]);
  });
});
