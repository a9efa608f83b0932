import type { AppointmentView } from '../../../types/api';
import { postTransition, useAppointmentMutation } from './transition';

/** POST /api/appointments/{id}/complete */
export function completeAppointment(id: string): Promise<AppointmentView> {
  return postTransition(id, 'complete');
}

export function useCompleteAppointment() {
  return useAppointmentMutation(completeAppointment, 'toast.appointmentCompleted');
}
