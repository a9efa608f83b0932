import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { EvidenceContext, EvidenceView } from '../../../types/api';

/** GET /api/knowledge/evidence: a ready PubMed query and the matching hospital documents for a clinical context. */
export function useEvidence(context: EvidenceContext | undefined, terms: string[]) {
  return useQuery({
    queryKey: ['knowledge', 'evidence', context, terms],
    queryFn: async () =>
      (
        await apiClient.get<EvidenceView>('/api/knowledge/evidence', {
          params: { context, terms },
          paramsSerializer: { indexes: null },
        })
      ).data,
    enabled: Boolean(context) && terms.length > 0,
  });
}
