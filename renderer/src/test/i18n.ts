// i18n for component tests: both languages and all German texts (de.rest.ts too) loaded up front, so everything
// renders synchronously. Provided on every call, not once per module: the unit tier shares modules between
// test files, and another file may have forgotten them (forgetGermanRest).
import type { Language } from '../i18n';
import { createTranslator, provideGermanRest } from '../i18n/translator';
import { en } from '../i18n/en';
import { deRest } from '../i18n/de.rest';

export function testI18n(lng: Language = 'de') {
  provideGermanRest(deRest);
  return createTranslator(lng, { en });
}
