// Cloud-Zugangsdaten (in the ERP: PARAMETER – SONSTIGE – ZUGANGSDATEN, a record of type "Cloud"):
// cloud URL, Client-ID and Client-Secret. The secret goes to the keychain only and is never shown;
// an empty secret field keeps the stored one. Every field is checked first (shared/cloud-settings-rules.ts)
// with a German message next to it; TESTEN checks exactly what is in the dialog; Speichern tests first
// and asks before it saves values that did not pass the test. Texts shown here never send the user to
// this very dialog (the `dialog` variants of the error texts).
import { useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../../shared/result';
import {
  CLIENT_ID_MAX,
  CLIENT_SECRET_MAX,
  CLOUD_URL_MAX,
  cloudSettingsProblems,
  type CloudSettingsField,
  type CloudSettingsProblems,
} from '../../../../shared/cloud-settings-rules';
import { getApi } from '../../api';
import { errorText, useTranslation } from '../../i18n';
import { CloudPlatformsPanel } from './CloudPlatformsPanel';
import { Dialog, DialogForm } from '../../components/Dialog';

type Note = { ok: true; text: string } | { ok: false; error: AppError } | null;

/** Where a failed test points: the field to correct. */
const FIELD_OF: Record<string, CloudSettingsField> = {
  CLOUD_UNREACHABLE: 'url',
  CLOUD_URL_INVALID: 'url',
  NOT_FOUND: 'url',
  INVALID_CLIENT_CREDENTIALS: 'clientId',
  CLOUD_SECRET_REQUIRED: 'clientSecret',
};

export function CloudSettingsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [clientId, setClientId] = useState('');
  const [secret, setSecret] = useState('');
  const [hasSecret, setHasSecret] = useState(false);
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);
  const [note, setNote] = useState<Note>(null);
  const [problems, setProblems] = useState<CloudSettingsProblems>({});
  const [untested, setUntested] = useState<AppError | null>(null);
  const inputs = {
    url: useRef<HTMLInputElement>(null),
    clientId: useRef<HTMLInputElement>(null),
    clientSecret: useRef<HTMLInputElement>(null),
  };

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

  /** Field checks first; focus goes to the first field with a problem. */
  const check = (): boolean => {
    const found = cloudSettingsProblems({ url, clientId, clientSecret: secret }, hasSecret);
    setProblems(found);
    const first = (['url', 'clientId', 'clientSecret'] as const).find((f) => found[f]);
    if (first) inputs[first].current?.focus();
    return !first;
  };

  // Every value is sent as typed; only an empty secret means "the stored one".
  const values = () => ({ url: url.trim(), clientId: clientId.trim(), ...(secret ? { clientSecret: secret } : {}) });

  const runTest = async (): Promise<AppError | null> => {
    const r = await getApi().testCloudConnection(values());
    if (r.ok) {
      setNote({ ok: true, text: t('cloudDialog.testOk', { tenantName: r.value.tenantName }) });
      return null;
    }
    const field =
      FIELD_OF[r.error.code] ??
      (r.error.code === 'INVALID_INPUT' ? (String(r.error.params?.field ?? '') as CloudSettingsField) : undefined);
    // Shown once: next to the field to correct when there is one, else below the fields.
    if (field && field in inputs) {
      setProblems({
        [field]: r.error.code === 'INVALID_INPUT' ? String(r.error.params?.reason ?? 'INVALID_INPUT') : r.error.code,
      });
      inputs[field].current?.focus();
    } else setNote({ ok: false, error: r.error });
    return r.error;
  };

  const test = async () => {
    setNote(null);
    if (!check()) return;
    setBusy('test');
    await runTest();
    setBusy(null);
  };

  const store = async () => {
    setUntested(null);
    setBusy('save');
    const r = await getApi().saveCloudSettings(values());
    setBusy(null);
    if (r.ok) onClose();
    else setNote({ ok: false, error: r.error });
  };

  const save = async () => {
    setNote(null);
    if (!check()) return;
    setBusy('save');
    const failed = await runTest();
    setBusy(null);
    if (failed) setUntested(failed);
    else await store();
  };

  const field = (name: CloudSettingsField) => ({
    ref: inputs[name],
    'aria-invalid': problems[name] ? true : undefined,
    'aria-describedby':
      [problems[name] && `${name}-error`, name === 'clientSecret' && hasSecret && 'cloud-secret-hint']
        .filter(Boolean)
        .join(' ') || undefined,
  });
  const fieldError = (name: CloudSettingsField) =>
    problems[name] ? (
      <span id={`${name}-error`} className="error-text" role="alert">
        {errorText(t, { code: problems[name]!, ...(name === 'url' ? { params: { url: url.trim() } } : {}) }, 'dialog')}
      </span>
    ) : null;

  if (untested) {
    return (
      <Dialog
        title={t('cloudDialog.untestedTitle')}
        onClose={() => setUntested(null)}
        footer={[
          { label: t('cloudDialog.backToForm'), onClick: () => setUntested(null) },
          { label: t('cloudDialog.saveAnyway'), onClick: () => void store(), kind: 'primary' },
        ]}
      >
        <p>{t('cloudDialog.untested')}</p>
        <p className="error-text">{errorText(t, untested, 'dialog')}</p>
        <p>{t('cloudDialog.untestedQuestion')}</p>
      </Dialog>
    );
  }

  return (
    <Dialog
      title={t('cloudDialog.title')}
      onClose={onClose}
      footer={[
        { label: t('cloudDialog.test'), onClick: () => void test(), disabled: !!busy },
        { label: t('cloudDialog.save'), submits: 'cloud-settings', kind: 'primary', disabled: !!busy },
        { label: t('cloudDialog.cancel'), onClick: onClose },
      ]}
    >
      <DialogForm id="cloud-settings" autoComplete="off" onSubmit={() => void save()}>
        <p className="hint span-all">{t('cloudDialog.kind')}</p>
        <label htmlFor="cloud-url">{t('cloudDialog.url')}</label>
        <div className="field-stack stretch">
          <input
            id="cloud-url"
            type="url"
            value={url}
            maxLength={CLOUD_URL_MAX * 2}
            placeholder="https://"
            {...field('url')}
            onChange={(e) => setUrl(e.target.value)}
          />
          {fieldError('url')}
        </div>
        <label htmlFor="cloud-client-id">{t('cloudDialog.clientId')}</label>
        <div className="field-stack stretch">
          <input
            id="cloud-client-id"
            value={clientId}
            maxLength={CLIENT_ID_MAX * 2}
            {...field('clientId')}
            onChange={(e) => setClientId(e.target.value)}
          />
          {fieldError('clientId')}
        </div>
        <label htmlFor="cloud-client-secret">{t('cloudDialog.clientSecret')}</label>
        <div className="field-stack stretch">
          <input
            id="cloud-client-secret"
            type="password"
            value={secret}
            maxLength={CLIENT_SECRET_MAX * 2}
            autoComplete="new-password"
            placeholder={hasSecret ? '••••••••' : ''}
            {...field('clientSecret')}
            onChange={(e) => setSecret(e.target.value)}
          />
          {hasSecret && (
            <span id="cloud-secret-hint" className="hint">
              {t('cloudDialog.secretStored')} – {t('cloudDialog.secretKeep')}
            </span>
          )}
          {fieldError('clientSecret')}
        </div>
        <div className="span-all" role="status" aria-live="polite">
          {busy === 'test' && <span className="hint">{t('cloudDialog.testing')}</span>}
          {busy === 'save' && <span className="hint">{t('cloudDialog.savingTest')}</span>}
          {note &&
            (note.ok ? (
              <span className="ok-text">{note.text}</span>
            ) : (
              <span className="error-text">{errorText(t, note.error, 'dialog')}</span>
            ))}
        </div>
      </DialogForm>
      <CloudPlatformsPanel />
    </Dialog>
  );
}
