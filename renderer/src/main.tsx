import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { App } from './features/shell/App';
import { I18nProvider, languageReady, startI18n } from './i18n';
import { afterFirstScreen, firstAnswers, getApi } from './api';
import { usePlatforms } from './store/platforms';
import { whenIdle } from './when-idle';
import './styles.css';
import { bestEffort } from '../../shared/best-effort';

/**
 * How long the first render waits for the first state (browser host: boot.ts's early request; Electron:
 * two requests over IPC): it comes within milliseconds of this bundle being evaluated. A host that is
 * slower gets the frame first, in German, and the store fills it when the answer comes.
 */
const FIRST_ANSWERS_WAIT_MS = 300;

void firstAnswers(FIRST_ANSWERS_WAIT_MS).then(async (answers) => {
  // The language last chosen is the core's (AppInfo.language); a switch goes back to it.
  const i18n = startI18n(
    answers.appInfo?.ok ? answers.appInfo.value.language : undefined,
    (language) => void getApi().setLanguage({ language }),
  );
  // German is in this bundle; English (when chosen last time) is fetched first, so no German flashes.
  // Should that fail, the texts fall back to German rather than leave the window empty.
  await bestEffort('loading the language', languageReady(i18n));
  usePlatforms.getState().startFrom(answers);
  const root = createRoot(document.getElementById('root')!);
  // Rendered at once, in this task: the first frame the browser draws is the list, not an empty page
  // drawn first while the render waits for its own task.
  flushSync(() =>
    root.render(
      <StrictMode>
        <I18nProvider i18n={i18n}>
          <App />
        </I18nProvider>
      </StrictMode>,
    ),
  );
  // Once the list is drawn and the page is idle.
  whenIdle(afterFirstScreen, 2000, 50);
});
