import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { SlotView } from '../../../types/api';
import { appointmentsQueryKey } from './list-appointments';

export interface SlotSearch {
  doctorId: string;
  departmentId: string;
  /** `YYYY-MM-DD` */
  date: string;
}

/** GET /api/appointments/slots: a doctor's slots on one day, free or taken. */
export async function listSlots(search: SlotSearch): Promise<SlotView[]> {
  const { data } = await apiClient.get<SlotView[]>('/api/appointments/slots', { params: { ...search } });
  return data;
}

export const slotsQueryOptions = (search: SlotSearch) =>
  queryOptions({
    queryKey: [...appointmentsQueryKey, 'slots', search],
    queryFn: () => listSlots(search),
  });

export function useSlots(search: SlotSearch, enabled: boolean) {
  return useQuery({ ...slotsQueryOptions(search), enabled });
}
