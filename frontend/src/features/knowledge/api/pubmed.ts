import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { PubmedArticle, PubmedSearchResult } from '../../../types/api';

/** GET /api/knowledge/pubmed/search: one page of a PubMed search (the server caches and rate-limits NCBI calls). */
export async function searchPubmed(q: string, page: number, size = 10): Promise<PubmedSearchResult> {
  const { data } = await apiClient.get<PubmedSearchResult>('/api/knowledge/pubmed/search', { params: { q, page, size } });
  return data;
}

export const pubmedSearchQueryOptions = (q: string, page: number) =>
  queryOptions({
    queryKey: ['knowledge', 'pubmed', q, page],
    queryFn: () => searchPubmed(q, page),
    staleTime: 10 * 60_000,
    placeholderData: keepPreviousData,
    retry: false,
  });

export function usePubmedSearch(q: string, page: number) {
  return useQuery({ ...pubmedSearchQueryOptions(q, page), enabled: q.trim().length > 0 });
}

/** GET /api/knowledge/pubmed/articles/{pmid}. */
export async function getPubmedArticle(pmid: string): Promise<PubmedArticle> {
  const { data } = await apiClient.get<PubmedArticle>(`/api/knowledge/pubmed/articles/${encodeURIComponent(pmid)}`);
  return data;
}

export function usePubmedArticle(pmid: string | undefined) {
  return useQuery({
    queryKey: ['knowledge', 'article', pmid],
    queryFn: () => getPubmedArticle(pmid ?? ''),
    enabled: Boolean(pmid),
    staleTime: 60 * 60_000,
    retry: false,
  });
}
