import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { formatInstant } from '../../../lib/time';
import type { ReportView } from '../../../types/api';
import { reportPdfUrl } from '../api/get-report';
import { biradsLabel, reportStatusLabel } from '../lib/labels';
import { KeyImages } from './key-images';

function Section({ label, text, testId }: { label: string; text?: string | null; testId: string }) {
  if (!text) return null;
  return (
    <section className="space-y-1">
      <h3 className="text-sm font-semibold text-slate-700">{label}</h3>
      <p className="whitespace-pre-wrap text-sm text-slate-900" data-testid={testId}>
        {text}
      </p>
    </section>
  );
}

/** A report as the ordering doctor, radiology and the patient read it: content, key images, signature, addenda, PDF. */
export function ReportDocument({ report }: { report: ReportView }) {
  const { t, i18n } = useTranslation();
  const addenda = report.addenda ?? [];
  return (
    <article className="space-y-4" data-testid="report-document">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={report.status === 'SIGNED' ? 'success' : 'warning'} data-testid="report-status">
          {reportStatusLabel(report.status, addenda.length, t)}
        </Badge>
        {report.critical ? (
          <Badge tone="danger" data-testid="report-critical">
            {t('radiology.critical')}
          </Badge>
        ) : null}
        <span className="text-sm text-slate-600">
          {report.orderNumber} · {report.procedure}
        </span>
        {report.status === 'SIGNED' && report.id ? (
          <Button size="sm" variant="secondary" asChild>
            <a href={reportPdfUrl(report.id)} download data-testid="report-pdf">
              {t('radiology.downloadPdf')}
            </a>
          </Button>
        ) : null}
      </div>
      <Section label={t('radiology.fields.findings')} text={report.findings} testId="report-findings" />
      <Section label={t('radiology.fields.impression')} text={report.impression} testId="report-impression" />
      <Section label={t('radiology.fields.recommendation')} text={report.recommendation} testId="report-recommendation" />
      {report.breastImaging ? (
        <p className="text-sm" data-testid="report-birads">
          <span className="font-semibold">{t('radiology.fields.birads')}: </span>
          {biradsLabel(report.biradsCategory, t)}
        </p>
      ) : null}
      <KeyImages report={report} />
      {report.signedAt ? (
        <p className="text-sm text-slate-600" data-testid="report-signature">
          {t('radiology.signedBy', { name: report.signedByName ?? '', at: formatInstant(report.signedAt, i18n.language) })}
        </p>
      ) : null}
      {addenda.length > 0 ? (
        <section className="space-y-2" data-testid="report-addenda">
          <h3 className="text-sm font-semibold text-slate-700">{t('radiology.addenda')}</h3>
          <ol className="space-y-2">
            {addenda.map((a) => (
              <li key={a.id} className="rounded-md border border-slate-200 p-3 text-sm" data-testid="report-addendum">
                <p className="whitespace-pre-wrap">{a.body}</p>
                <p className="mt-1 text-xs text-slate-500">
                  {a.critical ? `${t('radiology.critical')} · ` : ''}
                  {t('radiology.signedBy', { name: a.signedByName ?? '', at: formatInstant(a.signedAt, i18n.language) })}
                </p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}
