import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { Input } from '../../../components/ui/input';
import { Select } from '../../../components/ui/select';
import { Spinner } from '../../../components/ui/spinner';
import { apiClient, problemFieldErrors, toApiProblem } from '../../../lib/api-client';
import { problemMessage } from '../../../lib/problem-message';
import {
  useAddClinicalEntry,
  useClinicalList,
  useInactivateClinicalEntry,
  type ClinicalListKind,
} from '../api/clinical-lists';

interface Field {
  name: string;
  type?: 'text' | 'date' | 'severity';
}

const FIELDS: Record<ClinicalListKind, Field[]> = {
  allergies: [{ name: 'substance' }, { name: 'reaction' }, { name: 'severity', type: 'severity' }],
  medications: [{ name: 'name' }, { name: 'dose' }, { name: 'startedOn', type: 'date' }],
  problems: [{ name: 'code' }, { name: 'description' }, { name: 'onsetOn', type: 'date' }],
};

const TEST_ID: Record<ClinicalListKind, string> = { allergies: 'allergy', medications: 'medication', problems: 'problem' };

/** One clinical list of a patient (allergies, medications or problems), with add and inactivate for clinicians. */
export function ClinicalListSection({ patientId, kind, canWrite }: { patientId: string; kind: ClinicalListKind; canWrite: boolean }) {
  const { t } = useTranslation();
  const list = useClinicalList(patientId, kind);
  const add = useAddClinicalEntry();
  const inactivate = useInactivateClinicalEntry();
  const empty = Object.fromEntries(FIELDS[kind].map((f) => [f.name, f.type === 'severity' ? 'MODERATE' : '']));
  const [draft, setDraft] = useState<Record<string, string>>(empty);
  const errors = problemFieldErrors(add.error ? toApiProblem(add.error) : null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ id: patientId, kind, body: draft }, { onSuccess: () => setDraft(empty) });
  };

  const describe = (item: Record<string, unknown>): string => {
    switch (kind) {
      case 'allergies':
        return [item.substance, item.reaction, item.severity ? t(`patients.severity.${String(item.severity)}`) : null]
          .filter(Boolean)
          .join(' · ');
      case 'medications':
        return [item.name, item.dose, item.startedOn].filter(Boolean).join(' · ');
      default:
        return [item.code, item.description, item.onsetOn].filter(Boolean).join(' · ');
    }
  };

  return (
    <Card data-testid={`${TEST_ID[kind]}-list`}>
      <CardHeader>
        <CardTitle>{t(`patients.lists.${kind}`)}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3">
        {list.isPending ? <Spinner /> : null}
        {list.isError ? <Alert tone="error">{problemMessage(list.error, t)}</Alert> : null}
        {list.data && list.data.length === 0 ? <p className="text-sm text-slate-500">{t('patients.lists.empty')}</p> : null}
        <ul className="divide-y divide-slate-100">
          {(list.data ?? []).map((item) => {
            const row = item as unknown as Record<string, unknown>;
            const code = kind === 'allergies' ? row.substanceCode : kind === 'medications' ? row.ingredientId : null;
            return (
              <li key={String(row.id)} className="flex items-center justify-between gap-2 py-2 text-sm" data-testid={`${TEST_ID[kind]}-item`}>
                {/* the code (DrugBank id, allergen group) only as a tooltip: no raw code on a clinical screen */}
                <span className={row.status === 'INACTIVE' ? 'text-slate-400 line-through' : ''} title={code ? String(code) : undefined}>
                  {describe(row)}
                  {code ? (
                    <span className="ml-2 text-xs text-emerald-700" data-testid="coded-mark">
                      ✓ {t('patients.lists.coded')}
                    </span>
                  ) : null}
                </span>
                <span className="flex items-center gap-2">
                  <Badge tone={row.status === 'ACTIVE' ? 'success' : 'neutral'}>
                    {row.status === 'ACTIVE' ? t('common.active') : t('common.inactive')}
                  </Badge>
                  {canWrite && row.status === 'ACTIVE' ? (
                    <ConfirmButton
                      size="sm"
                      variant="secondary"
                      data-testid={`inactivate-${TEST_ID[kind]}`}
                      disabled={inactivate.isPending}
                      title={t('confirm.inactivateEntry', { name: describe(row) })}
                      description={t('confirm.inactivateEntryDescription')}
                      confirmLabel={t('patients.lists.inactivate')}
                      onConfirm={() => inactivate.mutate({ id: patientId, kind, itemId: String(row.id) })}
                    >
                      {t('patients.lists.inactivate')}
                    </ConfirmButton>
                  ) : null}
                </span>
              </li>
            );
          })}
        </ul>
        {canWrite && kind === 'allergies' && list.data && !list.data.some((a) => a.status === 'ACTIVE') ? (
          <ConfirmNoAllergies patientId={patientId} />
        ) : null}
        {canWrite ? (
          <form onSubmit={submit} className="flex flex-wrap items-start gap-2" noValidate>
            {FIELDS[kind].map((f) => (
              <div key={f.name} className="min-w-[8rem] flex-1">
                {f.type === 'severity' ? (
                  <Select
                    aria-label={t(`patients.lists.fields.${f.name}`)}
                    data-testid={`${TEST_ID[kind]}-${f.name}`}
                    value={draft[f.name]}
                    onChange={(e) => setDraft((d) => ({ ...d, [f.name]: e.target.value }))}
                  >
                    {(['MILD', 'MODERATE', 'SEVERE'] as const).map((s) => (
                      <option key={s} value={s}>
                        {t(`patients.severity.${s}`)}
                      </option>
                    ))}
                  </Select>
                ) : (
                  <Input
                    aria-label={t(`patients.lists.fields.${f.name}`)}
                    placeholder={t(`patients.lists.fields.${f.name}`)}
                    type={f.type === 'date' ? 'date' : 'text'}
                    data-testid={`${TEST_ID[kind]}-${f.name}`}
                    invalid={Boolean(errors[f.name])}
                    value={draft[f.name]}
                    onChange={(e) => setDraft((d) => ({ ...d, [f.name]: e.target.value }))}
                  />
                )}
                {errors[f.name] ? <p className="text-xs text-rose-700">{errors[f.name]}</p> : null}
              </div>
            ))}
            <Button type="submit" data-testid={`add-${TEST_ID[kind]}`} disabled={add.isPending}>
              {t('patients.lists.add')}
            </Button>
          </form>
        ) : null}
        {add.isError && Object.keys(errors).length === 0 ? <Alert tone="error">{problemMessage(add.error, t)}</Alert> : null}
      </CardContent>
    </Card>
  );
}

/** Records "no known allergies" as confirmed by the caller, now: the banner then says so, with who and when. */
function ConfirmNoAllergies({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const confirm = useMutation({
    mutationFn: async () => apiClient.post(`/api/patients/${encodeURIComponent(patientId)}/allergies/none-confirmed`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['patients', 'detail', patientId] }),
  });
  return (
    <div>
      <Button size="sm" variant="secondary" data-testid="allergies-confirm-none" disabled={confirm.isPending} onClick={() => confirm.mutate()}>
        {t('patients.lists.confirmNone')}
      </Button>
      {confirm.isError ? <Alert tone="error">{problemMessage(confirm.error, t)}</Alert> : null}
    </div>
  );
}
