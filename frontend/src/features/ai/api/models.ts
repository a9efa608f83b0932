import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { AiModelDashboard, AiModelList } from '../../../types/api';
import type { ModelCard } from '../lib/model-card';
import { dashboardKey, modelCardKey, modelsKey } from './keys';

/** GET /api/ai/models: the loaded models and the folders rejected at start-up (with reasons). */
export function useModels() {
  return useQuery({
    queryKey: modelsKey,
    queryFn: async () => (await apiClient.get<AiModelList>('/api/ai/models')).data,
  });
}

/** GET /api/ai/models/{id}: the model card as its training command wrote it. */
export function useModelCard(id: string) {
  return useQuery({
    queryKey: modelCardKey(id),
    queryFn: async () => (await apiClient.get<ModelCard>(`/api/ai/models/${encodeURIComponent(id)}`)).data,
  });
}

/** GET /api/ai/models/{id}/dashboard: suggestions, decisions, acceptance rate per day. */
export function useModelDashboard(id: string) {
  return useQuery({
    queryKey: dashboardKey(id),
    queryFn: async () => (await apiClient.get<AiModelDashboard>(`/api/ai/models/${encodeURIComponent(id)}/dashboard`)).data,
  });
}
