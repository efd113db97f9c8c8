// The title bar's language choice, on the app's window and on the page for a refused link alike.
import { useTranslation } from '../../i18n';

export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  return (
    <label>
      {t('app.language')}{' '}
      <select
        value={i18n.language}
        onChange={(e) => void i18n.changeLanguage(e.target.value)}
        aria-label={t('app.language')}
      >
        <option value="de">Deutsch</option>
        <option value="en">English</option>
      </select>
    </label>
  );
}
