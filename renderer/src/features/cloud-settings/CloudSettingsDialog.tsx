// Cloud-Zugangsdaten (in the ERP: PARAMETER – SONSTIGE – ZUGANGSDATEN, a record of type "Cloud"):
// cloud URL, Client-ID and Client-Secret. The secret goes to the keychain only and is never shown;
// an empty secret field keeps the stored one. Every field is checked first (shared/cloud-settings-rules.ts)
// with a German message next to it; TESTEN checks exactly what is in the dialog; Speichern tests first
// and asks before it saves values that did not pass the test. Texts shown here never send the user to
// this very dialog (the `dialog` variants of the error texts).
import { useEffect, useRef, useState, type InputHTMLAttributes, type ReactNode } from 'react';
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
import { errorText, useTranslation, type TranslationKey } from '../../i18n';
import { CloudPlatformsPanel } from './CloudPlatformsPanel';
import { Dialog, DialogForm } from '../../components/Dialog';

/**
 * Each field's input id, label and the rule's length limit. The input takes twice that: a value over the
 * limit gets the rule's message next to the field rather than being cut short while typing or pasting.
 */
const FIELDS = {
  url: { id: 'cloud-url', label: 'cloudDialog.url', max: CLOUD_URL_MAX },
  clientId: { id: 'cloud-client-id', label: 'cloudDialog.clientId', max: CLIENT_ID_MAX },
  clientSecret: { id: 'cloud-client-secret', label: 'cloudDialog.clientSecret', max: CLIENT_SECRET_MAX },
} as const satisfies Record<CloudSettingsField, { id: string; label: TranslationKey; max: number }>;

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

  const state: Record<CloudSettingsField, [string, (value: string) => void]> = {
    url: [url, setUrl],
    clientId: [clientId, setClientId],
    clientSecret: [secret, setSecret],
  };
  /** A field's row: label, input (with its problem and hint tied to it), and the problem's text below. */
  const row = (name: CloudSettingsField, attrs: InputHTMLAttributes<HTMLInputElement>, hint?: ReactNode) => {
    const { id, label, max } = FIELDS[name];
    const [value, set] = state[name];
    const describedBy = [
      problems[name] && `${name}-error`,
      name === 'clientSecret' && hasSecret && 'cloud-secret-hint',
    ];
    return (
      <>
        <label htmlFor={id}>{t(label)}</label>
        <div className="field-stack stretch">
          <input
            id={id}
            value={value}
            maxLength={max * 2}
            {...attrs}
            ref={inputs[name]}
            aria-invalid={problems[name] ? true : undefined}
            aria-describedby={describedBy.filter(Boolean).join(' ') || undefined}
            onChange={(e) => set(e.target.value)}
          />
          {hint}
          {problems[name] && (
            <span id={`${name}-error`} className="error-text" role="alert">
              {errorText(
                t,
                { code: problems[name], ...(name === 'url' ? { params: { url: url.trim() } } : {}) },
                'dialog',
              )}
            </span>
          )}
        </div>
      </>
    );
  };

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
        {row('url', { type: 'url', placeholder: 'https://' })}
        {row('clientId', {})}
        {row(
          'clientSecret',
          { type: 'password', autoComplete: 'new-password', placeholder: hasSecret ? '••••••••' : '' },
          hasSecret && (
            <span id="cloud-secret-hint" className="hint">
              {t('cloudDialog.secretStored')} – {t('cloudDialog.secretKeep')}
            </span>
          ),
        )}
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
