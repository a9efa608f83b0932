import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Input } from '../../../components/ui/input';
import { Label } from '../../../components/ui/label';
import { Spinner } from '../../../components/ui/spinner';
import type { PatientSummaryView } from '../../../types/api';
import { usePatientPicker } from '../api/search-patients';

/** Search the registry by name or MRN and choose one patient. */
export function PatientPicker({ value, onChange, error }: { value: PatientSummaryView | undefined; onChange: (patient: PatientSummaryView | undefined) => void; error?: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  const found = usePatientPicker(debounced);

  if (value) {
    return (
      <div className="space-y-1">
        <Label>{t('scheduling.book.patient')}</Label>
        <div className="flex items-center justify-between rounded-md border border-slate-300 px-3 py-2 text-sm" data-testid="picked-patient">
          <span>
            {value.name} <span className="font-mono text-slate-500">{value.mrn}</span>
          </span>
          <Button size="sm" variant="ghost" onClick={() => onChange(undefined)}>
            {t('scheduling.book.changePatient')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className="space-y-1">
      <Label htmlFor="book-patient-search">{t('scheduling.book.patient')}</Label>
      <div className="flex gap-2">
        <Input
          id="book-patient-search"
          type="search"
          data-testid="book-patient-search"
          placeholder={t('scheduling.book.patientSearch')}
          value={q}
          invalid={Boolean(error)}
          aria-describedby="book-patient-error"
          onChange={(event) => setQ(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              setDebounced(q.trim());
            }
          }}
        />
        <Button variant="secondary" data-testid="book-patient-search-submit" onClick={() => setDebounced(q.trim())}>
          {t('common.search')}
        </Button>
      </div>
      {found.isFetching ? <Spinner /> : null}
      {debounced && found.data ? (
        found.data.content?.length ? (
          <ul className="max-h-40 overflow-auto rounded-md border border-slate-200" role="listbox" aria-label={t('scheduling.book.patient')}>
            {(found.data.content ?? []).map((patient) => (
              <li key={patient.id} role="option" aria-selected={false}>
                <button type="button" data-testid={`patient-option-${patient.id}`} className="w-full px-3 py-1.5 text-left text-sm hover:bg-sky-50" onClick={() => onChange(patient)}>
                  {patient.name} <span className="font-mono text-slate-500">{patient.mrn}</span> <span className="text-slate-500">{patient.birthDate}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">{t('scheduling.book.noPatients')}</p>
        )
      ) : null}
      <p id="book-patient-error" className="text-sm text-rose-700" aria-live="polite">
        {error}
      </p>
    </div>
  );
}
