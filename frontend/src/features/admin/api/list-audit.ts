import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { compactParams } from '../../../lib/query-params';
import type { PageViewAuditEntryView } from '../../../types/api';

export interface AuditSearch {
  username?: string;
  patientId?: string;
  action?: string;
  outcome?: string;
  /** ISO instant */
  from?: string;
  /** ISO instant */
  to?: string;
  page?: number;
  size?: number;
}

/** GET /api/admin/audit: newest first. */
export async function listAudit(search: AuditSearch): Promise<PageViewAuditEntryView> {
  const { data } = await apiClient.get<PageViewAuditEntryView>('/api/admin/audit', { params: compactParams({ ...search }) });
  return data;
}

export const auditQueryOptions = (search: AuditSearch) =>
  queryOptions({
    queryKey: ['admin', 'audit', 'list', search],
    queryFn: () => listAudit(search),
    placeholderData: keepPreviousData,
  });

export function useAudit(search: AuditSearch) {
  return useQuery(auditQueryOptions(search));
}
