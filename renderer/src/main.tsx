import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './components/App';
import { createI18n, I18nProvider, languageReady } from './i18n';
import { getApi } from './api';
import './styles.css';

// The host connection first (the browser host's WebSocket handshake runs while React renders).
getApi();
const i18n = createI18n();
document.documentElement.lang = i18n.language;

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
