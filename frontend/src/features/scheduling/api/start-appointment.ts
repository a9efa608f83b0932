import type { AppointmentView } from '../../../types/api';
import { postTransition, useAppointmentMutation } from './transition';

/** POST /api/appointments/{id}/start */
export function startAppointment(id: string): Promise<AppointmentView> {
  return postTransition(id, 'start');
}

export function useStartAppointment() {
  return useAppointmentMutation(startAppointment, 'toast.appointmentStarted');
}
