// Sandbox mode, in ZUGANGSDATEN: support picks a failure for this platform's next ANMELDEN — a sandbox
// scenario or a seeded account that fails (another region's account, a secondary user, an Individual
// account) — in one step; ANMELDEN then applies it (the core switches it on in the sandbox and fills
// the account into the sign-in page). Two clicks from a fresh platform to a reproduced failure.
import { useEffect, useState } from 'react';
import type { Region } from '../../../../shared/amazon-regions';
import type { SandboxScenarioView } from '../../../../shared/ipc-contract';
import type { Platform } from '../../../../shared/platform';
import type { AppError } from '../../../../shared/result';
import { getApi } from '../../api';
import { usePlatforms } from '../../store/platforms';
import { ErrorMessage } from '../../components/ErrorMessage';
import { errorText, useTranslation } from '../../i18n';

function armedValue(p: Platform): string {
  const a = p.sandboxArmed;
  if (!a) return '';
  return a.scenario ? `scenario:${a.scenario}` : a.account ? `account:${a.account}` : '';
}

export function SandboxScenarioPicker({ platform, region }: { platform: Platform; region: Region }) {
  const { t } = useTranslation();
  const [view, setView] = useState<SandboxScenarioView | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let live = true;
    void getApi()
      .getSandboxScenarios()
      .then((r) => live && (r.ok ? setView(r.value) : setError(r.error)));
    return () => {
      live = false;
    };
  }, []);

  const arm = async (value: string) => {
    setError(null);
    const [kind, ...rest] = value.split(':');
    const what = rest.join(':');
    const r = await getApi().armSandboxScenario({
      id: platform.id,
      ...(kind === 'scenario' ? { scenario: what } : kind === 'account' ? { account: what } : {}),
    });
    if (!r.ok) return setError(r.error);
    usePlatforms.setState((s) => ({ platforms: s.platforms.map((p) => (p.id === r.value.id ? r.value : p)) }));
  };

  const failing = (view?.accounts ?? []).filter((a) => a.failure || a.region !== region);
  const armed = platform.sandboxArmed;
  const label = (id: string) => t.lookup(`sandboxScenarios.ids.${id}`) ?? id;
  const armedText = armed
    ? [
        armed.scenario ? label(armed.scenario) : '',
        armed.account ? t('sandboxScenarios.accountArmed', { email: armed.account }) : '',
      ]
        .filter(Boolean)
        .join(' + ')
    : '';
  const selectId = `sandbox-scenario-${platform.id}`;

  return (
    <div className="sandbox-scenario">
      <label htmlFor={selectId}>{t('sandboxScenarios.title')}</label>
      <select id={selectId} value={armedValue(platform)} disabled={!view} onChange={(e) => void arm(e.target.value)}>
        <option value="">{t('sandboxScenarios.none')}</option>
        <optgroup label={t('sandboxScenarios.scenarios')}>
          {(view?.available ?? []).map((s) => (
            <option key={s.id} value={`scenario:${s.id}`} title={s.description}>
              {label(s.id)}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('sandboxScenarios.accounts')}>
          {failing.map((a) => (
            <option key={a.email} value={`account:${a.email}`} title={a.label}>
              {a.failure
                ? `${a.email} – ${a.label}`
                : t('sandboxScenarios.accountWrongRegion', {
                    email: a.email,
                    region: t.lookup(`regions.${a.region}`) ?? a.region,
                  })}
            </option>
          ))}
        </optgroup>
      </select>
      {armed && (
        <p className="warn-text" data-testid="sandbox-armed">
          {t('sandboxScenarios.armed', { what: armedText })}
        </p>
      )}
      {armed?.replayOf && (
        <p className="hint" data-testid="sandbox-replay">
          {t('replay.of', { code: armed.replayOf, text: errorText(t, { code: armed.replayOf }) })}
        </p>
      )}
      <ErrorMessage error={error} />
    </div>
  );
}
