import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { EmptyState } from '../../../components/ui/empty-state';
import { Input } from '../../../components/ui/input';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { problemMessage } from '../../../lib/problem-message';
import type { DuplicatePair, PatientSummaryView } from '../../../types/api';
import { useMergePatients, usePatientDuplicates } from '../api/check-duplicates';

/**
 * /admin/patient-duplicates: likely duplicate records (same number found at upgrade, same name and birth date); an
 * administrator merges the newer record into the older one with a reason. Audited on the server.
 */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const pairs = usePatientDuplicates();
  return (
    <div data-testid="duplicates-page">
      <PageHeader title={t('patients.duplicates.adminTitle')} description={t('patients.duplicates.adminDescription')} />
      {pairs.isPending ? <Spinner className="py-12" /> : null}
      {pairs.isError ? <Alert tone="error">{problemMessage(pairs.error, t)}</Alert> : null}
      {pairs.data && pairs.data.length === 0 ? <EmptyState title={t('patients.duplicates.none')} /> : null}
      <ul className="space-y-3">
        {pairs.data?.map((pair) => <PairRow key={`${pair.older?.id}:${pair.younger?.id}`} pair={pair} />)}
      </ul>
    </div>
  );
}

function Who({ p = {} }: { p?: PatientSummaryView }) {
  const { t } = useTranslation();
  return (
    <div className="min-w-0">
      <div className="font-medium">
        {p.name} <span className="text-sm text-slate-500">{p.mrn}</span>
      </div>
      <div className="text-sm text-slate-600">
        {p.birthDate} · {p.sex ? t(`patients.sex.${p.sex}`) : ''}
      </div>
    </div>
  );
}

function PairRow({ pair }: { pair: DuplicatePair }) {
  const { t } = useTranslation();
  const merge = useMergePatients();
  const [reason, setReason] = useState('');
  return (
    <li className="rounded border border-slate-200 p-3" data-testid="duplicate-pair">
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        <Who p={pair.older} />
        <Who p={pair.younger} />
      </div>
      <p className="mt-1 text-sm text-slate-600">{(pair.reasons ?? []).map((r) => t(`patients.duplicates.reason.${r}`)).join(', ')}</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <Input
          aria-label={t('patients.duplicates.mergeReason')}
          placeholder={t('patients.duplicates.mergeReason')}
          value={reason}
          maxLength={500}
          className="max-w-xs"
          onChange={(e) => setReason(e.target.value)}
        />
        <ConfirmButton
          variant="danger"
          data-testid="merge-pair"
          disabled={!reason.trim() || merge.isPending}
          title={t('patients.duplicates.confirmMerge')}
          confirmLabel={t('patients.duplicates.merge')}
          onConfirm={() => merge.mutate({ mergedId: pair.younger?.id ?? '', survivorId: pair.older?.id ?? '', reason: reason.trim() })}
        >
          {t('patients.duplicates.merge')}
        </ConfirmButton>
      </div>
      {merge.isError ? <Alert tone="error">{problemMessage(merge.error, t)}</Alert> : null}
    </li>
  );
}
