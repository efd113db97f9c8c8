// The consent link of a running sign-in, read-only, for when no browser opened: "Link kopieren"
// (clipboard, or select the text for Ctrl+C) and "Im Browser öffnen" (asks the core to open it again).
import { useRef, useState } from 'react';
import type { AppError } from '../../../../shared/result';
import { errorText, useTranslation } from '../../i18n';

interface Props {
  url: string;
  browserOpened: boolean;
  onReopen(): Promise<{ ok: true } | { ok: false; error: AppError }>;
}

export function ConsentLink({ url, browserOpened, onReopen }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState<{ text: string; error?: boolean } | null>(null);

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setNote({ text: t('cred.copied') });
    } catch {
      input.current?.focus();
      input.current?.select();
      setNote({ text: t('cred.copyFailed'), error: true });
    }
  };

  const reopen = async () => {
    const r = await onReopen();
    setNote(r.ok ? null : { text: errorText(t, r.error), error: true });
  };

  return (
    <>
      <label htmlFor="consent-url">{t('cred.consentLink')}</label>
      <div className={browserOpened ? 'field-stack' : 'field-stack emphasise'}>
        {!browserOpened && (
          <strong id="consent-hint" className="warn-text">
            {t('cred.browserNotOpened')}
          </strong>
        )}
        <div className="inline">
          <input
            id="consent-url"
            ref={input}
            className="consent-url"
            value={url}
            readOnly
            aria-describedby={browserOpened ? undefined : 'consent-hint'}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" className={browserOpened ? undefined : 'primary'} onClick={() => void copy()}>
            {t('cred.copyLink')}
          </button>
          <button type="button" onClick={() => void reopen()}>
            {t('cred.openBrowser')}
          </button>
        </div>
        {note && (
          <span className={note.error ? 'error-text' : 'ok-text'} role="status">
            {note.text}
          </span>
        )}
      </div>
    </>
  );
}
