import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardContent } from '../../../components/ui/card';
import { Label } from '../../../components/ui/label';
import { Spinner } from '../../../components/ui/spinner';
import { problemMessage } from '../../../lib/problem-message';
import { usePubmedArticle } from '../api/pubmed';
import { useRemoveSavedArticle, useSaveArticle, useSavedArticles } from '../api/saved-articles';

/** /knowledge/articles/:pmid: a PubMed article's details, links, and saving it with a note. */
export function ArticlePage() {
  const { t } = useTranslation();
  const { pmid } = useParams();
  const article = usePubmedArticle(pmid);
  const saved = useSavedArticles();
  const save = useSaveArticle();
  const remove = useRemoveSavedArticle();
  const mine = saved.data?.find((a) => a.pmid === pmid);
  const [note, setNote] = useState('');
  useEffect(() => setNote(mine?.note ?? ''), [mine?.note]);

  return (
    <div className="space-y-4" data-testid="article-page">
      <Link to="/knowledge" className="text-sm text-sky-700 hover:underline">
        ← {t('knowledge.back')}
      </Link>
      {article.isError ? <Alert tone="warning">{problemMessage(article.error, t)}</Alert> : null}
      {article.isPending ? <Spinner /> : null}
      {article.data ? (
        <Card>
          <CardContent className="space-y-3 pt-4">
            <h1 className="text-xl font-semibold text-slate-900" data-testid="article-title">
              {article.data.title}
            </h1>
            <p className="text-sm text-slate-700">{(article.data.authors ?? []).join(', ')}</p>
            <p className="text-sm text-slate-500">
              {article.data.journal} · {article.data.published} · {t('knowledge.article.pmid', { pmid: article.data.pmid })}
            </p>
            <div className="flex gap-3 text-sm">
              <a href={article.data.pubmedUrl} target="_blank" rel="noopener noreferrer" className="text-sky-700 underline">
                {t('knowledge.article.pubmed')}
              </a>
              {article.data.doiUrl ? (
                <a href={article.data.doiUrl} target="_blank" rel="noopener noreferrer" className="text-sky-700 underline">
                  {t('knowledge.article.doi', { doi: article.data.doi })}
                </a>
              ) : null}
            </div>
            <section>
              <h2 className="text-sm font-semibold text-slate-800">{t('knowledge.article.abstract')}</h2>
              <p className="whitespace-pre-wrap text-sm text-slate-700" data-testid="article-abstract">
                {article.data.abstractText ?? t('knowledge.article.noAbstract')}
              </p>
            </section>
            {article.data.meshTerms?.length ? (
              <section>
                <h2 className="text-sm font-semibold text-slate-800">{t('knowledge.article.mesh')}</h2>
                <ul className="mt-1 flex flex-wrap gap-1" data-testid="article-mesh">
                  {article.data.meshTerms.map((term) => (
                    <li key={term} className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
                      {term}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <section className="space-y-2 border-t border-slate-200 pt-3">
              <Label htmlFor="article-note">{t('knowledge.article.note')}</Label>
              <textarea
                id="article-note"
                className="block w-full rounded-md border border-slate-300 p-2 text-sm"
                rows={3}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                data-testid="article-note"
              />
              <div className="flex gap-2">
                <Button
                  data-testid="article-save"
                  disabled={save.isPending}
                  onClick={() =>
                    pmid &&
                    save.mutate({
                      pmid,
                      article: { title: article.data.title, journal: article.data.journal, published: article.data.published, note },
                    })
                  }
                >
                  {mine ? t('knowledge.article.updateNote') : t('knowledge.article.save')}
                </Button>
                {mine ? (
                  <Button variant="secondary" onClick={() => pmid && remove.mutate(pmid)}>
                    {t('knowledge.article.unsave')}
                  </Button>
                ) : null}
              </div>
              {mine ? (
                <p className="text-xs text-emerald-800" data-testid="article-saved">
                  {t('knowledge.article.saved')}
                </p>
              ) : null}
              {save.isError ? <Alert tone="error">{problemMessage(save.error, t)}</Alert> : null}
            </section>
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
