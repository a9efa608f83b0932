import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { problemMessage } from '../../../lib/problem-message';
import type { EvidenceContext } from '../../../types/api';
import { useEvidence } from '../api/evidence';
import { DocumentHits } from './document-hits';
import { PubmedResults } from './pubmed-results';

const CONTEXTS: readonly EvidenceContext[] = ['INTERACTION', 'DRUG', 'DIAGNOSIS', 'ORDER'];

/**
 * /knowledge/evidence?context=INTERACTION&terms=warfarin&terms=aspirin: opened in one click from a safety alert, a
 * diagnosis or an order — the ready PubMed query with its results, and the hospital's documents on the same terms.
 */
export function EvidencePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const raw = params.get('context') ?? '';
  const context = (CONTEXTS as readonly string[]).includes(raw) ? (raw as EvidenceContext) : undefined;
  const terms = params.getAll('terms').filter((term) => term.trim());
  const evidence = useEvidence(context, terms);
  const [page, setPage] = useState(0);
  const query = evidence.data?.pubmedQuery ?? '';
  return (
    <div className="space-y-4" data-testid="evidence-page">
      <PageHeader title={t('knowledge.evidence.title')} description={context ? t(`knowledge.evidence.context.${context}`, { terms: terms.join(' + ') }) : undefined} />
      {!context || terms.length === 0 ? <Alert tone="warning">{t('knowledge.evidence.missing')}</Alert> : null}
      {evidence.isError ? <Alert tone="error">{problemMessage(evidence.error, t)}</Alert> : null}
      {evidence.isLoading ? <Spinner /> : null}
      {evidence.data ? (
        <div className="grid gap-4 lg:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle>{t('knowledge.evidence.pubmed')}</CardTitle>
            </CardHeader>
            <CardContent className="space-y-3">
              <p className="text-sm">
                {t('knowledge.evidence.query')}:{' '}
                <Link
                  to={`/knowledge?tab=pubmed&q=${encodeURIComponent(query)}`}
                  className="font-mono text-sky-800 underline"
                  data-testid="evidence-query"
                >
                  {query}
                </Link>
              </p>
              <PubmedResults query={query} page={page} onPageChange={setPage} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t('knowledge.evidence.documents')}</CardTitle>
            </CardHeader>
            <CardContent>
              <DocumentHits hits={evidence.data.documents?.hits ?? []} />
            </CardContent>
          </Card>
        </div>
      ) : null}
    </div>
  );
}
