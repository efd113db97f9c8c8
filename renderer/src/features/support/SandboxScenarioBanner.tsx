// Sandbox mode: a banner while sandbox scenarios are switched on (or armed on a platform), with
// "alle zurücksetzen"; and the notices that the sandbox was reset on purpose or its saved state was
// damaged — so a void sandbox sign-in is not mistaken for a merchant's problem.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from '../../i18n';
import type { SandboxScenarioView } from '../../../../shared/ipc-contract';
import type { AppError } from '../../../../shared/result';
import { getApi } from '../../api';
import { formatDateTime } from '../../format/dates';
import { usePlatforms } from '../../store/platforms';
import { ErrorMessage } from '../../components/ErrorMessage';

const POLL_MS = 3000;

export function SandboxScenarioBanner() {
  const { t, i18n } = useTranslation();
  const platforms = usePlatforms((s) => s.platforms);
  const [view, setView] = useState<SandboxScenarioView | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const load = useCallback(() => {
    void getApi()
      .getSandboxScenarios()
      .then((r) => r.ok && setView(r.value));
  }, []);

  // Scenarios can also be switched on the sandbox's own page: poll while the app is open.
  useEffect(() => {
    load();
    const timer = setInterval(load, POLL_MS);
    return () => clearInterval(timer);
  }, [load, platforms]);

  const reset = async () => {
    setError(null);
    const r = await getApi().resetSandboxScenarios();
    if (r.ok) setView(r.value);
    else setError(r.error);
    const list = await getApi().listPlatforms();
    if (list.ok) usePlatforms.setState({ platforms: list.value });
  };

  if (!view) return null;
  const label = (id: string) => t.lookup(`sandboxScenarios.ids.${id}`) ?? id;
  const active = view.active.map((s) => {
    const base = s.account ? t('sandboxScenarios.forAccount', { id: label(s.id), account: s.account }) : label(s.id);
    return s.remaining !== undefined ? t('sandboxScenarios.remaining', { id: base, count: s.remaining }) : base;
  });
  const armed = platforms
    .filter((p) => p.sandboxArmed)
    .map(
      (p) =>
        `${p.name}: ${[p.sandboxArmed?.scenario ? label(p.sandboxArmed.scenario) : '', p.sandboxArmed?.account ?? ''].filter(Boolean).join(' + ')}`,
    );
  // A deliberate reset voids sandbox authorizations made before it.
  const voided = view.resetAt
    ? platforms.some((p) => p.auth.status === 'authenticated' && p.auth.authorizedAt < view.resetAt!)
    : false;

  return (
    <>
      {(active.length > 0 || armed.length > 0) && (
        <div className="banner warning" role="status" data-testid="sandbox-scenario-banner">
          {t('sandboxScenarios.banner', { list: [...active, ...armed].join('; ') })}{' '}
          <button type="button" onClick={() => void reset()}>
            {t('sandboxScenarios.resetAll')}
          </button>
          <ErrorMessage error={error} inline />
        </div>
      )}
      {voided && (
        <div className="banner warning" role="note" data-testid="sandbox-reset-notice">
          {t('sandboxScenarios.wasReset', { date: formatDateTime(view.resetAt!, i18n.language) })}
        </div>
      )}
      {view.stateWarning && (
        <div className="banner warning" role="note" data-testid="sandbox-state-warning">
          {t('sandboxScenarios.stateKeptAside', { path: view.stateWarning })}
        </div>
      )}
    </>
  );
}
