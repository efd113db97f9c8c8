import i18next, { type BackendModule, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { de, type Messages } from './de';
import type { AppError } from '../../../shared/result';
import { PLATFORM_NAME_MAX } from '../../../shared/platform-name';

export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const LANGUAGE_KEY = 'acc.language';

type Translation = Messages | Awaited<ReturnType<typeof loadEnglish>>;
const loadEnglish = async () => (await import('./en')).en;

export function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(LANGUAGE_KEY);
    if (saved === 'de' || saved === 'en') return saved;
  } catch {
    // storage may be unavailable (tests); German is the default either way
  }
  return 'de';
}

/**
 * German is in the first bundle (the default, and the fallback); English is a chunk of its own that
 * i18next fetches through this backend when it is chosen (or was chosen last time), so a German start
 * does not load it. Switching waits for the chunk, then re-renders.
 */
const lazyEnglish: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    if (language === 'de') return callback(null, de);
    if (language !== 'en') return callback(null, {});
    loadEnglish().then(
      (en) => callback(null, en),
      (err: Error) => callback(err, null),
    );
  },
};

/** `preloaded`: resources available at once (tests render English synchronously). */
export function createI18n(lng: Language = initialLanguage(), preloaded: Partial<Record<Language, Translation>> = {}): I18n {
  const instance = i18next.createInstance();
  const resources = Object.fromEntries(Object.entries({ de, ...preloaded }).map(([l, translation]) => [l, { translation }]));
  void instance.use(lazyEnglish).use(initReactI18next).init({
    lng,
    fallbackLng: 'de',
    resources,
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    initAsync: false,
    react: { useSuspense: false },
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

/** Resolves once the instance's language is loaded (at once for German). */
export function languageReady(instance: I18n): Promise<void> {
  return instance.loadLanguages(instance.language).then(() => undefined);
}

type TFn = (key: string, opts?: Record<string, unknown>) => string;

const PLACEHOLDER = /\{\{\s*\w+\s*\}\}/;

/** Params made readable: regions get their names, a field its label; `reason` is never shown raw. */
function readableParams(t: TFn, error: AppError): Record<string, unknown> {
  const out: Record<string, unknown> = { code: error.code };
  for (const [k, v] of Object.entries(error.params ?? {})) {
    if (v === '' || v === undefined) continue;
    if ((k === 'region' || k === 'actualRegion') && typeof v === 'string') {
      const name = t(`regions.${v}`);
      out[k] = name === `regions.${v}` ? v : name;
    } else if (k === 'field' && typeof v === 'string') {
      const last = v.split('.').pop() ?? v;
      const label = t(`fields.${last}`);
      out[k] = label === `fields.${last}` ? last : label;
    } else if (k !== 'reason') {
      out[k] = v;
    }
  }
  return out;
}

/**
 * The sentence for an error value: its code's text (or the code's `_generic` variant when a parameter
 * the text needs is missing), or a generic one naming the code. Never the raw detail or a stack.
 * A text may have variants: `CODE_<params.scope>` (e.g. a name taken in the cloud rather than locally)
 * and `CODE_<context>` for where it appears (e.g. `dialog`: inside Cloud-Zugangsdaten, the text must not
 * send the user to the dialog they are in).
 */
export function errorText(t: TFn, error: AppError, context?: string): string {
  // A validation error whose reason is itself a known code (NAME_REQUIRED, CLOUD_URL_INVALID) says that.
  const reason = error.params?.reason;
  if (error.code === 'INVALID_INPUT' && typeof reason === 'string' && /^[A-Z_]+$/.test(reason) && reason !== 'INVALID_INPUT') {
    const text = t(`errors.${reason}`, { code: reason, max: PLATFORM_NAME_MAX });
    if (text !== `errors.${reason}`) return text;
  }
  const params = { max: PLATFORM_NAME_MAX, ...readableParams(t, error) };
  const key = `errors.${error.code}`;
  const scope = error.params?.scope;
  for (const variant of [context, typeof scope === 'string' ? scope : undefined]) {
    if (!variant || !/^[a-z]+$/.test(variant)) continue;
    const text = t(`${key}_${variant}`, params);
    if (text !== `${key}_${variant}` && !PLACEHOLDER.test(text)) return text;
  }
  const text = t(key, params);
  if (text === key) return t('errors.UNKNOWN', params);
  if (!PLACEHOLDER.test(text)) return text;
  const generic = t(`${key}_generic`, params);
  if (generic !== `${key}_generic` && !PLACEHOLDER.test(generic)) return generic;
  return text.replace(new RegExp(PLACEHOLDER.source, 'g'), '…');
}
