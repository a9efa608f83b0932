import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { Spinner } from '../../../components/ui/spinner';
import { problemMessage } from '../../../lib/problem-message';
import { useMyReports } from '../api/get-report';
import { ReportDocument } from './report-document';

/** The patient portal's imaging reports: the patient's own signed reports (never drafts), the key images the radiologist chose, and PDFs. */
export function PortalReports() {
  const { t } = useTranslation();
  const reports = useMyReports();
  return (
    <Card data-testid="portal-reports">
      <CardHeader>
        <CardTitle>{t('radiology.portal.title')}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-6">
        {reports.isPending ? <Spinner /> : null}
        {reports.isError ? <Alert tone="error">{problemMessage(reports.error, t)}</Alert> : null}
        {reports.data?.length === 0 ? <EmptyState title={t('radiology.portal.empty')} /> : null}
        {reports.data?.map((r) => (
          <ReportDocument key={r.id} report={r} />
        ))}
      </CardContent>
    </Card>
  );
}
