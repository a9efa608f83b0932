import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiClient } from '../../../lib/api-client';
import type { AppointmentView, BookAppointmentRequest } from '../../../types/api';
import { appointmentsQueryKey } from './list-appointments';

/** Mirrors BookAppointmentRequest; the server stays the judge (past, outside hours, taken). */
export const bookAppointmentSchema = z.object({
  patientId: z.guid('validation.required'),
  doctorId: z.guid('validation.uuid'),
  departmentId: z.guid('validation.required'),
  localStart: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'validation.required'),
  reason: z.string().max(500, 'validation.tooLong').optional(),
}) satisfies z.ZodType<BookAppointmentRequest>;

/** POST /api/appointments: 201 with the booked appointment; 409 `appointment.slot-taken` when the slot was just taken. */
export async function bookAppointment(request: BookAppointmentRequest): Promise<AppointmentView> {
  const { data } = await apiClient.post<AppointmentView>('/api/appointments', request);
  return data;
}

export function useBookAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: bookAppointment,
    meta: { successMessage: 'toast.appointmentBooked' },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: appointmentsQueryKey }),
  });
}
