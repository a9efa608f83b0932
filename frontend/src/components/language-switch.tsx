import { useTranslation } from 'react-i18next';
import { cn } from '../lib/cn';
import { currentLanguage, toggleLanguage } from '../lib/i18n';

/** Toggles the UI between Korean and English; the choice is remembered. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  // i18n.language keeps this component re-rendering on change
  const lang = i18n.language ? currentLanguage() : 'ko';
  const target = lang === 'ko' ? 'en' : 'ko';
  return (
    <button
      type="button"
      data-testid="lang-switch"
      lang={target}
      aria-label={t('language.switchTo', { lng: target, language: t(`language.${target}`, { lng: target }) })}
      onClick={() => void toggleLanguage()}
      className={cn(
        'inline-flex h-9 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-700',
        'hover:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:ring-offset-2',
        className,
      )}
    >
      {t(`language.${target}`, { lng: target })}
    </button>
  );
}
