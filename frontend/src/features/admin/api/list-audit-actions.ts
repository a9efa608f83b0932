import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

/** GET /api/admin/audit/actions: every action name the audit trail knows. */
export async function listAuditActions(): Promise<string[]> {
  const { data } = await apiClient.get<string[]>('/api/admin/audit/actions');
  return data;
}

export const auditActionsQueryOptions = () =>
  queryOptions({ queryKey: ['admin', 'audit', 'actions'], queryFn: listAuditActions, staleTime: 10 * 60_000 });

export function useAuditActions() {
  return useQuery(auditActionsQueryOptions());
}
