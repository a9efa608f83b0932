import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { AllergyView, CreatedEntry, MedicationView, ProblemView } from '../../../types/api';

// GET/POST /api/patients/{id}/{allergies|medications|problems} and POST …/{itemId}/inactivate.
// One module for the three lists: they share their shape and their cache handling.

export type ClinicalListKind = 'allergies' | 'medications' | 'problems';

export interface ClinicalListItem {
  allergies: AllergyView;
  medications: MedicationView;
  problems: ProblemView;
}

export const clinicalListKey = (id: string, kind: ClinicalListKind) => ['patients', kind, id] as const;

export async function getClinicalList<K extends ClinicalListKind>(id: string, kind: K): Promise<ClinicalListItem[K][]> {
  const { data } = await apiClient.get<ClinicalListItem[K][]>(`/api/patients/${encodeURIComponent(id)}/${kind}`);
  return data;
}

export function useClinicalList<K extends ClinicalListKind>(id: string, kind: K) {
  return useQuery({ queryKey: clinicalListKey(id, kind), queryFn: () => getClinicalList(id, kind) });
}

export async function addClinicalEntry({
  id,
  kind,
  body,
}: {
  id: string;
  kind: ClinicalListKind;
  body: Record<string, unknown>;
}): Promise<CreatedEntry> {
  const clean = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== '' && v !== undefined));
  const { data } = await apiClient.post<CreatedEntry>(`/api/patients/${encodeURIComponent(id)}/${kind}`, clean);
  return data;
}

export async function inactivateClinicalEntry({
  id,
  kind,
  itemId,
  reason,
}: {
  id: string;
  kind: ClinicalListKind;
  itemId: string;
  reason?: string;
}): Promise<void> {
  await apiClient.post(
    `/api/patients/${encodeURIComponent(id)}/${kind}/${encodeURIComponent(itemId)}/inactivate`,
    reason ? { reason } : {},
  );
}

export function useAddClinicalEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addClinicalEntry,
    meta: { successMessage: 'toast.entryAdded' },
    onSuccess: (_, { id, kind }) => void queryClient.invalidateQueries({ queryKey: clinicalListKey(id, kind) }),
  });
}

export function useInactivateClinicalEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: inactivateClinicalEntry,
    meta: { successMessage: 'toast.entryInactivated' },
    onSuccess: (_, { id, kind }) => void queryClient.invalidateQueries({ queryKey: clinicalListKey(id, kind) }),
  });
}
