import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { PortalActivationCode } from '../../../types/api';

/**
 * POST /api/patients/{id}/portal-activation-code: a new portal activation code for the patient (ADMIN_STAFF, ADMIN;
 * audited). The code is in this answer only: show it once, never keep it in the query cache.
 */
export async function issuePortalCode(id: string): Promise<PortalActivationCode> {
  const { data } = await apiClient.post<PortalActivationCode>(
    `/api/patients/${encodeURIComponent(id)}/portal-activation-code`,
  );
  return data;
}

export function useIssuePortalCode() {
  return useMutation({ mutationFn: issuePortalCode, meta: { successMessage: 'toast.portalCodeIssued' } });
}
