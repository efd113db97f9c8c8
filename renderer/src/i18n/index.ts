import type { AppError } from '../../../shared/result';
import { PLATFORM_NAME_MAX } from '../../../shared/platform-name';
import { DEFAULT_UI_LANGUAGE } from '../../../shared/ui-language';
import { createTranslator, loadGermanRest, type Language, type Translator } from './translator';
import type { LooseParams, TFunction } from './keys';
import { bestEffort } from '../../../shared/best-effort';

export { LANGUAGES, loadGermanRest, type Language, type Translator } from './translator';
export type { TFunction, TranslationKey } from './keys';
export { I18nProvider, useTranslation } from './react';

/**
 * The app's translator at start: in the language the core keeps (AppInfo.language), German when the
 * core did not answer in time. Each switch goes to the core (`tell`), which keeps it for the next start
 * and raises its desktop notifications in it. Only a switch: the language the core gave needs no telling
 * back, and a German start after a late answer must not overwrite the choice the core keeps.
 */
export function startI18n(coreLanguage: Language | undefined, tell: (language: Language) => void): Translator {
  const instance = createTranslator(coreLanguage ?? DEFAULT_UI_LANGUAGE);
  document.documentElement.lang = instance.language;
  let told = coreLanguage;
  instance.subscribe(() => {
    document.documentElement.lang = instance.language;
    if (instance.language === told) return;
    told = instance.language;
    tell(told);
  });
  return instance;
}

/** Resolves once the instance's language is loaded (at once for German). */
export function languageReady(instance: Translator): Promise<void> {
  return instance.ready();
}

const PLACEHOLDER = /\{\{\s*\w+\s*\}\}/;

/** Params made readable: regions get their names, a field its label; `reason` is never shown raw. */
function readableParams(t: TFunction, error: AppError): LooseParams {
  const out: LooseParams = { code: error.code };
  for (const [k, v] of Object.entries(error.params ?? {})) {
    if (v === '' || v === undefined) continue;
    if ((k === 'region' || k === 'actualRegion' || k === 'previousRegion') && typeof v === 'string') {
      out[k] = t.lookup(`regions.${v}`) ?? v;
    } else if (k === 'field' && typeof v === 'string') {
      const last = v.split('.').pop() ?? v;
      out[k] = t.lookup(`fields.${last}`) ?? last;
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
export function errorText(t: TFunction, error: AppError, context?: string): string {
  // German error texts (de.rest.ts) not fetched yet (an error before the list was shown): a short note
  // for the moment, replaced as soon as they arrive (the translator re-renders).
  if (t.lookup('errors.UNKNOWN') === undefined) {
    void bestEffort('loading the other German texts', loadGermanRest);
    return t('app.errorLoading', { code: error.code });
  }
  // A validation error whose reason is itself a known code (NAME_REQUIRED, CLOUD_URL_INVALID) says that.
  const reason = error.params?.reason;
  if (
    error.code === 'INVALID_INPUT' &&
    typeof reason === 'string' &&
    /^[A-Z_]+$/.test(reason) &&
    reason !== 'INVALID_INPUT'
  ) {
    const text = t.lookup(`errors.${reason}`, { code: reason, max: PLATFORM_NAME_MAX });
    if (text !== undefined) return text;
  }
  const params = { max: PLATFORM_NAME_MAX, ...readableParams(t, error) };
  const key = `errors.${error.code}`;
  const scope = error.params?.scope;
  for (const variant of [context, typeof scope === 'string' ? scope : undefined]) {
    if (!variant || !/^[a-z]+$/.test(variant)) continue;
    const text = t.lookup(`${key}_${variant}`, params);
    if (text !== undefined && !PLACEHOLDER.test(text)) return text;
  }
  const text = t.lookup(key, params);
  if (text === undefined) return t('errors.UNKNOWN', { code: error.code });
  if (!PLACEHOLDER.test(text)) return text;
  const generic = t.lookup(`${key}_generic`, params);
  if (generic !== undefined && !PLACEHOLDER.test(generic)) return generic;
  return text.replace(new RegExp(PLACEHOLDER.source, 'g'), '…');
}
