import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import ko from '../locales/ko.json';
import { isParticle, withParticle } from './korean-particles';

export const SUPPORTED_LANGUAGES = ['ko', 'en'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'ko';
const STORAGE_KEY = 'cdss.lang';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

function applyDocumentLanguage(lang: Language) {
  if (typeof document !== 'undefined') {
    document.documentElement.lang = lang;
  }
}

const initial = storedLanguage();

void i18n.use(initReactI18next).init({
  resources: { ko: { translation: ko }, en: { translation: en } },
  lng: initial,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...SUPPORTED_LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  initAsync: false,
});
applyDocumentLanguage(initial);

// `{{name, josa(p: 을/를)}}`: the value followed by the particle its last sound takes (Korean only; issue 15 item 6)
i18n.services.formatter?.add('josa', (value: unknown, lng: string | undefined, options: { p?: unknown }) => {
  const word = String(value ?? '');
  return lng === 'ko' && isParticle(options.p) ? withParticle(word, options.p) : word;
});

/** The UI language now in use (`ko` or `en`). */
export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

/** Switches the UI language and remembers the choice in localStorage. */
export function setLanguage(lang: Language): Promise<unknown> {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode or storage disabled: the choice lasts for this page only
  }
  applyDocumentLanguage(lang);
  return i18n.changeLanguage(lang);
}

export function toggleLanguage(): Promise<unknown> {
  return setLanguage(currentLanguage() === 'ko' ? 'en' : 'ko');
}

export default i18n;
