import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { DayStatistics } from '../../../types/api';

export interface StatsSearch {
  date?: string;
  departmentId?: string;
}

/** GET /api/dashboard/appointments: one day's appointment counts (hospital's zone). Refetched on push. */
export async function getAppointmentStats(search: StatsSearch): Promise<DayStatistics> {
  const params: Record<string, string> = {};
  if (search.date) params.date = search.date;
  if (search.departmentId) params.departmentId = search.departmentId;
  const { data } = await apiClient.get<DayStatistics>('/api/dashboard/appointments', { params });
  return data;
}

export const appointmentStatsQueryOptions = (search: StatsSearch) =>
  queryOptions({ queryKey: ['dashboard', 'appointments', search], queryFn: () => getAppointmentStats(search) });

export function useAppointmentStats(search: StatsSearch) {
  return useQuery(appointmentStatsQueryOptions(search));
}
