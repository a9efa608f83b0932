import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Input } from '../../../components/ui/input';
import { usePatientPick } from '../api/pick-patient';

const DEBOUNCE_MS = 250;

export interface PickedPatient {
  id: string;
  label: string;
}

/**
 * An administrator's patient picker (the audit viewer's patient filter, issue 15 item 6; the patient a new patient
 * account belongs to): type a name or an MRN and pick the patient from the matches; the id travels in the URL or the
 * request, the name and MRN are what is shown.
 */
export function AuditPatientPick({
  id,
  value,
  onChange,
  testId = 'audit-filter-patient',
}: {
  id: string;
  value: PickedPatient | undefined;
  onChange: (picked: PickedPatient | undefined) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const matches = usePatientPick(debounced);

  if (value) {
    return (
      <div className="flex items-center gap-2" data-testid="audit-patient-picked">
        <span className="rounded bg-slate-100 px-2 py-1 text-sm text-slate-900">{value.label}</span>
        <Button type="button" variant="ghost" onClick={() => onChange(undefined)} aria-label={t('audit.patientPick.clear')}>
          ×
        </Button>
      </div>
    );
  }
  const results = debounced.trim() ? (matches.data ?? []) : [];
  return (
    <div className="relative">
      <Input
        id={id}
        data-testid={testId}
        type="search"
        value={text}
        placeholder={t('audit.patientPick.placeholder')}
        onChange={(event) => setText(event.target.value)}
        spellCheck={false}
      />
      {debounced.trim() && matches.isFetched ? (
        <ul className="absolute z-10 mt-1 w-full rounded-md border border-slate-200 bg-white text-sm shadow" data-testid="audit-patient-matches">
          {results.length === 0 ? (
            <li className="px-3 py-2 text-slate-500">{t('audit.patientPick.none')}</li>
          ) : (
            results.map((p) => {
              const label = `${p.name ?? ''} (${p.mrn ?? ''})`;
              return (
                <li key={p.id}>
                  <button
                    type="button"
                    className="w-full px-3 py-2 text-left hover:bg-slate-100 focus:bg-slate-100"
                    onClick={() => {
                      if (!p.id) return;
                      onChange({ id: p.id, label });
                      setText('');
                    }}
                  >
                    <span className="font-medium">{p.name}</span> <span className="font-mono text-xs text-slate-600">{p.mrn}</span>{' '}
                    <span className="text-xs text-slate-500">{p.birthDate}</span>
                  </button>
                </li>
              );
            })
          )}
        </ul>
      ) : null}
    </div>
  );
}
