import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { AiDecisionRequest, LungRiskPredict, LungRiskPrefill, LungRiskStatistics, SuggestionView } from '../../../types/api';
import { aiKey, prefillKey, statisticsKey, suggestionsKey } from './keys';

/** GET /api/ai/lung-risk/prefill: sex code and age from the patient's record (an audited read: only when asked). */
export function usePrefill(patientId: string, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: prefillKey(patientId),
    queryFn: async () =>
      (await apiClient.get<LungRiskPrefill>(`/api/ai/lung-risk/prefill?patientId=${encodeURIComponent(patientId)}`)).data,
  });
}

/** GET /api/ai/suggestions?patientId=: the patient's earlier assessments, newest first. */
export function usePatientSuggestions(patientId: string) {
  return useQuery({
    queryKey: suggestionsKey(patientId),
    queryFn: async () =>
      (await apiClient.get<SuggestionView[]>(`/api/ai/suggestions?patientId=${encodeURIComponent(patientId)}`)).data,
  });
}

/** POST /api/ai/lung-risk/predict: one assessment, recorded in the ledger. */
export function usePredict() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (request: LungRiskPredict) =>
      (await apiClient.post<SuggestionView>('/api/ai/lung-risk/predict', request)).data,
    onSuccess: () => client.invalidateQueries({ queryKey: aiKey }),
  });
}

/** POST /api/ai/suggestions/{id}/decision: accepted, rejected (with a reason) or edited. */
export function useDecide() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, decision }: { id: string; decision: AiDecisionRequest }) =>
      (await apiClient.post<SuggestionView>(`/api/ai/suggestions/${encodeURIComponent(id)}/decision`, decision)).data,
    onSuccess: () => client.invalidateQueries({ queryKey: aiKey }),
  });
}

/** GET /api/ai/lung-risk/statistics. */
export function useLungRiskStatistics() {
  return useQuery({
    queryKey: statisticsKey,
    queryFn: async () => (await apiClient.get<LungRiskStatistics>('/api/ai/lung-risk/statistics')).data,
  });
}
