import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { components } from '../../../types/api.gen';

export type FeedStatusView = components['schemas']['FeedStatusView'];

const KEY = ['knowledge', 'feed-admin'] as const;

/** GET /api/admin/knowledge/feeds: every feed with its fetch state (administrators). */
export function useFeedStatuses(enabled: boolean) {
  return useQuery({
    queryKey: KEY,
    queryFn: async () => (await apiClient.get<FeedStatusView[]>('/api/admin/knowledge/feeds')).data,
    enabled,
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: KEY });
    void client.invalidateQueries({ queryKey: ['knowledge', 'feeds'] });
    void client.invalidateQueries({ queryKey: ['knowledge', 'feed-items'] });
  };
}

/** POST /api/admin/knowledge/feeds. */
export function useAddFeed() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (feed: { title: string; url: string }) => (await apiClient.post<FeedStatusView>('/api/admin/knowledge/feeds', feed)).data,
    onSuccess: invalidate,
  });
}

/** POST /api/admin/knowledge/feeds/{id}/refresh: fetch now. */
export function useRefreshFeed() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (id: string) => (await apiClient.post<FeedStatusView>(`/api/admin/knowledge/feeds/${id}/refresh`)).data,
    onSuccess: invalidate,
  });
}

/** POST /api/admin/knowledge/feeds/{id}/deactivate. */
export function useDeactivateFeed() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (id: string) => {
      await apiClient.post(`/api/admin/knowledge/feeds/${id}/deactivate`);
    },
    onSuccess: invalidate,
  });
}
