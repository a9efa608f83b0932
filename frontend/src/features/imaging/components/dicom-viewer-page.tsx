import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { PatientBanner } from '../../../components/patient/patient-banner';
import { problemMessage } from '../../../lib/problem-message';
import { useStudy } from '../api/studies';
import { SeriesList } from './series-list';
import type { Measurement, StackViewer, ViewerTool } from '../lib/stack-viewer';
import { modalityLabel } from '../lib/modality';

const TOOLS: ViewerTool[] = ['windowLevel', 'zoom', 'pan', 'length'];

/**
 * The 2D viewer (Cornerstone3D): one series as a stack — scroll (wheel, arrow keys, buttons), window/level, zoom,
 * pan and length measurements, over DICOMweb proxied by CDSS. Cornerstone is loaded only when this page opens.
 */
export function DicomViewerPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const study = useStudy(id);
  const series = study.data?.series ?? [];
  const current = series.find((s) => s.seriesInstanceUid === params.get('series')) ?? series[0];
  const seriesUid = current?.seriesInstanceUid ?? '';
  const element = useRef<HTMLDivElement>(null);
  const viewer = useRef<StackViewer | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [index, setIndex] = useState(0);
  const [total, setTotal] = useState(0);
  const [tool, setTool] = useState<ViewerTool>('windowLevel');
  const [measurements, setMeasurements] = useState<Measurement[]>([]);

  useEffect(() => {
    const el = element.current;
    if (!el || !seriesUid) return undefined;
    let cancelled = false;
    let opened: StackViewer | null = null;
    setState('loading');
    setMeasurements([]);
    setTool('windowLevel');
    import('../lib/stack-viewer')
      .then(({ openStack }) =>
        openStack(el, id, seriesUid, {
          onIndex: (i) => !cancelled && setIndex(i),
          onMeasurements: (list) => !cancelled && setMeasurements(list),
        }),
      )
      .then((v) => {
        opened = v;
        if (cancelled) {
          v.destroy();
          return;
        }
        viewer.current = v;
        setTotal(v.total);
        setState('ready');
      })
      .catch(() => !cancelled && setState('failed'));
    return () => {
      cancelled = true;
      viewer.current = null;
      opened?.destroy();
    };
  }, [id, seriesUid]);

  const choose = (next: ViewerTool) => {
    viewer.current?.setTool(next);
    setTool(next);
  };

  return (
    <div className="space-y-4" data-testid="dicom-viewer">
      {study.data?.patientId ? <PatientBanner patientId={study.data.patientId} /> : null}
      <PageHeader
        title={study.data?.description || t('imaging.untitled')}
        description={study.data ? [study.data.studyDate, modalityLabel(study.data.modality, t)].filter(Boolean).join(' · ') : undefined}
        actions={
          <Link to={`/imaging/studies/${id}`} className="text-sm text-sky-700 hover:underline">
            {t('imaging.viewer.simple')}
          </Link>
        }
      />
      {study.isPending ? <Spinner className="py-12" /> : null}
      {study.isError ? <Alert tone="error">{problemMessage(study.error, t)}</Alert> : null}
      {current ? (
        <div className="grid gap-4 md:grid-cols-[14rem_1fr]">
          <SeriesList
            series={series}
            current={current}
            onPick={(s) => setParams({ series: s.seriesInstanceUid ?? '' })}
          />
          <div className="space-y-2">
            <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label={t('imaging.viewer.tools')}>
              {TOOLS.map((name) => (
                <Button
                  key={name}
                  type="button"
                  size="sm"
                  variant={tool === name ? 'primary' : 'secondary'}
                  aria-pressed={tool === name}
                  data-testid={`viewer-tool-${name}`}
                  onClick={() => choose(name)}
                >
                  {t(`imaging.viewer.tool.${name}`)}
                </Button>
              ))}
              <Button type="button" size="sm" variant="secondary" onClick={() => viewer.current?.reset()}>
                {t('imaging.viewer.reset')}
              </Button>
              <Button
                type="button"
                size="sm"
                variant="secondary"
                aria-label={t('imaging.viewer.previous')}
                data-testid="viewer-previous"
                onClick={() => viewer.current?.scroll(-1)}
              >
                ↑
              </Button>
              <Button
                type="button"
                size="sm"
                variant="secondary"
                aria-label={t('imaging.viewer.next')}
                data-testid="viewer-next"
                onClick={() => viewer.current?.scroll(1)}
              >
                ↓
              </Button>
            </div>
            <p className="text-xs text-slate-600">{t('imaging.viewer.help')}</p>
            <div
              ref={element}
              tabIndex={0}
              role="img"
              aria-label={total ? t('imaging.imageOf', { n: index + 1, total }) : t('imaging.viewer.title')}
              className="relative h-[60vh] min-h-80 w-full bg-black"
              data-testid="viewer-viewport"
              onContextMenu={(e) => e.preventDefault()}
              onKeyDown={(e) => {
                if (e.key === 'ArrowDown' || e.key === 'ArrowRight') viewer.current?.scroll(1);
                if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') viewer.current?.scroll(-1);
              }}
            />
            {state === 'loading' ? <Spinner className="py-2" /> : null}
            {state === 'failed' ? <Alert tone="error">{t('imaging.viewer.failed')}</Alert> : null}
            {state === 'ready' ? (
              <p className="text-center text-sm text-slate-600" data-testid="viewer-position">
                {t('imaging.imageOf', { n: index + 1, total })}
              </p>
            ) : null}
            {measurements.length ? (
              <ul className="text-sm" aria-label={t('imaging.viewer.measurements')} data-testid="viewer-measurements">
                {measurements.map((m, i) => (
                  <li key={m.uid}>
                    {t('imaging.viewer.lengthOf', { n: i + 1, value: m.length.toFixed(1), unit: m.unit })}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}
