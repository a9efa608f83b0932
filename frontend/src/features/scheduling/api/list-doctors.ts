import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { DoctorView } from '../../../types/api';

/** GET /api/doctors?departmentId=: the active doctors (of one department), for booking and schedules. */
export async function listDoctors(departmentId?: string): Promise<DoctorView[]> {
  const { data } = await apiClient.get<DoctorView[]>('/api/doctors', { params: departmentId ? { departmentId } : {} });
  return data;
}

export const doctorsQueryOptions = (departmentId?: string) =>
  queryOptions({ queryKey: ['doctors', departmentId ?? 'all'], queryFn: () => listDoctors(departmentId), staleTime: 5 * 60_000 });

export function useDoctors(departmentId?: string) {
  return useQuery(doctorsQueryOptions(departmentId));
}
