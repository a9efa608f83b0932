import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { ReconciliationView } from '../../../types/api';

/** GET /api/imaging/reconciliation: studies without an order, orders past due without a study (imaging staff). */
export function useReconciliation() {
  return useQuery({
    queryKey: ['imaging', 'reconciliation'] as const,
    queryFn: async () => (await apiClient.get<ReconciliationView>('/api/imaging/reconciliation')).data,
    refetchInterval: 60_000,
  });
}
