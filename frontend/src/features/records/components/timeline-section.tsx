import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { Checkbox } from '../../../components/ui/checkbox';
import { EmptyState } from '../../../components/ui/empty-state';
import { Input } from '../../../components/ui/input';
import { Pagination } from '../../../components/ui/pagination';
import { Spinner } from '../../../components/ui/spinner';
import { problemMessage } from '../../../lib/problem-message';
import { formatInstant, hospitalDayEnd, hospitalDayStart } from '../../../lib/time';
import { TIMELINE_TYPES, useTimeline } from '../api/get-timeline';
import { timelineCodeLabel } from '../lib/timeline-labels';

const PAGE_SIZE = 10;

/** Everything recorded for a patient, newest first, filtered by type and date, paginated. */
export function TimelineSection({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const [types, setTypes] = useState<string[]>([]);
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const [page, setPage] = useState(0);
  const timeline = useTimeline(patientId, {
    types,
    from: fromDay ? hospitalDayStart(fromDay) : undefined,
    to: toDay ? hospitalDayEnd(toDay) : undefined,
    page,
    size: PAGE_SIZE,
  });
  const toggle = (type: string) => {
    setPage(0);
    setTypes((current) => (current.includes(type) ? current.filter((x) => x !== type) : [...current, type]));
  };
  return (
    <Card data-testid="timeline">
      <CardHeader>
        <CardTitle>{t('records.timeline')}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3">
        <fieldset className="flex flex-wrap items-center gap-3">
          <legend className="sr-only">{t('records.filterTypes')}</legend>
          {TIMELINE_TYPES.map((type) => (
            <Checkbox key={type} label={t(`records.type.${type}`)} checked={types.includes(type)} onChange={() => toggle(type)} />
          ))}
          <label className="flex items-center gap-1 text-sm">
            {t('records.from')}
            <Input type="date" className="w-40" value={fromDay} onChange={(e) => { setPage(0); setFromDay(e.target.value); }} />
          </label>
          <label className="flex items-center gap-1 text-sm">
            {t('records.to')}
            <Input type="date" className="w-40" value={toDay} onChange={(e) => { setPage(0); setToDay(e.target.value); }} />
          </label>
        </fieldset>
        {timeline.isPending ? <Spinner /> : null}
        {timeline.isError ? <Alert tone="error">{problemMessage(timeline.error, t)}</Alert> : null}
        {timeline.data?.content?.length === 0 ? <EmptyState title={t('records.noEntries')} /> : null}
        <ol className="divide-y divide-slate-100">
          {timeline.data?.content?.map((e) => (
            <li key={`${e.type}-${e.id}`} className="flex flex-wrap gap-2 py-2 text-sm" data-testid="timeline-entry">
              <span className="tabular-nums text-slate-500">{formatInstant(e.occurredAt, i18n.language)}</span>
              <span className="font-medium">{t(`records.type.${e.type}`, { defaultValue: e.type })}</span>
              {e.code ? <span className="font-mono">{timelineCodeLabel(e.type, e.code, t)}</span> : null}
              {e.text ? <span className="text-slate-700">{e.text}</span> : null}
              {e.actor ? <span className="text-slate-500">— {e.actor}</span> : null}
              {(e.type === 'RADIOLOGY_REPORT' || e.type === 'RADIOLOGY_ADDENDUM') && e.id ? (
                // the signed radiology report (a route of the radiology feature; no import across features)
                <Link to={`/radiology/reports/${e.id}`} className="text-sky-700 hover:underline" data-testid="timeline-open-report">
                  {t('records.open')}
                </Link>
              ) : null}
              {e.encounterId ? (
                <Link to={`/encounters/${e.encounterId}`} className="text-sky-700 hover:underline">
                  {t('records.open')}
                </Link>
              ) : null}
            </li>
          ))}
        </ol>
        <Pagination page={timeline.data?.page} onPageChange={setPage} />
      </CardContent>
    </Card>
  );
}
