import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { compactParams } from '../../../lib/query-params';
import type { AppointmentView } from '../../../types/api';
import { appointmentsQueryKey } from './list-appointments';

export interface QueueSearch {
  departmentId?: string;
  doctorId?: string;
}

/** Until the live push arrives the queue polls. */
export const QUEUE_REFETCH_MS = 15_000;

/** GET /api/appointments/queue: today's CHECKED_IN and IN_CONSULTATION appointments. */
export async function getQueue(search: QueueSearch): Promise<AppointmentView[]> {
  const { data } = await apiClient.get<AppointmentView[]>('/api/appointments/queue', { params: compactParams({ ...search }) });
  return data;
}

export const queueQueryOptions = (search: QueueSearch) =>
  queryOptions({
    queryKey: [...appointmentsQueryKey, 'queue', search],
    queryFn: () => getQueue(search),
    refetchInterval: QUEUE_REFETCH_MS,
  });

export function useQueue(search: QueueSearch) {
  return useQuery(queueQueryOptions(search));
}
