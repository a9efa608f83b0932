import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { compactParams } from '../../../lib/query-params';
import type { AppointmentStatus, AppointmentView } from '../../../types/api';

export const appointmentsQueryKey = ['appointments'] as const;

export interface AppointmentSearch {
  /** `YYYY-MM-DD`, first day (the hospital's zone). */
  date: string;
  /** 1..31 */
  days?: number;
  departmentId?: string;
  doctorId?: string;
  status?: AppointmentStatus[];
}

/** GET /api/appointments: sorted by time. */
export async function listAppointments(search: AppointmentSearch): Promise<AppointmentView[]> {
  const { data } = await apiClient.get<AppointmentView[]>('/api/appointments', {
    params: compactParams({ ...search, status: search.status?.length ? search.status : undefined }),
    paramsSerializer: { indexes: null },
  });
  return data;
}

export const appointmentsQueryOptions = (search: AppointmentSearch) =>
  queryOptions({
    queryKey: [...appointmentsQueryKey, 'list', search],
    queryFn: () => listAppointments(search),
    placeholderData: keepPreviousData,
  });

export function useAppointments(search: AppointmentSearch) {
  return useQuery(appointmentsQueryOptions(search));
}
