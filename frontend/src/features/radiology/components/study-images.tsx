import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { EmptyState } from '../../../components/ui/empty-state';
import { Spinner } from '../../../components/ui/spinner';
import { problemMessage } from '../../../lib/problem-message';
import { useOrderStudies, useStudyInstances } from '../api/get-order-studies';
import type { KeyImageRequest } from '../../../types/api';
import { Button } from '../../../components/ui/button';

/**
 * The preview of instance {@code index} (0-based, instance-number order) of a series: the imaging API's per-instance
 * rendering (`/api/imaging/studies/{id}/series/{uid}/instances/{n}/preview`), until the instances' UIDs are known.
 */
export function instancePreviewUrl(studyId: string, seriesInstanceUid: string, index: number): string {
  return `/api/imaging/studies/${encodeURIComponent(studyId)}/series/${encodeURIComponent(seriesInstanceUid)}/instances/${index}/preview`;
}

/** The preview of one instance by its SOP Instance UID: that image, however the series is ordered. */
export function imagePreviewUrl(studyId: string, seriesInstanceUid: string, sopInstanceUid: string): string {
  return `/api/imaging/studies/${encodeURIComponent(studyId)}/series/${encodeURIComponent(seriesInstanceUid)}/images/${encodeURIComponent(sopInstanceUid)}/preview`;
}

/**
 * The images of an order on the reading screen: its studies (from the imaging module's API), a strip of series and
 * the selected series' preview, scrolled through with the slider, the mouse wheel or the arrow keys. No study yet
 * (or no imaging API): a plain message. The selected study's instances are loaded so that the image on screen is named
 * by its SOP Instance UID; with `onMark` (a radiologist's draft) that image can be marked as a key image of the report.
 */
export function StudyImages({ orderId, onMark, markBusy }: { orderId: string; onMark?: (image: KeyImageRequest) => void; markBusy?: boolean }) {
  const { t } = useTranslation();
  const studies = useOrderStudies(orderId);
  const series = (studies.data ?? []).flatMap((study) => study.series.map((s) => ({ ...s, studyId: study.id })));
  const [selected, setSelected] = useState(0);
  const [instance, setInstance] = useState(0);
  const current = series.length > 0 ? series[Math.min(selected, series.length - 1)] : undefined;
  const detail = useStudyInstances(current?.studyId);
  if (studies.isPending) return <Spinner label={t('common.loading')} />;
  if (studies.isError) {
    return (
      <Alert tone="warning" data-testid="ris-images-error">
        {t('radiology.images.unavailable')} {problemMessage(studies.error, t)}
      </Alert>
    );
  }
  if (series.length === 0) {
    return <EmptyState title={t('radiology.images.none')} className="py-4" />;
  }
  if (!current) return null;
  const instances = detail.data?.series?.find((s) => s.seriesInstanceUid === current.seriesInstanceUid)?.instances ?? undefined;
  const count = Math.max(1, instances?.length ?? current.instanceCount ?? 1);
  const move = (delta: number) => setInstance((i) => Math.min(count - 1, Math.max(0, i + delta)));
  const shown = Math.min(instance, count - 1);
  const sopInstanceUid = instances?.[shown]?.sopInstanceUid;
  const url = sopInstanceUid
    ? imagePreviewUrl(current.studyId, current.seriesInstanceUid, sopInstanceUid)
    : instancePreviewUrl(current.studyId, current.seriesInstanceUid, shown);
  return (
    <div className="space-y-3" data-testid="ris-images">
      <div className="flex flex-wrap gap-2">
        {series.map((s, i) => (
          <button
            key={s.seriesInstanceUid}
            type="button"
            onClick={() => {
              setSelected(i);
              setInstance(0);
            }}
            className={`rounded border px-2 py-1 text-xs ${i === selected ? 'border-sky-600 bg-sky-50' : 'border-slate-300'}`}
            data-testid="ris-series"
          >
            {s.description || t('radiology.images.series', { n: i + 1 })} · {t('radiology.images.count', { count: s.instanceCount ?? 0 })}
          </button>
        ))}
      </div>
      <div
        tabIndex={0}
        role="img"
        aria-label={t('radiology.images.viewer', { n: instance + 1, count })}
        onWheel={(e) => move(e.deltaY > 0 ? 1 : -1)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowRight') move(1);
          if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') move(-1);
        }}
        className="flex min-h-64 items-center justify-center rounded bg-black focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-500"
      >
        {url ? <img src={url} alt="" className="max-h-[28rem] object-contain" data-testid="ris-preview" /> : null}
      </div>
      {onMark ? (
        <Button
          size="sm"
          variant="secondary"
          disabled={markBusy || !sopInstanceUid}
          onClick={() => sopInstanceUid && onMark({ studyId: current.studyId, seriesInstanceUid: current.seriesInstanceUid, sopInstanceUid })}
          data-testid="ris-mark-key-image"
        >
          {t('radiology.keyImages.mark')}
        </Button>
      ) : null}
      {count > 1 ? (
        <label className="flex items-center gap-2 text-sm">
          {t('radiology.images.instance', { n: instance + 1, count })}
          <input type="range" min={0} max={count - 1} value={instance} onChange={(e) => setInstance(Number(e.target.value))} className="flex-1" />
        </label>
      ) : null}
    </div>
  );
}
