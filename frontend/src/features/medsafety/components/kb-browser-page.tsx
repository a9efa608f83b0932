import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { Label } from '../../../components/ui/label';
import { PageHeader } from '../../../components/ui/page-header';
import { Pagination } from '../../../components/ui/pagination';
import { Select } from '../../../components/ui/select';
import { Spinner } from '../../../components/ui/spinner';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '../../../components/ui/table';
import { ApiProblem } from '../../../lib/api-client';
import { cn } from '../../../lib/cn';
import { problemMessage } from '../../../lib/problem-message';
import type { AlertSeverity, KbIngredient } from '../../../types/api';
import { useKb } from '../api/get-kb';
import { useKbIngredient } from '../api/get-kb-ingredient';
import { searchIngredients } from '../api/search-ingredients';
import { SEVERITY_ORDER, sourceGrade, sourceName } from '../../../components/safety/severity';
import { DrugAutocomplete, formLabel, routeLabel } from '../../../components/safety/drug-autocomplete';
import { SEVERITY_STYLE } from '../../../components/safety/safety-alert-list';

export const KB_BROWSER_PAGE_SIZE = 20;

/**
 * /kb/browser: search an ingredient (Korean, English, brand) and see its names, product and dose limits, its
 * classes and groups as chips, and its interactions (most severe first) filtered by severity and source. The
 * selection and filters live in the URL (?id=&severity=&source=&page=) so a view can be shared.
 */
export function KbBrowserPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const id = params.get('id') ?? undefined;
  const severityParam = params.get('severity');
  const severity = SEVERITY_ORDER.includes(severityParam as AlertSeverity) ? (severityParam as AlertSeverity) : undefined;
  const source = params.get('source') ?? undefined;
  const page = Math.max(0, Number(params.get('page') ?? 0) || 0);
  const ingredient = useKbIngredient(id, { severity, source, page, size: KB_BROWSER_PAGE_SIZE });
  const sources = useKb().data?.sources ?? [];

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    Object.entries(changes).forEach(([key, value]) => (value ? next.set(key, value) : next.delete(key)));
    setParams(next);
  };
  const open = (drugId: string) => setParams(new URLSearchParams({ id: drugId }));
  const notFound = ingredient.error instanceof ApiProblem && ingredient.error.status === 404;

  return (
    <div data-testid="kb-browser-page">
      <PageHeader
        title={t('medsafety.browser.title')}
        description={t('medsafety.browser.description')}
        actions={
          <Link to="/kb" className="text-sm text-sky-700 underline" data-testid="kb-browser-back">
            {t('medsafety.browser.back')}
          </Link>
        }
      />
      <div className="mb-4 max-w-xl">
        <DrugAutocomplete
          label={t('medsafety.browser.search')}
          testId="kb-browser-search"
          search={searchIngredients}
          cacheKey="ingredients"
          onPick={(drug) => drug.id && open(drug.id)}
        />
      </div>
      {!id ? <EmptyState title={t('medsafety.browser.pick')} description={t('medsafety.browser.pickHint')} /> : null}
      {id && ingredient.isPending ? <Spinner /> : null}
      {notFound ? (
        <Alert tone="warning" data-testid="kb-browser-not-found">
          {t('medsafety.browser.notFound', { id })}
        </Alert>
      ) : ingredient.isError ? (
        <Alert tone="error">{problemMessage(ingredient.error, t)}</Alert>
      ) : null}
      {id && ingredient.data ? (
        <div className="space-y-4">
          <IngredientCard ingredient={ingredient.data} />
          <Card>
            <CardHeader>
              <CardTitle>{t('medsafety.browser.interactions')}</CardTitle>
            </CardHeader>
            <CardContent>
              <div className="mb-3 flex flex-wrap gap-2" data-testid="kb-interaction-counts">
                {SEVERITY_ORDER.filter((s) => (ingredient.data.interactionCounts?.[s] ?? 0) > 0).map((s) => (
                  <span key={s} className={cn('rounded border px-2 py-0.5 text-xs', SEVERITY_STYLE[s].box, SEVERITY_STYLE[s].text)}>
                    <span aria-hidden="true">{SEVERITY_STYLE[s].icon}</span> {t(`medsafety.severity.${s}`)} {ingredient.data.interactionCounts?.[s]}
                  </span>
                ))}
              </div>
              <div className="mb-3 grid max-w-xl grid-cols-2 gap-3">
                <div className="space-y-1">
                  <Label htmlFor="kb-filter-severity">{t('medsafety.browser.severity')}</Label>
                  <Select
                    id="kb-filter-severity"
                    data-testid="kb-filter-severity"
                    value={severity ?? ''}
                    onChange={(event) => update({ severity: event.target.value || undefined, page: undefined })}
                  >
                    <option value="">{t('medsafety.browser.all')}</option>
                    {SEVERITY_ORDER.map((s) => (
                      <option key={s} value={s}>
                        {t(`medsafety.severity.${s}`)}
                      </option>
                    ))}
                  </Select>
                </div>
                <div className="space-y-1">
                  <Label htmlFor="kb-filter-source">{t('medsafety.browser.source')}</Label>
                  <Select
                    id="kb-filter-source"
                    data-testid="kb-filter-source"
                    value={source ?? ''}
                    onChange={(event) => update({ source: event.target.value || undefined, page: undefined })}
                  >
                    <option value="">{t('medsafety.browser.all')}</option>
                    {sources.map((s) => (
                      <option key={s.code} value={s.code} title={s.code}>
                        {sourceName(s.code, t)}
                      </option>
                    ))}
                  </Select>
                </div>
              </div>
              <InteractionTable ingredient={ingredient.data} onOpen={open} filtered={Boolean(severity || source)} />
              <Pagination page={ingredient.data.interactions?.page} onPageChange={(next) => update({ page: String(next) })} />
            </CardContent>
          </Card>
        </div>
      ) : null}
    </div>
  );
}

function IngredientCard({ ingredient }: { ingredient: KbIngredient }) {
  const { t, i18n } = useTranslation();
  const name = i18n.language === 'en' ? ingredient.nameEn : ingredient.nameKo || ingredient.nameEn;
  const other = i18n.language === 'en' ? ingredient.nameKo : ingredient.nameKo ? ingredient.nameEn : undefined;
  const product = ingredient.product;
  const chips: { key: string; tone: 'info' | 'warning' | 'neutral'; label: string; names: string[] }[] = [
    { key: 'ansm', tone: 'info', label: t('medsafety.browser.ansmClasses'), names: ingredient.ansmClasses ?? [] },
    { key: 'allergy', tone: 'warning', label: t('medsafety.browser.allergyGroups'), names: ingredient.allergyGroups ?? [] },
    { key: 'duplicate', tone: 'neutral', label: t('medsafety.browser.duplicateGroups'), names: ingredient.duplicateGroups ?? [] },
  ];
  return (
    <Card data-testid="kb-ingredient">
      <CardHeader>
        <CardTitle>
          <span data-testid="kb-ingredient-name">{name}</span>
          {other ? <span className="ml-2 text-base font-normal text-slate-500">{other}</span> : null}
        </CardTitle>
      </CardHeader>
      <CardContent className="space-y-3 text-sm">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="text-slate-500">{t('medsafety.browser.drugbankId')}</dt>
          <dd className="font-mono" data-testid="kb-ingredient-id">{ingredient.id}</dd>
          {ingredient.nameFr ? (
            <>
              <dt className="text-slate-500">{t('medsafety.browser.nameFr')}</dt>
              <dd>{ingredient.nameFr}</dd>
            </>
          ) : null}
          <dt className="text-slate-500">{t('medsafety.browser.atc')}</dt>
          <dd className="font-mono">{ingredient.atc ?? t('medsafety.browser.unknown')}</dd>
          <dt className="text-slate-500">{t('medsafety.browser.product')}</dt>
          <dd data-testid="kb-ingredient-product">
            {product
              ? [product.brands, product.strength, product.form && formLabel(product.form, t), product.route && routeLabel(product.route, t)].filter(Boolean).join(' · ')
              : t('medsafety.browser.notOrderable')}
          </dd>
          {product ? (
            <>
              <dt className="text-slate-500">{t('medsafety.browser.doseLimits')}</dt>
              <dd>
                {product.maxSingleDose != null || product.maxDailyDose != null
                  ? t('medsafety.browser.doseLimitLine', {
                      single: product.maxSingleDose ?? '—',
                      daily: product.maxDailyDose ?? '—',
                      unit: product.doseUnit ?? '',
                      source: product.doseSource ?? '',
                    })
                  : t('medsafety.browser.noDoseLimits')}
              </dd>
            </>
          ) : null}
        </dl>
        {chips.map((group) => (
          <div key={group.key} data-testid={`kb-chips-${group.key}`}>
            <p className="mb-1 text-xs font-medium text-slate-500">{group.label}</p>
            {group.names.length === 0 ? (
              <p className="text-xs text-slate-400">{t('medsafety.browser.none')}</p>
            ) : (
              <div className="flex flex-wrap gap-1">
                {group.names.map((n) => (
                  <Badge key={n} tone={group.tone}>
                    {n}
                  </Badge>
                ))}
              </div>
            )}
          </div>
        ))}
      </CardContent>
    </Card>
  );
}

function InteractionTable({ ingredient, onOpen, filtered }: { ingredient: KbIngredient; onOpen: (id: string) => void; filtered: boolean }) {
  const { t } = useTranslation();
  const rows = ingredient.interactions?.content ?? [];
  if (rows.length === 0) {
    return <EmptyState title={filtered ? t('medsafety.browser.noMatches') : t('medsafety.browser.noInteractions')} />;
  }
  return (
    <Table data-testid="kb-interactions">
      <TableHead>
        <TableRow>
          <TableHeaderCell>{t('medsafety.browser.severity')}</TableHeaderCell>
          <TableHeaderCell>{t('medsafety.browser.partner')}</TableHeaderCell>
          <TableHeaderCell>{t('medsafety.browser.source')}</TableHeaderCell>
          <TableHeaderCell>{t('medsafety.browser.text')}</TableHeaderCell>
          <TableHeaderCell>{t('medsafety.browser.citation')}</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => {
          const s = (row.severity ?? 'INFO') as AlertSeverity;
          return (
            <TableRow key={row.ruleId} data-testid="kb-interaction" data-severity={s}>
              <TableCell className={cn('whitespace-nowrap border-l-4', SEVERITY_STYLE[s].box, SEVERITY_STYLE[s].text)}>
                <span aria-hidden="true">{SEVERITY_STYLE[s].icon}</span> {t(`medsafety.severity.${s}`)}
              </TableCell>
              <TableCell>
                {/* the partner's DrugBank id and the rule's id only as tooltips (no raw code on the screen) */}
                <button
                  type="button"
                  className="text-left text-sky-700 underline"
                  title={row.partnerId}
                  data-testid={`kb-partner-${row.partnerId}`}
                  onClick={() => row.partnerId && onOpen(row.partnerId)}
                >
                  {row.partnerName || row.partnerId}
                </button>
              </TableCell>
              <TableCell className="whitespace-nowrap" data-testid="kb-interaction-source" title={[row.source, row.sourceSeverity].filter(Boolean).join(' · ')}>
                <span>{sourceName(row.source, t)}</span>
                {row.sourceSeverity ? <div className="text-xs text-slate-500">{sourceGrade(row.sourceSeverity, t) ?? row.sourceSeverity}</div> : null}
              </TableCell>
              <TableCell className="max-w-md" title={row.ruleId} data-testid="kb-interaction-text">
                {row.description ? <p>{row.description}</p> : null}
                {row.mechanism ? <p className="text-xs text-slate-600">{t('medsafety.browser.mechanism', { text: row.mechanism })}</p> : null}
                {!row.description && !row.mechanism ? <span className="text-slate-400">—</span> : null}
              </TableCell>
              <TableCell className="max-w-xs text-xs text-slate-600">{row.citation}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
