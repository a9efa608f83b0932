import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { ScheduleView } from '../../../types/api';
import { appointmentsQueryKey } from './list-appointments';

export const schedulesQueryKey = (doctorId: string) => [...appointmentsQueryKey, 'schedules', doctorId] as const;

/** GET /api/appointments/schedules?doctorId= : a doctor's weekly hours. */
export async function listSchedules(doctorId: string): Promise<ScheduleView[]> {
  const { data } = await apiClient.get<ScheduleView[]>('/api/appointments/schedules', { params: { doctorId } });
  return data;
}

export const schedulesQueryOptions = (doctorId: string) =>
  queryOptions({ queryKey: schedulesQueryKey(doctorId), queryFn: () => listSchedules(doctorId) });

export function useSchedules(doctorId: string) {
  return useQuery({ ...schedulesQueryOptions(doctorId), enabled: doctorId !== '' });
}
