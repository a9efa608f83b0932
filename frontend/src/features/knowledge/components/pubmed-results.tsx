import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { Spinner } from '../../../components/ui/spinner';
import { toApiProblem } from '../../../lib/api-client';
import { problemMessage } from '../../../lib/problem-message';
import { usePubmedSearch } from '../api/pubmed';

/** One page of PubMed results for a query, with paging and the "PubMed unreachable" state. */
export function PubmedResults({ query, page, onPageChange }: { query: string; page: number; onPageChange: (page: number) => void }) {
  const { t } = useTranslation();
  const search = usePubmedSearch(query, page);
  if (!query.trim()) return null;
  if (search.isError) {
    const unreachable = toApiProblem(search.error).code === 'knowledge.pubmed-unavailable';
    return (
      <Alert tone={unreachable ? 'warning' : 'error'} title={unreachable ? t('knowledge.pubmed.unreachable') : undefined} data-testid="pubmed-error">
        {problemMessage(search.error, t)}
      </Alert>
    );
  }
  if (search.isPending) return <Spinner />;
  const result = search.data;
  const size = result.size ?? 10;
  const total = result.total ?? 0;
  const last = Math.max(0, Math.ceil(total / size) - 1);
  if (total === 0) return <EmptyState title={t('knowledge.pubmed.none')} />;
  return (
    <div className="space-y-3" data-testid="pubmed-results">
      <p className="text-sm text-slate-600">{t('knowledge.pubmed.total', { count: total })}</p>
      <ol className="space-y-3">
        {(result.articles ?? []).map((article) => (
          <li key={article.pmid} className="rounded-md border border-slate-200 bg-white p-3" data-testid="pubmed-article">
            <Link to={`/knowledge/articles/${article.pmid}`} className="font-medium text-sky-800 hover:underline" data-testid="pubmed-article-link">
              {article.title}
            </Link>
            <p className="mt-1 text-sm text-slate-700">{(article.authors ?? []).slice(0, 6).join(', ')}{(article.authors?.length ?? 0) > 6 ? ', …' : ''}</p>
            <p className="text-xs text-slate-500">
              {article.journal} · {article.published} · {t('knowledge.article.pmid', { pmid: article.pmid })}
            </p>
          </li>
        ))}
      </ol>
      <div className="flex items-center gap-2">
        <Button variant="secondary" size="sm" disabled={page <= 0} onClick={() => onPageChange(page - 1)}>
          {t('knowledge.previous')}
        </Button>
        <span className="text-sm text-slate-600">
          {page + 1} / {last + 1}
        </span>
        <Button variant="secondary" size="sm" disabled={page >= last} onClick={() => onPageChange(page + 1)} data-testid="pubmed-next">
          {t('knowledge.next')}
        </Button>
      </div>
    </div>
  );
}
