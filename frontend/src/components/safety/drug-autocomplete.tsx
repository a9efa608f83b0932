import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Input } from '../ui/input';
import { Label } from '../ui/label';
import type { DrugSuggestion } from '../../types/api';

/** The dosage forms of the knowledge base's products (`products.tsv`) and other common ones, with a text in `orders.form.*`. */
export const PRODUCT_FORMS = ['tablet', 'capsule', 'injection', 'inhaler', 'patch', 'syrup', 'solution', 'suspension', 'cream', 'ointment', 'drops', 'suppository'] as const;

/** A product's dosage form ("tablet") in the UI language; the server's text when there is no translation. */
export function formLabel(form: string, t: TFunction): string {
  return t(`orders.form.${form.toLowerCase()}`, { defaultValue: form });
}

/** A route code ("PO") as the order form names it (`orders.route.*`); the code itself when there is no text. */
export function routeLabel(route: string, t: TFunction): string {
  return t(`orders.route.${route}`, { defaultValue: route });
}

/** The name of a suggestion in the UI language, with strength and form when known. */
export function drugLabel(drug: DrugSuggestion, lang: string, t: TFunction): string {
  const name = lang === 'en' ? drug.nameEn || drug.nameKo : drug.nameKo || drug.nameEn;
  return [name || drug.id, drug.strength, drug.form ? formLabel(drug.form, t) : undefined].filter(Boolean).join(' ');
}

/**
 * Type two letters (Korean, English or brand), pick a suggestion. With `onFreeText`
 * Enter adds what was typed (allergies the knowledge base may not know). `search` is the
 * calling feature's fetcher of GET /api/medsafety/drugs (shared components call no endpoint themselves).
 */
export function DrugAutocomplete({
  label,
  testId,
  onPick,
  onFreeText,
  search,
  cacheKey = 'drugs',
}: {
  label: string;
  testId: string;
  search: (q: string) => Promise<DrugSuggestion[]>;
  /** Names the search in the query cache: the order form's drug search by default, `ingredients` in the KB browser. */
  cacheKey?: string;
  onPick: (drug: DrugSuggestion) => void;
  onFreeText?: (text: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const suggestions = useQuery({
    queryKey: ['medsafety', cacheKey, q],
    queryFn: () => search(q),
    enabled: q.length >= 2,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
  const open = q.length >= 2 && text.trim().length >= 2;
  const listId = `${id}-list`;

  const pick = (drug: DrugSuggestion) => {
    onPick(drug);
    setText('');
    setQ('');
  };

  return (
    <div className="relative space-y-1">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        data-testid={testId}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        autoComplete="off"
        placeholder={onFreeText ? t('medsafety.check.searchOrType') : t('medsafety.check.searchPlaceholder')}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            const first = suggestions.data?.[0];
            if (onFreeText && text.trim()) {
              onFreeText(text.trim());
              setText('');
              setQ('');
            } else if (first && open) pick(first);
          }
        }}
      />
      {open ? (
        <ul id={listId} role="listbox" aria-label={label} className="absolute z-20 max-h-64 w-full overflow-auto rounded-md border border-slate-200 bg-white shadow-lg">
          {suggestions.isError ? <li className="px-3 py-2 text-sm text-rose-700">{t('medsafety.check.searchFailed')}</li> : null}
          {suggestions.data?.length === 0 ? <li className="px-3 py-2 text-sm text-slate-500">{t('medsafety.check.noSuggestions')}</li> : null}
          {(suggestions.data ?? []).map((drug) => (
            <li key={drug.id} role="option" aria-selected={false}>
              <button type="button" data-testid={`drug-option-${drug.id}`} className="w-full px-3 py-1.5 text-left text-sm hover:bg-sky-50" onClick={() => pick(drug)}>
                <span className="font-medium">{drugLabel(drug, i18n.language, t)}</span>
                {drug.brands ? <span className="ml-2 text-xs text-slate-500">{drug.brands}</span> : null}
                {drug.route ? <span className="ml-2 text-xs text-slate-400">{routeLabel(drug.route, t)}</span> : null}
              </button>
            </li>
          ))}
          {onFreeText && text.trim() ? (
            <li>
              <button
                type="button"
                data-testid={`${testId}-free-text`}
                className="w-full px-3 py-1.5 text-left text-sm italic text-slate-600 hover:bg-sky-50"
                onClick={() => {
                  onFreeText(text.trim());
                  setText('');
                  setQ('');
                }}
              >
                {t('medsafety.check.addFreeText', { text: text.trim() })}
              </button>
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
