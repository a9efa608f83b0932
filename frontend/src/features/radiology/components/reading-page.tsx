import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PatientBanner } from '../../../components/patient/patient-banner';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { toApiProblem } from '../../../lib/api-client';
import { problemMessage } from '../../../lib/problem-message';
import { formatInstant } from '../../../lib/time';
import { useReading } from '../api/get-reading';
import { useAddKeyImage, useRemoveKeyImage, useSaveDraft, useSignReport } from '../api/report-mutations';
import { emptyReportForm, fromReport, toDraftPayload, type ReportFormValues } from '../lib/report-form';
import { AddendumForm } from './addendum-form';
import { DiscontinueButton } from './discontinue-button';
import { KeyImages } from './key-images';
import { ReportDocument } from './report-document';
import { ReportForm } from './report-form';
import { StudyImages } from './study-images';

/**
 * /radiology/orders/:orderId: the reading screen. The patient banner, the order's clinical question, the images
 * (from the imaging module) and the structured report: draft, sign with confirmation, then addenda. Radiologists
 * write; radiographers see the same screen read-only. Either may discontinue the acquired order with a reason (its
 * prescriber no longer can), which takes them back to the worklist.
 */
export function ReadingPage({ canWrite }: { canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const { orderId } = useParams();
  const navigate = useNavigate();
  const reading = useReading(orderId);
  const save = useSaveDraft();
  const sign = useSignReport();
  const addKey = useAddKeyImage();
  const removeKey = useRemoveKeyImage();
  if (reading.isPending) return <Spinner label={t('common.loading')} />;
  if (reading.isError) return <Alert tone="error">{problemMessage(reading.error, t)}</Alert>;
  const r = reading.data;
  const report = r.report ?? undefined;
  const breast = Boolean(r.breastImaging);

  const persist = (values: ReportFormValues, then?: (id: string, version: number) => void) =>
    save.mutate(toDraftPayload(r.orderId ?? '', report?.version, values, breast), {
      onSuccess: (saved) => then?.(saved.id ?? '', saved.version ?? 0),
    });
  const error = save.error ?? sign.error ?? addKey.error ?? removeKey.error;
  // a radiologist marks key images on a saved draft; a signed report's are fixed
  const draftId = canWrite && report?.id && report.status !== 'SIGNED' ? report.id : undefined;

  return (
    <div className="space-y-4" data-testid="reading-page">
      <PatientBanner patientId={r.patientId} />
      <PageHeader
        title={r.procedure ?? ''}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>{r.orderNumber}</span>
            <Badge tone={r.priority === 'ROUTINE' ? 'neutral' : 'danger'}>{t(`orders.priority.${r.priority}`)}</Badge>
            <span>{t('radiology.orderedBy', { name: r.orderedByName ?? '' })}</span>
            <span>{t('radiology.acquiredAt', { at: formatInstant(r.acquiredAt, i18n.language) })}</span>
          </span>
        }
        actions={
          <span className="flex items-center gap-3">
            {r.orderStatus === 'IN_PROGRESS' && report?.status !== 'SIGNED' ? (
              <DiscontinueButton orderId={r.orderId ?? ''} version={r.orderVersion} onDone={() => navigate('/radiology')} />
            ) : null}
            <Link to="/radiology" className="text-sm text-sky-700 hover:underline">
              {t('radiology.backToWorklist')}
            </Link>
          </span>
        }
      />
      {r.orderStatus === 'CANCELLED' ? (
        <Alert tone="warning" data-testid="reading-discontinued">
          {t('radiology.discontinue.discontinued')}
        </Alert>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>{t('radiology.indication')}</CardTitle>
        </CardHeader>
        <CardContent>
          <p className="whitespace-pre-wrap text-sm" data-testid="reading-indication">
            {r.indication ?? t('radiology.noIndication')}
          </p>
        </CardContent>
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t('radiology.images.title')}</CardTitle>
          </CardHeader>
          <CardContent>
            <StudyImages
              orderId={r.orderId ?? ''}
              onMark={canWrite && report?.status !== 'SIGNED' ? (image) => draftId && addKey.mutate({ id: draftId, image }) : undefined}
              markBusy={!draftId || addKey.isPending}
            />
            {canWrite && !draftId && report?.status !== 'SIGNED' ? (
              <p className="mt-2 text-xs text-slate-500" data-testid="reading-key-images-hint">
                {t('radiology.keyImages.saveFirst')}
              </p>
            ) : null}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t('radiology.report')}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-4">
            {report?.status === 'SIGNED' ? (
              <>
                <ReportDocument report={report} />
                {canWrite && report.id ? <AddendumForm reportId={report.id} /> : null}
              </>
            ) : canWrite ? (
              <>
                {error && toApiProblem(error).code === 'stale-version' ? (
                  // another radiologist saved or signed this draft meanwhile: load theirs (this form's text is replaced)
                  <Alert tone="warning" data-testid="reading-stale">
                    {t('radiology.staleDraft')}{' '}
                    <Button
                      size="sm"
                      variant="secondary"
                      onClick={() => {
                        save.reset();
                        sign.reset();
                        void reading.refetch();
                      }}
                    >
                      {t('radiology.loadLatest')}
                    </Button>
                  </Alert>
                ) : null}
                {report ? (
                  <p className="text-xs text-slate-500" data-testid="reading-draft-saved">
                    {t('radiology.draftSaved', { name: report.updatedByName ?? '', at: formatInstant(report.updatedAt, i18n.language) })}
                  </p>
                ) : null}
                {report ? (
                  <KeyImages
                    report={report}
                    busy={removeKey.isPending}
                    onRemove={(keyImageId) => report.id && removeKey.mutate({ id: report.id, keyImageId })}
                  />
                ) : null}
                <ReportForm
                  key={`${report?.id ?? 'new'}-${report?.version ?? 0}`}
                  initial={report ? fromReport(report) : emptyReportForm}
                  breastImaging={breast}
                  busy={save.isPending || sign.isPending}
                  error={error ? problemMessage(error, t) : undefined}
                  onSaveDraft={(values) => persist(values)}
                  onSign={(values) => persist(values, (id, version) => sign.mutate({ id, version }))}
                />
              </>
            ) : report ? (
              <ReportDocument report={report} />
            ) : (
              <p className="text-sm text-slate-500">{t('radiology.noReportYet')}</p>
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
