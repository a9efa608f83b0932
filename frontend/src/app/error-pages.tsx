import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Button } from '../components/ui/button';

function ErrorPage({ testId, code, title, message }: { testId: string; code: string; title: string; message: string }) {
  const { t } = useTranslation();
  return (
    <section data-testid={testId} className="mx-auto flex max-w-lg flex-col items-center py-16 text-center">
      <p className="text-5xl font-bold tabular-nums text-sky-700">{code}</p>
      <h1 className="mt-4 text-2xl font-semibold text-slate-900">{title}</h1>
      <p className="mt-2 text-sm text-slate-600">{message}</p>
      <Button asChild className="mt-6">
        <Link to="/" data-testid="go-home">
          {t('errors.goHome')}
        </Link>
      </Button>
    </section>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return <ErrorPage testId="forbidden-page" code="403" title={t('errors.forbiddenTitle')} message={t('errors.forbiddenMessage')} />;
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return <ErrorPage testId="not-found-page" code="404" title={t('errors.notFoundTitle')} message={t('errors.notFoundMessage')} />;
}
