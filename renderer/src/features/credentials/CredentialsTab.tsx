// Tab "ZUGANGSDATEN": region, status of the sign-in, ANMELDEN / AKTUALISIEREN / Abbrechen, the consent
// link while waiting, the question after a seller change, the info texts of the original screen (folded
// away once connected), the pairing code for sign-ins started on Amazon's side, the settings import and
// the sandbox hint.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../i18n';
import { ErrorMessage } from '../../components/ErrorMessage';
import { nameSuggestion } from '../../components/name-field';
import type { Platform } from '../../../../shared/platform';
import { allowedActions } from '../../../../shared/auth-machine';
import type { AppError } from '../../../../shared/result';
import { usePlatforms } from '../../store/platforms';
import { useUi } from '../../store/ui';
import { RegionSelect } from './RegionSelect';
import { AuthStatus } from './AuthStatus';
import { ConsentLink } from './ConsentLink';
import { MarketplacePanel } from './MarketplacePanel';
import { SandboxHintPanel } from '../support/SandboxHintPanel';
import { SellerChangePrompt } from './SellerChangePrompt';
import { PairingCodePanel } from './PairingCodePanel';
import { SellerCentralErrorPicker } from './SellerCentralErrorPicker';
import { SandboxScenarioPicker } from '../support/SandboxScenarioPicker';
import { countryByCode } from '../../../../shared/amazon-regions';
import { PreflightChecklist } from './PreflightChecklist';
import { DisconnectAction } from './DisconnectAction';

export function CredentialsTab({ platform, sandbox }: { platform: Platform; sandbox: boolean }) {
  const { t } = useTranslation();
  const { signIn, cancelSignIn, reopenConsent, appInfo } = usePlatforms();
  const showModal = useUi((s) => s.showModal);
  const editName = useUi((s) => s.editName);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [disconnected, setDisconnected] = useState(false);
  const status = useRef<HTMLDivElement>(null);
  const auth = platform.auth;
  // Which buttons exist is the sign-in state machine's answer (shared/auth-machine.ts), as in the core.
  const actions = allowedActions(auth);
  const deciding = actions.has('resolveSellerChange');
  const valid = actions.has('refresh');

  // A sign-in that ends (Amazon answered, or it failed) takes its buttons with it: where the focus was on
  // one of them, it goes to the status, which says what happened, instead of falling to the page.
  const lastStatus = useRef(auth.status);
  useEffect(() => {
    const ended = lastStatus.current === 'waiting' && auth.status !== 'waiting';
    lastStatus.current = auth.status;
    const focused = document.activeElement;
    const lost = !focused || focused === document.body || !focused.isConnected;
    if (ended && lost) status.current?.focus();
  }, [auth.status]);

  const run = async (call: () => Promise<{ ok: true } | { ok: false; error: AppError }>, focusStatus = false) => {
    setBusy(true);
    setError(null);
    setDisconnected(false);
    const r = await call();
    setBusy(false);
    if (!r.ok) setError(r.error);
    // After ANMELDEN the browser has the user's attention; back here, the status is what matters.
    else if (focusStatus) status.current?.focus();
  };

  const suggestion = nameSuggestion(error);

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
        <AuthStatus platform={platform} ref={status} />
        <SellerChangePrompt platform={platform} />
        <span />
        <div className="inline">
          {actions.has('cancel') && (
            // Keyed: each is its own button, so the focus does not silently pass from one to the other.
            <button
              key="cancel"
              type="button"
              aria-label={t('cred.cancelLabel')}
              disabled={busy}
              onClick={() => void run(() => cancelSignIn(platform.id))}
            >
              {t('cred.cancel')}
            </button>
          )}
          {(['refresh', 'login'] as const)
            .filter((mode) => actions.has(mode))
            .map((mode) => (
              <button
                key={mode === 'login' ? 'signIn' : 'refresh'}
                type="button"
                className="primary"
                disabled={busy || !platform.active}
                aria-describedby={mode === 'refresh' ? 'refresh-hint' : undefined}
                onClick={() => void run(() => signIn(platform.id, mode), true)}
              >
                {t(mode === 'login' ? 'cred.signIn' : 'cred.refresh')}
              </button>
            ))}
          {/* The connection can go while the platform stays: only when there is one and no sign-in runs. */}
          {!deciding && auth.status !== 'waiting' && platform.cloudPlatformId && (
            <DisconnectAction
              platform={platform}
              onDone={() => {
                setDisconnected(true);
                status.current?.focus();
              }}
            />
          )}
        </div>
        {disconnected && (
          <p className="note span-all ok-text" role="status" data-testid="disconnected">
            {t('connection.done')}
          </p>
        )}
        {!platform.active && auth.status !== 'waiting' && (
          <p className="note span-all" data-testid="inactive-note">
            {t('inactive.note')}
          </p>
        )}
        {valid && (
          <>
            <span />
            <p id="refresh-hint" className="hint" data-testid="refresh-hint">
              {t('cred.refreshHint')}
            </p>
          </>
        )}
        {!valid && !deciding && auth.status !== 'waiting' && platform.active && (
          <>
            <span />
            <PreflightChecklist countryCode={platform.countryCode} />
          </>
        )}
        <ErrorMessage error={error} />
        {error?.code === 'PLATFORM_NAME_TAKEN' && (
          <div className="span-all">
            <button
              type="button"
              onClick={() => editName({ id: platform.id, ...(suggestion ? { suggestion } : {}), error })}
            >
              {t('cred.changeName')}
            </button>
          </div>
        )}
        {sandbox && actions.has('armScenario') && (
          <>
            <span />
            <SandboxScenarioPicker platform={platform} region={countryByCode(platform.countryCode)?.region ?? 'EU'} />
          </>
        )}
        {auth.status === 'waiting' && auth.origin === 'amazon' && (
          <p className="note" data-testid="started-on-amazon">
            {t('cred.startedOnAmazon')}
          </p>
        )}
        {auth.status === 'waiting' && auth.origin === 'desktop' && (
          <ConsentLink
            url={auth.consentUrl}
            browserOpened={auth.browserOpened}
            onReopen={() => reopenConsent(platform.id)}
          />
        )}
        {actions.has('reportSellerCentralError') && (
          <>
            <span />
            <SellerCentralErrorPicker
              platform={platform}
              region={countryByCode(platform.countryCode)?.region ?? 'EU'}
            />
          </>
        )}
      </div>
      {/* Folded once connected: the steps matter before the first sign-in, not on every visit. */}
      <details className="group info" open={!valid && !deciding} key={valid ? 'connected' : 'not-connected'}>
        <summary>{t('cred.infoTitle')}</summary>
        <ol>
          <li>{t('cred.info1')}</li>
          <li>{t('cred.info2')}</li>
          <li>{t('cred.info3')}</li>
          <li>{t('cred.info4')}</li>
          <li>{t('cred.info5')}</li>
        </ol>
      </details>
      {/* Only once a sign-in was started (the platform is registered, or has a status of its own). */}
      {actions.has('pairingCode') &&
        (platform.cloudPlatformId !== undefined || auth.status !== 'not_authenticated') && (
          <PairingCodePanel platformId={platform.id} />
        )}
      {(actions.has('importSettings') || (platform.marketplaces?.length ?? 0) > 0) && (
        <MarketplacePanel platform={platform} canImport={actions.has('importSettings')} />
      )}
      {sandbox && <SandboxHintPanel />}
    </div>
  );
}
