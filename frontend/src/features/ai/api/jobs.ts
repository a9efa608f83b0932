import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { AiJobView } from '../../../types/api';
import { aiKey, jobsKey } from './keys';

/** GET /api/ai/jobs: the signed-in clinician's jobs, newest first; refetched on every `ai-job` push (live-updates). */
export function useMyJobs(enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: jobsKey,
    queryFn: async () => (await apiClient.get<AiJobView[]>('/api/ai/jobs')).data,
  });
}

/** POST /api/ai/jobs/{id}/cancel: a queued or running job stops; a finished one answers 409 `ai.job-finished`. */
export function useCancelJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      (await apiClient.post<AiJobView>(`/api/ai/jobs/${encodeURIComponent(id)}/cancel`)).data,
    onSuccess: () => client.invalidateQueries({ queryKey: aiKey }),
  });
}
