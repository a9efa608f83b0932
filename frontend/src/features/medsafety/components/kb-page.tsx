import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '../../../components/ui/table';
import { problemMessage } from '../../../lib/problem-message';
import { useKb } from '../api/get-kb';
import { ReferenceSetCard } from './reference-set-card';
import { sourceName } from '../../../components/safety/severity';

/** /kb: which knowledge base the safety checks use: version, sources with citations, rule counts. */
export function KbPage() {
  const { t } = useTranslation();
  const kb = useKb();
  const counts = Object.entries(kb.data?.counts ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const max = Math.max(1, ...counts.map(([, n]) => n));
  // sources and counts by name in the reader's language; the key only as a tooltip (issue 15: no raw code)
  const sourceLabel = (code: string | undefined) => sourceName(code, t) || '—';
  const countLabel = (key: string) => {
    const parts = key.split('.');
    if (parts[0] === 'rules' && parts.length === 3) {
      return `${sourceLabel(parts[1])} · ${t(`medsafety.severity.${parts[2]}`, { defaultValue: parts[2] })}`;
    }
    return t(`medsafety.kb.countName.${key}`, { defaultValue: key });
  };

  return (
    <div data-testid="kb-page">
      <PageHeader
        title={t('medsafety.kb.title')}
        description={t('medsafety.kb.description')}
        actions={
          <Link to="/kb/browser" className="text-sm font-medium text-sky-700 underline" data-testid="kb-browser-link">
            {t('medsafety.browser.open')}
          </Link>
        }
      />
      {kb.isError ? <Alert tone="error">{problemMessage(kb.error, t)}</Alert> : null}
      {kb.isPending ? <Spinner /> : null}
      {kb.data ? (
        <div className="space-y-4">
          {kb.data.available === false ? (
            <Alert tone="warning" title={t('medsafety.kb.unavailable')} data-testid="kb-unavailable">
              {kb.data.problem}
            </Alert>
          ) : null}
          <p className="text-sm text-slate-700" data-testid="kb-version">
            {t('medsafety.kb.versionLine', { version: kb.data.version ?? '—' })}
          </p>
          <Card>
            <CardHeader>
              <CardTitle>{t('medsafety.kb.sources')}</CardTitle>
            </CardHeader>
            <CardContent>
              {(kb.data.sources ?? []).length === 0 ? (
                <EmptyState title={t('medsafety.kb.noSources')} />
              ) : (
                <Table data-testid="kb-sources">
                  <TableHead>
                    <TableRow>
                      <TableHeaderCell>{t('medsafety.kb.source')}</TableHeaderCell>
                      <TableHeaderCell>{t('medsafety.kb.citation')}</TableHeaderCell>
                      <TableHeaderCell>{t('medsafety.kb.rules')}</TableHeaderCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {(kb.data.sources ?? []).map((source) => (
                      <TableRow key={source.code} data-testid="kb-source">
                        <TableCell title={source.code}>{sourceLabel(source.code)}</TableCell>
                        <TableCell>{source.citation}</TableCell>
                        <TableCell className="text-right tabular-nums">{source.rules}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </CardContent>
          </Card>
          <ReferenceSetCard />
          <Card>
            <CardHeader>
              <CardTitle>{t('medsafety.kb.counts')}</CardTitle>
            </CardHeader>
            <CardContent>
              {counts.length === 0 ? (
                <EmptyState title={t('medsafety.kb.noCounts')} />
              ) : (
                <Table data-testid="kb-counts">
                  <TableHead>
                    <TableRow>
                      <TableHeaderCell>{t('medsafety.kb.countKey')}</TableHeaderCell>
                      <TableHeaderCell>{t('medsafety.kb.rules')}</TableHeaderCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {counts.map(([key, n]) => (
                      <TableRow key={key} data-testid="kb-count">
                        <TableCell title={key}>{countLabel(key)}</TableCell>
                        <TableCell>
                          <div className="flex items-center gap-2">
                            <span className="w-12 text-right tabular-nums">{n}</span>
                            <span aria-hidden="true" className="h-2 rounded bg-sky-600" style={{ width: `${Math.round((n / max) * 100)}%`, maxWidth: '16rem' }} />
                          </div>
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </CardContent>
          </Card>
        </div>
      ) : null}
    </div>
  );
}
