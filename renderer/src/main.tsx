import './zod-config';
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { createI18n, I18nProvider, languageReady, useTranslation } from './i18n';
import { firstAnswers, getApi } from './api';
import { usePlatforms } from './store/platforms';
import './styles.css';

const i18n = createI18n();
document.documentElement.lang = i18n.language;

/**
 * The core raises desktop notifications in the UI's language: it is told once the first screen is up
 * (not before: in the browser host that would open the socket in the middle of start-up) and on every
 * switch, and keeps it for the next start.
 */
function CoreLanguage() {
  const { i18n: current } = useTranslation();
  useEffect(() => void getApi().setLanguage({ language: current.language }), [current.language]);
  return null;
}

/**
 * How long the first render waits for the early answer (browser host; boot.ts): on loopback it comes
 * within milliseconds of this bundle being evaluated. A host that is slower gets the frame first and
 * fills it when the answer comes.
 */
const FIRST_ANSWERS_WAIT_MS = 300;

// German is in this bundle; English (when chosen last time) is fetched first, so no German flashes.
void Promise.all([languageReady(i18n), firstAnswers(FIRST_ANSWERS_WAIT_MS)]).then(([, answers]) => {
  usePlatforms.getState().startFrom(answers);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nProvider i18n={i18n}>
        <App />
        <CoreLanguage />
      </I18nProvider>
    </StrictMode>,
  );
});
