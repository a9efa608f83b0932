import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../components/language-switch';
import { Card, CardContent } from '../../../components/ui/card';

/** The frame of the pages used before signing in. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="flex min-h-screen flex-col bg-gradient-to-b from-sky-50 to-slate-100">
      <header className="flex items-center justify-between px-6 py-4">
        <div className="flex items-center gap-2">
          <span aria-hidden="true" className="flex h-8 w-8 items-center justify-center rounded bg-sky-700 font-bold text-white">
            +
          </span>
          <span className="text-xl font-semibold tracking-tight text-slate-900">CDSS</span>
        </div>
        <LanguageSwitch />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pb-12 pt-6 sm:items-center">
        <Card className="w-full max-w-md">
          <CardContent className="px-6 py-8 sm:px-8">
            <p className="text-sm text-slate-500">{t('app.title')}</p>
            <h1 className="mt-1 text-2xl font-semibold text-slate-900">{title}</h1>
            <div className="mt-6">{children}</div>
          </CardContent>
        </Card>
      </main>
    </div>
  );
}
