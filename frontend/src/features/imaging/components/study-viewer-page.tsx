import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { PatientBanner } from '../../../components/patient/patient-banner';
import { problemMessage } from '../../../lib/problem-message';
import { useStudy } from '../api/studies';
import { SeriesList } from './series-list';
import { modalityLabel } from '../lib/modality';

/**
 * A simple series viewer: pick a series, scroll through its images (slider, mouse wheel, arrow keys). The images are
 * rendered PNG previews from CDSS; the browser never talks to the archive.
 */
export function StudyViewerPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const study = useStudy(id);
  const series = study.data?.series ?? [];
  const current = series.find((s) => s.seriesInstanceUid === params.get('series')) ?? series[0];
  const instances = current?.instances ?? [];
  const [index, setIndex] = useState<number | undefined>(undefined);
  const shown = Math.min(index ?? Math.floor(instances.length / 2), Math.max(0, instances.length - 1));
  const move = (delta: number) => setIndex(Math.max(0, Math.min(instances.length - 1, shown + delta)));

  return (
    <div className="space-y-4" data-testid="study-viewer">
      {study.data?.patientId ? <PatientBanner patientId={study.data.patientId} /> : null}
      <PageHeader
        title={study.data?.description || t('imaging.untitled')}
        description={study.data ? [study.data.studyDate, modalityLabel(study.data.modality, t)].filter(Boolean).join(' · ') : undefined}
        actions={
          <div className="flex flex-wrap gap-3">
            {current ? (
              <Link
                to={`/imaging/studies/${id}/viewer?series=${encodeURIComponent(current.seriesInstanceUid ?? '')}`}
                className="text-sm text-sky-700 hover:underline"
                data-testid="open-2d-viewer"
              >
                {t('imaging.open2d')}
              </Link>
            ) : null}
            {study.data?.patientId ? (
              <Link to={`/patients/${study.data.patientId}/imaging`} className="text-sm text-sky-700 hover:underline">
                {t('imaging.backToStudies')}
              </Link>
            ) : null}
          </div>
        }
      />
      {study.isPending ? <Spinner className="py-12" /> : null}
      {study.isError ? <Alert tone="error">{problemMessage(study.error, t)}</Alert> : null}
      {current ? (
        <div className="grid gap-4 md:grid-cols-[14rem_1fr]">
          <SeriesList
            series={series}
            current={current}
            onPick={(s) => {
              setIndex(undefined);
              setParams({ series: s.seriesInstanceUid ?? '' });
            }}
          />
          <div
            className="space-y-2"
            tabIndex={0}
            onWheel={(e) => move(e.deltaY > 0 ? 1 : -1)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' || e.key === 'ArrowRight') move(1);
              if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') move(-1);
            }}
          >
            {instances.length ? (
              <>
                <img
                  src={instances[shown]?.previewUrl}
                  alt={t('imaging.imageOf', { n: shown + 1, total: instances.length })}
                  className="mx-auto max-h-[70vh] w-full max-w-2xl bg-black object-contain"
                  data-testid="study-viewer-image"
                />
                <input
                  type="range"
                  min={1}
                  max={instances.length}
                  value={shown + 1}
                  aria-label={t('imaging.slider')}
                  className="w-full"
                  data-testid="study-viewer-slider"
                  onChange={(e) => setIndex(Number(e.target.value) - 1)}
                />
                <p className="text-center text-sm text-slate-600">
                  {t('imaging.imageOf', { n: shown + 1, total: instances.length })}
                </p>
              </>
            ) : (
              <p className="text-sm text-slate-600">{t('imaging.noImages')}</p>
            )}
          </div>
        </div>
      ) : null}
    </div>
  );
}
