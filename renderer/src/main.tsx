import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { createI18n, I18nProvider, languageReady } from './i18n';
import { getApi } from './api';
import './styles.css';

// The host connection (in the browser host boot.ts has opened it already; in Electron the preload's IPC).
getApi();
const i18n = createI18n();
document.documentElement.lang = i18n.language;

// The core raises desktop notifications in the UI's language: it is told at start and on every switch
// (and keeps it for the next start).
let toldCore: string | undefined;
const tellCore = () => {
  if (toldCore === i18n.language) return;
  toldCore = i18n.language;
  void getApi().setLanguage({ language: i18n.language });
};
i18n.subscribe(tellCore);
tellCore();

// German is in this bundle; English (when chosen last time) is fetched first, so no German flashes.
void languageReady(i18n).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nProvider i18n={i18n}>
        <App />
      </I18nProvider>
    </StrictMode>,
  ),
);
