import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { FeedItemPage, FeedView } from '../../../types/api';

/** GET /api/knowledge/feeds: the feeds with the current user's unread counts. */
export function useFeeds() {
  return useQuery({
    queryKey: ['knowledge', 'feeds'],
    queryFn: async () => (await apiClient.get<FeedView[]>('/api/knowledge/feeds')).data,
  });
}

/** GET /api/knowledge/feeds/items: items newest first, with the current user's read state. */
export function useFeedItems(feedId: string | undefined, unreadOnly: boolean) {
  return useQuery({
    queryKey: ['knowledge', 'feed-items', feedId ?? 'all', unreadOnly],
    queryFn: async () =>
      (
        await apiClient.get<FeedItemPage>('/api/knowledge/feeds/items', {
          params: { feedId: feedId || undefined, unreadOnly },
        })
      ).data,
  });
}

/** POST /api/knowledge/feeds/items/{id}/read. */
export function useMarkFeedItemRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      await apiClient.post(`/api/knowledge/feeds/items/${id}/read`);
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['knowledge', 'feed-items'] });
      void client.invalidateQueries({ queryKey: ['knowledge', 'feeds'] });
    },
  });
}
