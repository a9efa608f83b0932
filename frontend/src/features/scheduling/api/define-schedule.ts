import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiClient } from '../../../lib/api-client';
import { wallTime } from '../../../lib/validation';
import type { DefineScheduleRequest, ScheduleView } from '../../../types/api';
import { schedulesQueryKey } from './list-schedules';

export const DAYS_OF_WEEK = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;

const time = wallTime();

export const defineScheduleSchema = z
  .object({
    doctorId: z.guid('validation.required'), // a choice from the list: empty is the only way to miss it
    departmentId: z.guid('validation.required'),
    dayOfWeek: z.enum(DAYS_OF_WEEK),
    startTime: time,
    endTime: time,
    slotMinutes: z.number().int().min(5, 'validation.slotMinutes').max(240, 'validation.slotMinutes').optional(),
  })
  .refine((value) => value.startTime < value.endTime, { path: ['endTime'], message: 'validation.endAfterStart' }) satisfies z.ZodType<DefineScheduleRequest>;

/** POST /api/appointments/schedules: 201 with the new weekly hours. */
export async function defineSchedule(request: DefineScheduleRequest): Promise<ScheduleView> {
  const { data } = await apiClient.post<ScheduleView>('/api/appointments/schedules', request);
  return data;
}

export function useDefineSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: defineSchedule,
    meta: { successMessage: 'toast.scheduleDefined' },
    onSuccess: (_view, request) => void queryClient.invalidateQueries({ queryKey: schedulesQueryKey(request.doctorId) }),
  });
}
