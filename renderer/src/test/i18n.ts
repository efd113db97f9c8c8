// i18n for component tests: both languages loaded up front, so English renders synchronously.
import { createI18n, type Language } from '../i18n';
import { en } from '../i18n/en';

export const testI18n = (lng: Language = 'de') => createI18n(lng, { en });
