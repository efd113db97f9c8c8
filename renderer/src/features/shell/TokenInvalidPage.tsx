// The browser host's page when its token is missing or refused (a link of an earlier start, or one cut
// short): nothing can work here, so one clear page says where the valid link is (issue 24).
import { useTranslation } from '../../i18n';
import { LanguageSelect } from './LanguageSelect';

export function TokenInvalidPage() {
  const { t } = useTranslation();
  return (
    <div className="app">
      <header className="titlebar">
        <h1>{t('app.title')}</h1>
        <div className="titlebar-right">
          <LanguageSelect />
        </div>
      </header>
      <main className="main">
        <section className="content token-invalid" aria-labelledby="token-invalid-title" data-testid="token-invalid">
          <h2 id="token-invalid-title">{t('app.tokenInvalidTitle')}</h2>
          <p>{t('app.tokenInvalidText')}</p>
        </section>
      </main>
    </div>
  );
}
