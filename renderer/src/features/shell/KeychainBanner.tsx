// Permanent banners about where secrets live: no keychain at all (secrets cannot be stored, and how to
// fix it), or the explicit plain-text fallback (red, never dismissable).
import { useTranslation } from '../../i18n';
import type { AppInfo } from '../../../../shared/ipc-contract';

export function KeychainBanner({ keychain }: { keychain: AppInfo['keychain'] }) {
  const { t } = useTranslation();
  return (
    <>
      {keychain.plaintextFallback && (
        <div className="banner danger" role="note" data-testid="plaintext-warning">
          <strong>{t('keychain.plaintext')}</strong>
        </div>
      )}
      {!keychain.available && (
        <div className="banner warning" role="note" data-testid="keychain-banner">
          <strong>{t('keychain.unavailableTitle')}</strong> {t('keychain.unavailable')}
          <ul>
            <li>{t('keychain.fixLinux')}</li>
            <li>{t('keychain.fixOther')}</li>
          </ul>
        </div>
      )}
    </>
  );
}
