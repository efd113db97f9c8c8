import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from './ErrorMessage';
import { Dialog } from './Dialog';
import type { AppError, Result } from '../../../shared/result';
import type { Platform } from '../../../shared/platform';
import { isErrorCode } from '../../../shared/error-codes';

interface Props {
  onCreate(name: string): Promise<Result<Platform>>;
  onClose(): void;
}

export function NewPlatformDialog({ onCreate, onClose }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!name.trim()) {
      setError({ code: 'NAME_REQUIRED' });
      return;
    }
    setBusy(true);
    const r = await onCreate(name.trim());
    setBusy(false);
    if (r.ok) onClose();
    else {
      const reason = r.error.params?.reason;
      setError(r.error.code === 'INVALID_INPUT' && isErrorCode(reason) ? { code: reason } : r.error);
    }
  };

  return (
    <Dialog
      title={t('newDialog.title')}
      onClose={onClose}
      footer={
        <>
          <button type="submit" form="new-platform" className="primary" disabled={busy}>
            {t('newDialog.create')}
          </button>
          <button type="button" onClick={onClose}>
            {t('newDialog.cancel')}
          </button>
        </>
      }
    >
      <form
        id="new-platform"
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label htmlFor="new-type">{t('newDialog.type')}</label>
        <select id="new-type" defaultValue="amazon">
          <option value="amazon">{t('types.amazon')}</option>
        </select>
        <label htmlFor="new-name">{t('newDialog.name')}</label>
        <input
          id="new-name"
          value={name}
          maxLength={80}
          placeholder={t('newDialog.namePlaceholder')}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'new-error' : undefined}
          onChange={(e) => {
            setName(e.target.value);
            setError(null);
          }}
        />
        <ErrorMessage error={error} id="new-error" />
      </form>
    </Dialog>
  );
}
