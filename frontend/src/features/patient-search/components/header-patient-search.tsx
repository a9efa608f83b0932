import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { cn } from '../../../lib/cn';
import type { PatientSummaryView } from '../../../types/api';
import { usePatientSuggestions } from '../api/suggest-patients';

/** Milliseconds of typing pause before the box asks the server. */
export const DEBOUNCE_MS = 250;

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * The header's patient search (registry readers only): name, 초성, MRN or phone; the best matches drop down as a
 * WAI-ARIA combobox. ↑/↓ move, Enter opens the highlighted (or first) patient's chart, Escape closes the list.
 */
/** `inMenu`: the copy in the phone's folded menu (full width, shown below the `lg` breakpoint only: phones and tablets). */
export function HeaderPatientSearch({ inMenu = false }: { inMenu?: boolean } = {}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const listId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const debounced = useDebounced(text, DEBOUNCE_MS);
  const suggestions = usePatientSuggestions(debounced);
  const results: PatientSummaryView[] = debounced.trim() ? (suggestions.data?.content ?? []) : [];
  const expanded = open && debounced.trim().length > 0 && (results.length > 0 || suggestions.isFetched);

  useEffect(() => setActive(-1), [debounced]);

  const choose = (patient: PatientSummaryView | undefined) => {
    if (!patient?.id) return;
    setOpen(false);
    setText('');
    navigate(`/patients/${patient.id}`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        if (results.length > 0) setActive((i) => (i + 1) % results.length);
        break;
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        if (results.length > 0) setActive((i) => (i <= 0 ? results.length - 1 : i - 1));
        break;
      case 'Enter':
        if (expanded && results.length > 0) {
          event.preventDefault();
          choose(results[active >= 0 ? active : 0]);
        }
        break;
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else {
          setText('');
        }
        break;
      default:
        break;
    }
  };

  const optionId = (index: number) => `${listId}-option-${index}`;

  return (
    <div className={inMenu ? 'relative w-full lg:hidden' : 'relative hidden w-72 lg:block'} data-testid="header-search">
      <label htmlFor={`${listId}-input`} className="sr-only">
        {t('patientSearch.label')}
      </label>
      <input
        id={`${listId}-input`}
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={t('patientSearch.placeholder')}
        data-testid="header-search-input"
        className="h-9 w-full rounded-md border border-slate-300 bg-white px-3 text-sm placeholder:text-slate-400 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={t('patientSearch.results')}
        data-testid="header-search-results"
        hidden={!expanded}
        className="absolute left-0 right-0 top-10 z-40 max-h-96 overflow-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg"
      >
        {results.map((patient, index) => (
          <li
            key={patient.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            data-testid="header-search-option"
            className={cn('cursor-pointer px-3 py-2 text-sm', index === active ? 'bg-sky-50 text-sky-900' : 'text-slate-800 hover:bg-slate-50')}
            // keep the input focused so the list does not close before the click lands
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(patient)}
            onMouseEnter={() => setActive(index)}
          >
            <span className="font-medium">{patient.name}</span>{' '}
            <span className="font-mono text-xs text-slate-500">{patient.mrn}</span>
            <span className="block text-xs text-slate-500">
              {patient.birthDate} · {patient.sex ? t(`patients.sex.${patient.sex}`) : ''}
            </span>
          </li>
        ))}
        {results.length === 0 ? (
          <li role="presentation" className="px-3 py-2 text-sm text-slate-500" data-testid="header-search-empty">
            {t('patientSearch.noResults')}
          </li>
        ) : null}
      </ul>
    </div>
  );
}
