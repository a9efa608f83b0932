import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Card, CardContent } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { PatientBanner } from '../../../components/patient/patient-banner';
import { problemMessage } from '../../../lib/problem-message';
import { usePatientStudies } from '../api/studies';
import { ImagingUploadPanel } from './imaging-upload-panel';
import { VolumeList } from './volume-list';
import { modalityLabel } from '../lib/modality';

/** A patient's imaging studies (thumbnails of each series), with the upload panel for those who may upload. */
export function ImagingPage({ canUpload }: { canUpload: boolean }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const studies = usePatientStudies(id);
  return (
    <div className="space-y-4" data-testid="imaging-page">
      <PatientBanner patientId={id} />
      <PageHeader title={t('imaging.title')} description={t('imaging.description')} />
      {canUpload ? <ImagingUploadPanel patientId={id} /> : null}
      {studies.isPending ? <Spinner className="py-12" /> : null}
      {studies.isError ? (
        <Alert tone="error" data-testid="imaging-error">
          {problemMessage(studies.error, t)}
        </Alert>
      ) : null}
      {studies.data && studies.data.length === 0 ? <EmptyState title={t('imaging.empty')} /> : null}
      <ul className="space-y-3">
        {(studies.data ?? []).map((study) => (
          <li key={study.id} data-testid="imaging-study">
            <Card>
              <CardContent className="space-y-2 pt-4">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <Link to={`/imaging/studies/${study.id}`} className="font-semibold text-sky-700 hover:underline">
                    {study.description || t('imaging.untitled')}
                  </Link>
                  <span className="text-sm text-slate-600">
                    {[study.studyDate, modalityLabel(study.modality, t), t('imaging.counts', { series: study.seriesCount, images: study.instanceCount })]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </div>
                <div className="flex flex-wrap gap-3">
                  {(study.series ?? []).map((s) => (
                    <Link
                      key={s.seriesInstanceUid}
                      to={`/imaging/studies/${study.id}?series=${encodeURIComponent(s.seriesInstanceUid ?? '')}`}
                      className="w-32 text-center text-xs text-slate-700"
                      data-testid="imaging-series-thumb"
                    >
                      {s.previewUrl ? (
                        <img
                          src={s.previewUrl}
                          alt={s.description || t('imaging.series')}
                          loading="lazy"
                          className="h-32 w-32 rounded bg-black object-contain"
                        />
                      ) : (
                        <div className="h-32 w-32 rounded bg-slate-200" />
                      )}
                      <span className="block truncate">{s.description || t('imaging.series')}</span>
                      <span className="block text-slate-500">{t('imaging.images', { count: s.instanceCount })}</span>
                    </Link>
                  ))}
                </div>
              </CardContent>
            </Card>
          </li>
        ))}
      </ul>
      <VolumeList patientId={id} />
    </div>
  );
}
