// Tab "ZUGANGSDATEN": region, status of the sign-in, ANMELDEN / AKTUALISIEREN / Abbrechen, the consent
// link while waiting, the info texts of the original screen, the settings import and the sandbox hint.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from './ErrorMessage';
import { validAuthorization, type Platform } from '../../../shared/platform';
import type { AppError } from '../../../shared/result';
import { usePlatforms } from '../store/platforms';
import { useUi } from '../store/ui';
import { RegionSelect } from './RegionSelect';
import { AuthStatus } from './AuthStatus';
import { ConsentLink } from './ConsentLink';
import { MarketplacePanel } from './MarketplacePanel';
import { SandboxHintPanel } from './SandboxHintPanel';
import { SellerCentralErrorPicker } from './SellerCentralErrorPicker';
import { SandboxScenarioPicker } from './SandboxScenarioPicker';
import { countryByCode } from '../../../shared/amazon-regions';

export function CredentialsTab({ platform, sandbox }: { platform: Platform; sandbox: boolean }) {
  const { t } = useTranslation();
  const { signIn, cancelSignIn, reopenConsent, appInfo } = usePlatforms();
  const showModal = useUi((s) => s.showModal);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const auth = platform.auth;
  // While a sign-in runs, its buttons replace AKTUALISIEREN and the import.
  const valid = auth.status !== 'waiting' && validAuthorization(platform) !== undefined;

  const run = async (call: () => Promise<{ ok: true } | { ok: false; error: AppError }>) => {
    setBusy(true);
    setError(null);
    const r = await call();
    setBusy(false);
    if (!r.ok) setError(r.error);
  };

  return (
    <div className="credentials">
      {appInfo && !appInfo.cloudConfigured && auth.status !== 'waiting' && (
        <div className="banner warning" role="note" data-testid="cloud-not-configured">
          {t('cred.cloudMissing')}{' '}
          <button type="button" onClick={() => showModal({ kind: 'cloudSettings' })}>
            {t('cred.openCloudSettings')}
          </button>
        </div>
      )}
      <div className="form-grid">
        <RegionSelect platform={platform} />
        <span className="label">{t('cred.status')}</span>
        <AuthStatus platform={platform} />
        <span />
        <div className="inline">
          {auth.status === 'waiting' ? (
            <button type="button" aria-label={t('cred.cancelLabel')} disabled={busy} onClick={() => void run(() => cancelSignIn(platform.id))}>
              {t('cred.cancel')}
            </button>
          ) : valid ? (
            <button type="button" className="primary" disabled={busy} onClick={() => void run(() => signIn(platform.id, 'refresh'))}>
              {t('cred.refresh')}
            </button>
          ) : (
            <button type="button" className="primary" disabled={busy} onClick={() => void run(() => signIn(platform.id, 'login'))}>
              {t('cred.signIn')}
            </button>
          )}
        </div>
        <ErrorMessage error={error} />
        {sandbox && auth.status !== 'waiting' && (
          <>
            <span />
            <SandboxScenarioPicker platform={platform} region={countryByCode(platform.countryCode)?.region ?? 'EU'} />
          </>
        )}
        {auth.status === 'waiting' && <ConsentLink url={auth.consentUrl} browserOpened={auth.browserOpened} onReopen={() => reopenConsent(platform.id)} />}
        {(auth.status === 'waiting' || auth.status === 'expired') && (
          <>
            <span />
            <SellerCentralErrorPicker platform={platform} region={countryByCode(platform.countryCode)?.region ?? 'EU'} />
          </>
        )}
      </div>
      <fieldset className="group info">
        <legend>{t('cred.infoTitle')}</legend>
        <ol>
          <li>{t('cred.info1')}</li>
          <li>{t('cred.info2')}</li>
          <li>{t('cred.info3')}</li>
          <li>{t('cred.info4')}</li>
          <li>{t('cred.info5')}</li>
        </ol>
      </fieldset>
      {(valid || (platform.marketplaces?.length ?? 0) > 0) && <MarketplacePanel platform={platform} canImport={valid} />}
      {sandbox && <SandboxHintPanel />}
    </div>
  );
}
