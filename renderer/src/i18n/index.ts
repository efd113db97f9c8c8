import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { de } from './de';
import { en } from './en';
import type { AppError } from '../../../shared/result';

export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const LANGUAGE_KEY = 'acc.language';

export function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(LANGUAGE_KEY);
    if (saved === 'de' || saved === 'en') return saved;
  } catch {
    // storage may be unavailable (tests); German is the default either way
  }
  return 'de';
}

export function createI18n(lng: Language = initialLanguage()): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng,
    fallbackLng: 'de',
    resources: { de: { translation: de }, en: { translation: en } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  instance.on('languageChanged', (l) => {
    try {
      localStorage.setItem(LANGUAGE_KEY, l);
      document.documentElement.lang = l;
    } catch {
      // ignore
    }
  });
  return instance;
}

/** The sentence for an error value: its code's text, or a generic one naming the code. */
export function errorText(t: (key: string, opts?: Record<string, unknown>) => string, error: AppError): string {
  const key = `errors.${error.code}`;
  const params = { ...error.params, code: error.code };
  const text = t(key, params);
  return text === key ? t('errors.UNKNOWN', params) : text;
}
