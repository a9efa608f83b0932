import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { problemMessage } from '../../../lib/problem-message';
import { usePatientStudiesForPortal, type PatientStudy } from '../api/get-order-studies';
import { useMyReports } from '../api/get-report';
import { ReportDocument } from './report-document';

/**
 * The key images of a signed report: the representative image (the middle one) of each series of the studies linked
 * to the report's order, as rendered previews through CDSS.
 */
function KeyImages({ studies }: { studies: PatientStudy[] }) {
  const { t } = useTranslation();
  const images = studies.flatMap((study) =>
    study.series.filter((s) => s.previewUrl).map((s) => ({ key: `${study.id}-${s.seriesInstanceUid}`, url: s.previewUrl!, label: s.description })),
  );
  if (!images.length) return null;
  return (
    <section className="space-y-1" data-testid="portal-key-images">
      <h3 className="text-sm font-semibold text-slate-700">{t('radiology.portal.keyImages')}</h3>
      <div className="flex flex-wrap gap-3">
        {images.map((image, i) => (
          <figure key={image.key} className="w-40 text-center text-xs text-slate-600">
            <img
              src={image.url}
              alt={t('radiology.portal.keyImage', { n: i + 1 })}
              loading="lazy"
              className="h-40 w-40 rounded bg-black object-contain"
              data-testid="portal-key-image"
            />
            {image.label ? <figcaption className="truncate">{image.label}</figcaption> : null}
          </figure>
        ))}
      </div>
    </section>
  );
}

/** The patient portal's imaging reports: the patient's own signed reports (never drafts), their key images and PDFs. */
export function PortalReports() {
  const { t } = useTranslation();
  const reports = useMyReports();
  const studies = usePatientStudiesForPortal(reports.data?.[0]?.patientId);
  return (
    <Card data-testid="portal-reports">
      <CardHeader>
        <CardTitle>{t('radiology.portal.title')}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-6">
        {reports.isError ? <Alert tone="error">{problemMessage(reports.error, t)}</Alert> : null}
        {reports.data?.length === 0 ? <EmptyState title={t('radiology.portal.empty')} /> : null}
        {reports.data?.map((r) => (
          <div key={r.id} className="space-y-3">
            <ReportDocument report={r} />
            <KeyImages studies={(studies.data ?? []).filter((s) => r.orderId && s.orderId === r.orderId)} />
          </div>
        ))}
      </CardContent>
    </Card>
  );
}
