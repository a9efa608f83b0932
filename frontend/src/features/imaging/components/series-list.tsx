import { useTranslation } from 'react-i18next';
import type { SeriesView } from '../../../types/api';

/** A study's series to pick from (the simple preview viewer and the 2D viewer), the current one highlighted. */
export function SeriesList({
  series,
  current,
  onPick,
}: {
  series: readonly SeriesView[];
  current: SeriesView | undefined;
  onPick: (series: SeriesView) => void;
}) {
  const { t } = useTranslation();
  return (
    <ul className="space-y-1" aria-label={t('imaging.seriesList')}>
      {series.map((s) => (
        <li key={s.seriesInstanceUid}>
          <button
            type="button"
            className={`w-full rounded px-2 py-1 text-left text-sm ${s === current ? 'bg-sky-100 font-semibold' : 'hover:bg-slate-100'}`}
            onClick={() => onPick(s)}
          >
            {(s.description || t('imaging.series')) + ` (${s.instanceCount})`}
          </button>
        </li>
      ))}
    </ul>
  );
}
