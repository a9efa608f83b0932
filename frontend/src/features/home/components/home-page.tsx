import { useTranslation } from 'react-i18next';
import { OutcomeBadge } from '../../../components/outcome-badge';
import { RoleBadges } from '../../../components/role-badges';
import { Alert } from '../../../components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { Spinner } from '../../../components/ui/spinner';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
} from '../../../components/ui/table';
import { departmentName } from '../../../lib/department-name';
import { problemMessage } from '../../../lib/problem-message';
import { formatInstant } from '../../../lib/time';
import type { HomeCard } from '../../../types/api';
import { useHome } from '../api/get-home';
import { auditActionLabel, auditResourceLabel } from '../../../lib/audit-action-label';
import { DoctorToday } from './doctor-today';

function StatCard({ card, lang }: { card: HomeCard; lang: string }) {
  const { t } = useTranslation();
  const key = card.key ?? '';
  return (
    <Card data-testid={`home-card-${key}`}>
      <CardContent>
        <p className="text-sm text-slate-600">{t(`home.cards.${key}`, { defaultValue: key })}</p>
        <p className="mt-1 text-3xl font-semibold tabular-nums text-slate-900">
          {new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'ko-KR').format(card.value ?? 0)}
        </p>
      </CardContent>
    </Card>
  );
}

export function HomePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const home = useHome();

  if (home.isPending) {
    return (
      <div data-testid="home-page">
        <Spinner className="py-16" />
      </div>
    );
  }
  if (home.isError) {
    return (
      <div data-testid="home-page">
        <Alert tone="error">{problemMessage(home.error, t)}</Alert>
      </div>
    );
  }

  const { user, cards = [], recentActivity = [] } = home.data;
  const departments = user?.departments ?? [];
  // a doctor's home is the day's work (patients, results, unsent orders), not the audit log (issue 15 item 6)
  const doctorId = user?.roles?.includes('DOCTOR') ? user.id : undefined;

  return (
    <div data-testid="home-page" className="space-y-6">
      <section aria-labelledby="greeting" className="space-y-2">
        <h1 id="greeting" className="text-2xl font-semibold text-slate-900">
          {t('home.greeting', { name: user?.displayName ?? user?.username ?? '' })}
        </h1>
        <dl className="flex flex-wrap gap-x-8 gap-y-2 text-sm text-slate-700">
          <div className="flex items-center gap-2">
            <dt className="text-slate-500">{t('home.roles')}</dt>
            <dd data-testid="home-roles">
              <RoleBadges roles={user?.roles} />
            </dd>
          </div>
          <div className="flex items-center gap-2">
            <dt className="text-slate-500">{t('home.departments')}</dt>
            <dd data-testid="home-departments">
              {departments.length > 0 ? departments.map((d) => departmentName(d, lang)).join(', ') : t('home.noDepartments')}
            </dd>
          </div>
          {user?.lastLoginAt ? (
            <div className="flex items-center gap-2">
              <dt className="text-slate-500">{t('home.lastLogin')}</dt>
              <dd>{formatInstant(user.lastLoginAt, lang)}</dd>
            </div>
          ) : null}
        </dl>
      </section>

      {cards.length > 0 ? (
        <section aria-label={t('home.summary')} className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
          {cards.map((card) => (
            <StatCard key={card.key} card={card} lang={lang} />
          ))}
        </section>
      ) : null}

      {doctorId ? <DoctorToday doctorId={doctorId} /> : null}

      {doctorId ? null : (
      <Card>
        <CardHeader>
          <CardTitle>{t('home.recentActivity')}</CardTitle>
        </CardHeader>
        <CardContent>
          {recentActivity.length === 0 ? (
            <EmptyState title={t('home.noActivity')} />
          ) : (
            <Table data-testid="recent-activity">
              <TableHead>
                <TableRow>
                  <TableHeaderCell>{t('audit.columns.time')}</TableHeaderCell>
                  <TableHeaderCell>{t('audit.columns.action')}</TableHeaderCell>
                  <TableHeaderCell>{t('audit.columns.resource')}</TableHeaderCell>
                  <TableHeaderCell>{t('audit.columns.outcome')}</TableHeaderCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {recentActivity.map((entry, index) => (
                  <TableRow key={entry.id ?? index}>
                    <TableCell className="whitespace-nowrap tabular-nums">
                      <time dateTime={entry.occurredAt}>{formatInstant(entry.occurredAt, lang)}</time>
                    </TableCell>
                    {/* codes and ids only as tooltips (issue 15) */}
                    <TableCell className="text-xs" title={entry.action}>
                      {auditActionLabel(entry.action, t)}
                    </TableCell>
                    <TableCell title={entry.resourceId ?? undefined}>{auditResourceLabel(entry.resourceType, t)}</TableCell>
                    <TableCell>
                      <OutcomeBadge outcome={entry.outcome} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      )}
    </div>
  );
}
