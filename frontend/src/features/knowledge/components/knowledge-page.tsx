import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { Input } from '../../../components/ui/input';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { cn } from '../../../lib/cn';
import { problemMessage } from '../../../lib/problem-message';
import { useSavedArticles } from '../api/saved-articles';
import { DocumentLibrary } from './document-library';
import { FeedAdmin } from './feed-admin';
import { FeedReader } from './feed-reader';
import { PubmedResults } from './pubmed-results';

export const KNOWLEDGE_TABS = ['pubmed', 'feeds', 'documents', 'saved'] as const;
export type KnowledgeTab = (typeof KNOWLEDGE_TABS)[number];

/** /knowledge: evidence at hand — PubMed, medical feeds, the hospital's documents and the user's saved articles. */
export function KnowledgePage({
  canUpload,
  isAdmin = false,
  uploadDepartments,
}: {
  canUpload: boolean;
  isAdmin?: boolean;
  /** The departments an upload may be filed under (the author's own); undefined: every department (administrators). */
  uploadDepartments?: readonly string[];
}) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = (KNOWLEDGE_TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as KnowledgeTab) : 'pubmed';
  const setTab = (next: KnowledgeTab) => {
    const p = new URLSearchParams(params);
    p.set('tab', next);
    setParams(p);
  };
  return (
    <div data-testid="knowledge-page">
      <PageHeader title={t('knowledge.title')} description={t('knowledge.description')} />
      <div role="tablist" aria-label={t('knowledge.title')} className="mb-4 flex gap-1 border-b border-slate-200">
        {KNOWLEDGE_TABS.map((key) => (
          <button
            key={key}
            type="button"
            role="tab"
            aria-selected={tab === key}
            data-testid={`knowledge-tab-${key}`}
            onClick={() => setTab(key)}
            className={cn(
              '-mb-px border-b-2 px-4 py-2 text-sm font-medium',
              tab === key ? 'border-sky-700 text-sky-800' : 'border-transparent text-slate-600 hover:text-slate-900',
            )}
          >
            {t(`knowledge.tabs.${key}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {tab === 'pubmed' ? <PubmedTab /> : null}
        {tab === 'feeds' ? (
          <div className="space-y-4">
            {isAdmin ? <FeedAdmin /> : null}
            <FeedReader />
          </div>
        ) : null}
        {tab === 'documents' ? <DocumentLibrary canUpload={canUpload} uploadDepartments={uploadDepartments} /> : null}
        {tab === 'saved' ? <SavedTab /> : null}
      </div>
    </div>
  );
}

function PubmedTab() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '0') || 0;
  const [draft, setDraft] = useState(query);
  const update = (q: string, p: number) => {
    const next = new URLSearchParams(params);
    next.set('q', q);
    next.set('page', String(p));
    setParams(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update(draft.trim(), 0);
  };
  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="flex gap-2" role="search">
        <Input
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder={t('knowledge.pubmed.placeholder')}
          aria-label={t('knowledge.pubmed.placeholder')}
          data-testid="pubmed-query"
        />
        <Button type="submit" data-testid="pubmed-search">
          {t('knowledge.search')}
        </Button>
      </form>
      <PubmedResults query={query} page={page} onPageChange={(p) => update(query, p)} />
    </div>
  );
}

function SavedTab() {
  const { t } = useTranslation();
  const saved = useSavedArticles();
  if (saved.isPending) return <Spinner />;
  if (saved.isError && !saved.data) return <Alert tone="error">{problemMessage(saved.error, t)}</Alert>;
  if (!saved.data?.length) return <EmptyState title={t('knowledge.saved.none')} />;
  return (
    <ul className="space-y-3" data-testid="saved-articles">
      {saved.data.map((article) => (
        <li key={article.pmid} className="rounded-md border border-slate-200 bg-white p-3">
          <Link to={`/knowledge/articles/${article.pmid}`} className="font-medium text-sky-800 hover:underline">
            {article.title}
          </Link>
          <p className="text-xs text-slate-500">
            {article.journal} · {article.published}
          </p>
          {article.note ? <p className="mt-1 whitespace-pre-wrap text-sm text-slate-700">{article.note}</p> : null}
        </li>
      ))}
    </ul>
  );
}
