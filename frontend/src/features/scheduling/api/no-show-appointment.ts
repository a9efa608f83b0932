import type { AppointmentView } from '../../../types/api';
import { postTransition, useAppointmentMutation } from './transition';

/** POST /api/appointments/{id}/no-show */
export function noShowAppointment(id: string): Promise<AppointmentView> {
  return postTransition(id, 'no-show');
}

export function useNoShowAppointment() {
  return useAppointmentMutation(noShowAppointment, 'toast.appointmentNoShow');
}
