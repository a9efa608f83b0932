import { z } from 'zod';
import type { AppointmentView, CancelAppointmentRequest } from '../../../types/api';
import { postTransition, useAppointmentMutation } from './transition';

export const cancelAppointmentSchema = z.object({
  reason: z.string().trim().min(1, 'validation.required').max(500, 'validation.tooLong'),
}) satisfies z.ZodType<CancelAppointmentRequest>;

/** POST /api/appointments/{id}/cancel {reason}; 422 when it is too late to cancel. */
export function cancelAppointment({ id, reason }: { id: string } & CancelAppointmentRequest): Promise<AppointmentView> {
  return postTransition(id, 'cancel', { reason } satisfies CancelAppointmentRequest);
}

export function useCancelAppointment() {
  return useAppointmentMutation(cancelAppointment, 'toast.appointmentCancelled');
}
