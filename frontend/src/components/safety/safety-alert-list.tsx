import { useTranslation } from 'react-i18next';
import { cn } from '../../lib/cn';
import type { AlertSeverity, SafetyAlert } from '../../types/api';
import { evidenceHref } from './evidence-link';
import { groupAlertsBySeverity, sourceGrade, sourceName } from './severity';

/** Colour, icon and a written label per severity: colour is never the only cue. */
export const SEVERITY_STYLE: Record<AlertSeverity, { icon: string; box: string; text: string }> = {
  CONTRAINDICATED: { icon: '⛔', box: 'border-rose-300 bg-rose-50', text: 'text-rose-900' },
  MAJOR: { icon: '⚠️', box: 'border-orange-300 bg-orange-50', text: 'text-orange-900' },
  MODERATE: { icon: '▲', box: 'border-amber-300 bg-amber-50', text: 'text-amber-900' },
  MINOR: { icon: '●', box: 'border-sky-200 bg-sky-50', text: 'text-sky-900' },
  INFO: { icon: 'ℹ️', box: 'border-slate-200 bg-slate-50', text: 'text-slate-800' },
};

/** Safety alerts grouped by severity (most severe first), each with drugs, effect, advice, source and tier. */
export function SafetyAlertList({ alerts, className }: { alerts: readonly SafetyAlert[] | undefined; className?: string }) {
  const { t } = useTranslation();
  const groups = groupAlertsBySeverity(alerts);
  if (groups.length === 0) {
    return (
      <p className={cn('text-sm text-emerald-800', className)} role="status" data-testid="no-alerts">
        ✓ {t('medsafety.alerts.none')}
      </p>
    );
  }
  return (
    <div className={cn('space-y-4', className)} data-testid="safety-alerts">
      {groups.map((group) => {
        const style = SEVERITY_STYLE[group.severity];
        return (
          <section key={group.severity} data-testid={`severity-${group.severity}`} aria-label={t(`medsafety.severity.${group.severity}`)}>
            <h3 className={cn('mb-2 flex items-center gap-2 text-sm font-semibold', style.text)}>
              <span aria-hidden="true">{style.icon}</span>
              {t(`medsafety.severity.${group.severity}`)} ({group.alerts.length})
            </h3>
            <ul className="space-y-2">
              {group.alerts.map((alert, index) => (
                <li key={`${alert.ruleId ?? 'alert'}-${index}`} className={cn('rounded-md border p-3 text-sm', style.box, style.text)} data-testid="safety-alert" data-rule={alert.ruleId}>
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-semibold">
                      <span aria-hidden="true">{style.icon} </span>
                      {t(`medsafety.severity.${group.severity}`)}
                    </span>
                    {alert.type ? <span className="rounded bg-white/70 px-1.5 text-xs">{t(`medsafety.type.${alert.type}`)}</span> : null}
                    {alert.tier ? (
                      <span className="rounded bg-white/70 px-1.5 text-xs" data-testid="alert-tier">
                        {t(`medsafety.tier.${alert.tier}`)}
                      </span>
                    ) : null}
                  </div>
                  {alert.summary ? (
                    <p className="mt-1 font-medium" data-testid="alert-summary">
                      {alert.summary}
                    </p>
                  ) : null}
                  {alert.effect ? (
                    <p className="mt-1" data-testid="alert-effect">
                      <span className="font-medium">{t('medsafety.alerts.whatHappens')}: </span>
                      {alert.effect}
                    </p>
                  ) : null}
                  {alert.drugs?.length ? (
                    <p className="mt-1">
                      <span className="font-medium">{t('medsafety.alerts.drugs')}: </span>
                      {alert.drugs.map((drug, i) => (
                        <span key={`${drug.id ?? drug.name ?? 'drug'}-${i}`} title={drug.id ?? undefined}>
                          {i > 0 ? ' + ' : ''}
                          {drug.name ?? t('medsafety.alerts.unnamedDrug')}
                        </span>
                      ))}
                    </p>
                  ) : null}
                  {evidenceHref(alert) ? (
                    <p className="mt-1">
                      <a
                        href={evidenceHref(alert)}
                        target="_blank"
                        rel="noopener"
                        className="text-xs font-medium text-sky-800 underline"
                        data-testid="alert-evidence"
                      >
                        📚 {t('medsafety.alerts.evidence')}
                      </a>
                    </p>
                  ) : null}
                  {/* The source text as the source wrote it (French for ANSM), one click away (issue 15 item 3). */}
                  <details className="mt-1" data-testid="alert-source-text" open={!alert.summary}>
                    <summary className="cursor-pointer text-xs font-medium underline">{t('medsafety.alerts.showSource')}</summary>
                    {alert.whatHappens ? (
                      <p className="mt-1" lang="und">
                        <span className="font-medium">{t('medsafety.alerts.whatHappens')}: </span>
                        {alert.whatHappens}
                      </p>
                    ) : null}
                    {alert.whatToDo ? (
                      <p className="mt-1" lang="en">
                        <span className="font-medium">{t('medsafety.alerts.whatToDo')}: </span>
                        {alert.whatToDo}
                      </p>
                    ) : null}
                    {alert.sources && alert.sources.length > 1 ? (
                      <div className="mt-1" data-testid="alert-sources">
                        <span className="font-medium">{t('medsafety.alerts.sources')}: </span>
                        <ul className="ml-4 list-disc">
                          {alert.sources.map((grading, i) => (
                            <li key={`${grading.ruleId ?? grading.source ?? 'source'}-${i}`} data-testid="alert-source" title={grading.ruleId ?? undefined}>
                              <span className="font-medium">
                                {sourceName(grading.source, t, t('medsafety.sourceName.other'))}:{' '}
                                {sourceGrade(grading.sourceSeverity, t) ?? (grading.severity ? t(`medsafety.severity.${grading.severity}`) : '—')}
                              </span>
                              {grading.severity ? <span className="ml-1 text-xs">({t(`medsafety.severity.${grading.severity}`)})</span> : null}
                              {grading.text ? <span className="ml-1 text-xs opacity-80">— {grading.text}</span> : null}
                            </li>
                          ))}
                        </ul>
                      </div>
                    ) : null}
                    <p className="mt-1 text-xs opacity-80" title={alert.ruleId ?? undefined} data-testid="alert-citation">
                      {t('medsafety.alerts.source')}: {[sourceName(alert.source, t), alert.citation].filter(Boolean).join(' — ') || '—'}
                    </p>
                  </details>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
