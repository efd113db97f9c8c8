// i18n for component tests: both languages and the German error texts loaded up front, so everything
// renders synchronously.
import type { Language } from '../i18n';
import { createTranslator, provideGermanErrors } from '../i18n/translator';
import { en } from '../i18n/en';
import { errorsDe } from '../i18n/errors.de';

provideGermanErrors(errorsDe);

export const testI18n = (lng: Language = 'de') => createTranslator(lng, { en });
