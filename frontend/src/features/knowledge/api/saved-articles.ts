import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { SaveArticle, SavedArticle } from '../../../types/api';

const KEY = ['knowledge', 'saved'] as const;

/** GET /api/knowledge/saved-articles: the current user's saved articles with their notes. */
export function useSavedArticles() {
  return useQuery({
    queryKey: KEY,
    queryFn: async () => (await apiClient.get<SavedArticle[]>('/api/knowledge/saved-articles')).data,
  });
}

/** PUT /api/knowledge/saved-articles/{pmid}: saves an article or changes its note. */
export function useSaveArticle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ pmid, article }: { pmid: string; article: SaveArticle }) =>
      (await apiClient.put<SavedArticle>(`/api/knowledge/saved-articles/${encodeURIComponent(pmid)}`, article)).data,
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

/** DELETE /api/knowledge/saved-articles/{pmid}. */
export function useRemoveSavedArticle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (pmid: string) => {
      await apiClient.delete(`/api/knowledge/saved-articles/${encodeURIComponent(pmid)}`);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
