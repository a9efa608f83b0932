import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { ReadingView } from '../../../types/api';
import { risQueryKey } from './ris-keys';

/** GET /api/ris/orders/{orderId}: the reading screen's order (indication, procedure) and its report so far. */
export async function getReading(orderId: string): Promise<ReadingView> {
  const { data } = await apiClient.get<ReadingView>(`/api/ris/orders/${orderId}`);
  return data;
}

export function useReading(orderId: string | undefined) {
  return useQuery({
    queryKey: [...risQueryKey, 'reading', orderId],
    queryFn: () => getReading(orderId ?? ''),
    enabled: Boolean(orderId),
  });
}
