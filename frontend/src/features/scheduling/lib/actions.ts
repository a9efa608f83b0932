import type { AppointmentStatus } from '../../../types/api';

/** What a user may do to an appointment from a list row. */
export type AppointmentAction = 'check-in' | 'start' | 'complete' | 'no-show' | 'cancel';

const FRONT_DESK = ['ADMIN_STAFF', 'NURSE', 'DOCTOR'];
const DOCTOR = ['DOCTOR'];
const CANCELLERS = ['ADMIN_STAFF', 'NURSE', 'DOCTOR', 'PATIENT'];

// Which step each state allows and who may take it; the server enforces the same table.
const TABLE: Record<AppointmentStatus, [AppointmentAction, readonly string[]][]> = {
  SCHEDULED: [
    ['check-in', FRONT_DESK],
    ['no-show', FRONT_DESK],
    ['cancel', CANCELLERS],
  ],
  CHECKED_IN: [
    ['start', DOCTOR],
    ['cancel', ['ADMIN_STAFF', 'NURSE', 'DOCTOR']],
  ],
  IN_CONSULTATION: [['complete', DOCTOR]],
  COMPLETED: [],
  CANCELLED: [],
  NO_SHOW: [],
};

/** The row actions an appointment in `status` offers to a user holding `roles`, in display order. */
export function actionsFor(status: AppointmentStatus | undefined, roles: readonly string[] | undefined): AppointmentAction[] {
  if (!status) return [];
  const held = roles ?? [];
  return (TABLE[status] ?? []).filter(([, allowed]) => held.some((role) => allowed.includes(role))).map(([action]) => action);
}

/** Badge tone per status: never the only cue, the label is always written out. */
export const STATUS_TONE: Record<AppointmentStatus, 'neutral' | 'info' | 'success' | 'warning' | 'danger'> = {
  SCHEDULED: 'info',
  CHECKED_IN: 'warning',
  IN_CONSULTATION: 'success',
  COMPLETED: 'neutral',
  CANCELLED: 'danger',
  NO_SHOW: 'danger',
};
