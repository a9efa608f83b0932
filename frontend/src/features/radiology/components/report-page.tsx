import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { PatientBanner } from '../../../components/patient/patient-banner';
import { Alert } from '../../../components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { problemMessage } from '../../../lib/problem-message';
import type { ReportView } from '../../../types/api';
import { useOrderReport, useReport } from '../api/get-report';
import { ReportDocument } from './report-document';
import { StudyImages } from './study-images';

function ReportScreen({ report }: { report: ReportView }) {
  const { t } = useTranslation();
  return (
    <div className="space-y-4" data-testid="report-page">
      <PatientBanner patientId={report.patientId} fallback={{ name: report.patientName ?? undefined, mrn: report.patientMrn ?? undefined }} />
      <PageHeader title={t('radiology.reportTitle')} description={report.procedure} />
      <Card>
        <CardContent className="pt-4">
          <ReportDocument report={report} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t('radiology.images.title')}</CardTitle>
        </CardHeader>
        <CardContent>
          <StudyImages orderId={report.orderId ?? ''} />
        </CardContent>
      </Card>
    </div>
  );
}

/** /radiology/reports/:id: one report (the ordering doctor's view, the timeline's link). */
export function ReportPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const report = useReport(id);
  if (report.isPending) return <Spinner label={t('common.loading')} />;
  if (report.isError) return <Alert tone="error">{problemMessage(report.error, t)}</Alert>;
  return <ReportScreen report={report.data} />;
}

/** /radiology/orders/:orderId/report: the signed report of an order (from the order's page and its notification). */
export function OrderReportPage() {
  const { t } = useTranslation();
  const { orderId } = useParams();
  const report = useOrderReport(orderId);
  if (report.isPending) return <Spinner label={t('common.loading')} />;
  if (report.isError) return <Alert tone="error">{problemMessage(report.error, t)}</Alert>;
  if (!report.data) return <EmptyState title={t('radiology.noSignedReport')} />;
  return <ReportScreen report={report.data} />;
}
