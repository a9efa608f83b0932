import type { AppointmentView } from '../../../types/api';
import { postTransition, useAppointmentMutation } from './transition';

/** POST /api/appointments/{id}/check-in */
export function checkInAppointment(id: string): Promise<AppointmentView> {
  return postTransition(id, 'check-in');
}

export function useCheckInAppointment() {
  return useAppointmentMutation(checkInAppointment, 'toast.appointmentCheckedIn');
}
