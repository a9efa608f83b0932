import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { Input } from '../../../components/ui/input';
import { Label } from '../../../components/ui/label';
import { PageHeader } from '../../../components/ui/page-header';
import { Pagination } from '../../../components/ui/pagination';
import { SortHeader } from '../../../components/ui/sort-header';
import { Spinner } from '../../../components/ui/spinner';
import { Table, TableBody, TableCell, TableHead, TableMessageRow, TableRow } from '../../../components/ui/table';
import { PAGE_SIZE, pageParam } from '../../../lib/query-params';
import { problemMessage } from '../../../lib/problem-message';
import { useSearchPatients } from '../api/search-patients';

const COLUMNS = 6;
const DEFAULT_SORT = 'name,asc';

/** /patients: search the registry, page and sort, open a patient. */
export function PatientsPage({ canRegister = false }: { canRegister?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = pageParam(params.get('page'));
  // with a query the server ranks by relevance (exact MRN, phone, name, prefix, 초성…) unless a column is chosen
  const sort = params.get('sort') ?? (q ? undefined : DEFAULT_SORT);
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);

  const patients = useSearchPatients({ q: q || undefined, page, size: PAGE_SIZE, sort });

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    update({ q: draft.trim() || undefined, page: undefined });
  };

  const rows = patients.data?.content ?? [];

  return (
    <div data-testid="patients-page">
      <PageHeader title={t('patients.title')} description={t('patients.description')} />
      <form role="search" onSubmit={onSearch} className="mb-4 flex flex-wrap items-end gap-2">
        <div className="min-w-[16rem] flex-1 space-y-1">
          <Label htmlFor="patient-search">{t('patients.searchLabel')}</Label>
          <Input
            id="patient-search"
            type="search"
            data-testid="patient-search"
            placeholder={t('patients.searchPlaceholder')}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
        </div>
        <Button type="submit" data-testid="patient-search-submit">
          {t('common.search')}
        </Button>
        {canRegister ? (
          <Button asChild variant="secondary">
            <Link to="/patients/new" data-testid="new-patient">
              {t('patients.newPatient')}
            </Link>
          </Button>
        ) : null}
      </form>

      {patients.isError ? (
        <Alert tone="error" className="mb-4">
          {problemMessage(patients.error, t)}
        </Alert>
      ) : null}

      <Table data-testid="patients-table" aria-busy={patients.isFetching}>
        <caption className="sr-only">{t('patients.title')}</caption>
        <TableHead>
          <TableRow>
            <SortHeader field="mrn" sort={sort} onSort={(s) => update({ sort: s, page: undefined })}>
              {t('patients.columns.mrn')}
            </SortHeader>
            <SortHeader field="name" sort={sort} onSort={(s) => update({ sort: s, page: undefined })}>
              {t('patients.columns.name')}
            </SortHeader>
            <SortHeader field="nameLatin" sort={sort} onSort={(s) => update({ sort: s, page: undefined })}>
              {t('patients.columns.nameLatin')}
            </SortHeader>
            <SortHeader field="birthDate" sort={sort} onSort={(s) => update({ sort: s, page: undefined })}>
              {t('patients.columns.birthDate')}
            </SortHeader>
            <SortHeader field="sex" sort={sort} onSort={(s) => update({ sort: s, page: undefined })}>
              {t('patients.columns.sex')}
            </SortHeader>
            <SortHeader field="active" sort={sort} onSort={(s) => update({ sort: s, page: undefined })}>
              {t('patients.columns.active')}
            </SortHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {patients.isPending ? (
            <TableMessageRow colSpan={COLUMNS}>
              <Spinner />
            </TableMessageRow>
          ) : rows.length === 0 ? (
            <TableMessageRow colSpan={COLUMNS}>
              <EmptyState title={q ? t('patients.emptySearch', { q }) : t('patients.empty')} />
            </TableMessageRow>
          ) : (
            rows.map((patient) => (
              <TableRow
                key={patient.id}
                data-testid="patient-row"
                className="cursor-pointer hover:bg-sky-50/60"
                onClick={() => navigate(`/patients/${patient.id}`)}
              >
                <TableCell className="whitespace-nowrap font-mono">
                  <Link
                    to={`/patients/${patient.id}`}
                    className="text-sky-700 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
                    onClick={(event) => event.stopPropagation()}
                  >
                    {patient.mrn}
                  </Link>
                </TableCell>
                <TableCell className="whitespace-nowrap font-medium">{patient.name}</TableCell>
                <TableCell>{patient.nameLatin}</TableCell>
                <TableCell className="whitespace-nowrap tabular-nums">{patient.birthDate}</TableCell>
                <TableCell>{patient.sex ? t(`patients.sex.${patient.sex}`, { defaultValue: patient.sex }) : ''}</TableCell>
                <TableCell>
                  <Badge tone={patient.active ? 'success' : 'neutral'}>
                    {patient.active ? t('common.active') : t('common.inactive')}
                  </Badge>
                </TableCell>
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
      <Pagination page={patients.data?.page} onPageChange={(p) => update({ page: p > 0 ? String(p) : undefined })} />
    </div>
  );
}
