// Only with the Amazon sandbox: a collapsible panel with the seeded test accounts and their current
// one-time code (refreshed every second while open), and a link to the sandbox's SMS inbox.
import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n';
import type { SandboxHint } from '../../../../shared/ipc-contract';
import { getApi } from '../../api';
import { ColumnHeads } from '../../components/ColumnHeads';

export function SandboxHintPanel() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [hint, setHint] = useState<SandboxHint | null>(null);

  useEffect(() => {
    if (!open) return;
    let alive = true;
    const load = () =>
      void getApi()
        .getSandboxHint()
        .then((r) => alive && r.ok && setHint(r.value));
    load();
    const timer = setInterval(load, 1000);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [open]);

  return (
    <details className="sandbox-hint" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('sandbox.title')}</summary>
      <p className="warn-text">{t('sandbox.notReal')}</p>
      {hint && (
        <>
          <table className="grid compact">
            <ColumnHeads
              labels={[
                t('sandbox.label'),
                t('sandbox.email'),
                t('sandbox.password'),
                t('sandbox.region'),
                t('sandbox.code'),
              ]}
            />
            <tbody>
              {hint.accounts.map((a) => (
                <tr key={a.email}>
                  <td>{a.label}</td>
                  <td className="mono">{a.email}</td>
                  <td className="mono">{a.password}</td>
                  <td>{a.region}</td>
                  <td>
                    {a.totp ? (
                      <>
                        <span className="mono totp" data-testid="sandbox-totp">
                          {a.totp.code}
                        </span>{' '}
                        <span className="hint">{t('sandbox.secondsLeft', { seconds: a.totp.secondsLeft })}</span>
                      </>
                    ) : a.sms ? (
                      t('sandbox.sms')
                    ) : (
                      ''
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <a href={hint.smsInboxUrl} target="_blank" rel="noreferrer">
              {t('sandbox.smsInbox')}
            </a>
          </p>
        </>
      )}
    </details>
  );
}
