import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { RevealedRrn } from '../../../types/api';

/** POST /api/patients/{id}/rrn/reveal: the RRN in clear (ADMIN_STAFF, ADMIN; audited). */
export async function revealRrn(id: string): Promise<RevealedRrn> {
  const { data } = await apiClient.post<RevealedRrn>(`/api/patients/${encodeURIComponent(id)}/rrn/reveal`);
  return data;
}

export function useRevealRrn() {
  return useMutation({ mutationFn: revealRrn, meta: { successMessage: 'toast.rrnRevealed' } });
}
