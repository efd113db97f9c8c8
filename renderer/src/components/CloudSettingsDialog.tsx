// Cloud-Zugangsdaten (in the ERP: PARAMETER – SONSTIGE – ZUGANGSDATEN, a record of type "Cloud"):
// cloud URL, Client-ID and Client-Secret. The secret goes to the keychain only and is never shown;
// an empty secret field keeps the stored one. TESTEN checks the values in the dialog before saving.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import { getApi } from '../api';
import { errorText } from '../i18n';
import { CloudPlatformsPanel } from './CloudPlatformsPanel';
import { Dialog } from './Dialog';

type Note = { ok: true; text: string } | { ok: false; error: AppError } | null;

export function CloudSettingsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [clientId, setClientId] = useState('');
  const [secret, setSecret] = useState('');
  const [hasSecret, setHasSecret] = useState(false);
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);
  const [note, setNote] = useState<Note>(null);

  useEffect(() => {
    let alive = true;
    void getApi()
      .getCloudSettings()
      .then((r) => {
        if (!alive) return;
        if (r.ok) {
          setUrl(r.value.url);
          setClientId(r.value.clientId);
          setHasSecret(r.value.hasSecret);
        } else setNote({ ok: false, error: r.error });
      });
    return () => {
      alive = false;
    };
  }, []);

  const values = () => ({
    ...(url.trim() ? { url: url.trim() } : {}),
    ...(clientId.trim() ? { clientId: clientId.trim() } : {}),
    ...(secret ? { clientSecret: secret } : {}),
  });

  const test = async () => {
    setBusy('test');
    setNote(null);
    const r = await getApi().testCloudConnection(values());
    setBusy(null);
    setNote(r.ok ? { ok: true, text: t('cloudDialog.testOk', { tenantName: r.value.tenantName }) } : { ok: false, error: r.error });
  };

  const save = async () => {
    setBusy('save');
    setNote(null);
    const r = await getApi().saveCloudSettings({ url: url.trim(), clientId: clientId.trim(), ...(secret ? { clientSecret: secret } : {}) });
    setBusy(null);
    if (r.ok) onClose();
    else setNote({ ok: false, error: r.error });
  };

  return (
    <Dialog
      title={t('cloudDialog.title')}
      onClose={onClose}
      footer={
        <>
          <button type="button" disabled={!!busy} onClick={() => void test()}>
            {t('cloudDialog.test')}
          </button>
          <button type="submit" form="cloud-settings" className="primary" disabled={!!busy}>
            {t('cloudDialog.save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('cloudDialog.cancel')}
          </button>
        </>
      }
    >
      <form
        id="cloud-settings"
        className="form-grid"
        autoComplete="off"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <p className="hint span-all">{t('cloudDialog.kind')}</p>
        <label htmlFor="cloud-url">{t('cloudDialog.url')}</label>
        <input id="cloud-url" type="url" value={url} maxLength={300} placeholder="https://" onChange={(e) => setUrl(e.target.value)} />
        <label htmlFor="cloud-client-id">{t('cloudDialog.clientId')}</label>
        <input id="cloud-client-id" value={clientId} maxLength={200} onChange={(e) => setClientId(e.target.value)} />
        <label htmlFor="cloud-client-secret">{t('cloudDialog.clientSecret')}</label>
        <div className="field-stack stretch">
          <input
            id="cloud-client-secret"
            type="password"
            value={secret}
            maxLength={500}
            autoComplete="new-password"
            placeholder={hasSecret ? '••••••••' : ''}
            aria-describedby={hasSecret ? 'cloud-secret-hint' : undefined}
            onChange={(e) => setSecret(e.target.value)}
          />
          {hasSecret && (
            <span id="cloud-secret-hint" className="hint">
              {t('cloudDialog.secretStored')} – {t('cloudDialog.secretKeep')}
            </span>
          )}
        </div>
        <div className="span-all" role="status" aria-live="polite">
          {busy === 'test' && <span className="hint">{t('cloudDialog.testing')}</span>}
          {note && (note.ok ? <span className="ok-text">{note.text}</span> : <span className="error-text">{errorText(t, note.error)}</span>)}
        </div>
      </form>
      <CloudPlatformsPanel />
    </Dialog>
  );
}
