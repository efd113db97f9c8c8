// i18n for component tests: both languages and all German texts (de.rest.ts too) loaded up front, so everything
// renders synchronously.
import type { Language } from '../i18n';
import { createTranslator, provideGermanRest } from '../i18n/translator';
import { en } from '../i18n/en';
import { deRest } from '../i18n/de.rest';

provideGermanRest(deRest);

export const testI18n = (lng: Language = 'de') => createTranslator(lng, { en });
