// The React side of the translator: a provider and `useTranslation()`, shaped like react-i18next's
// (`const { t, i18n } = useTranslation()`, `i18n.language`, `i18n.changeLanguage`), so components did not
// have to change beyond their import line.
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { Language, Translator } from './translator';
import type { TFunction } from './keys';

const TranslatorContext = createContext<Translator | null>(null);

export function I18nProvider({ i18n, children }: { i18n: Translator; children: ReactNode }) {
  return <TranslatorContext.Provider value={i18n}>{children}</TranslatorContext.Provider>;
}

export function useTranslation(): {
  t: TFunction;
  i18n: { language: Language; changeLanguage(language: string): Promise<void> };
} {
  const translator = useContext(TranslatorContext);
  if (!translator) throw new Error('useTranslation outside I18nProvider');
  useSyncExternalStore(translator.subscribe, () => translator.revision);
  return { t: translator.t, i18n: { language: translator.language, changeLanguage: translator.changeLanguage } };
}
