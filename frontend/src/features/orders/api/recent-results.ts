import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { RecentLabView } from '../../../types/api';

/**
 * GET /api/ocs/orders/{id}/recent-labs: the latest lab values of the order's patient (test, value, unit, reference
 * range, flag, when), newest first, for the pharmacist's verification view (issue 15 item 5). Read through the order,
 * so a pharmacist who may see it reads its patient's values (audited) and no other part of the chart.
 */
export function useRecentLabs(orderId: string) {
  return useQuery({
    queryKey: ['orders', orderId, 'recent-labs'],
    queryFn: async () => (await apiClient.get<RecentLabView[]>(`/api/ocs/orders/${encodeURIComponent(orderId)}/recent-labs`)).data,
  });
}
