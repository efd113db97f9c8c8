// "Neue Plattform": type and Bezeichnung. The name rule (shared/platform-name.ts) is checked here first
// for a German message next to the field (no browser bubbles); a clash names where the name is used and
// offers a free one.
import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Dialog, DialogForm } from '../../components/Dialog';
import type { Result } from '../../../../shared/result';
import type { Platform } from '../../../../shared/platform';
// Type only: shared/error-codes.ts reaches zod through the cloud contract, which the renderer's first screen leaves out.
import type { ErrorCode } from '../../../../shared/error-codes';
import { normalizePlatformName } from '../../../../shared/platform-name';
import { useNameField } from '../../components/name-field';

interface Props {
  onCreate(name: string): Promise<Result<Platform>>;
  onClose(): void;
}

export function NewPlatformDialog({ onCreate, onClose }: Props) {
  const { t } = useTranslation();
  const nameField = useNameField('');
  const { name, setName, error, setError, refuse, passesRule, suggestion } = nameField;
  const [busy, setBusy] = useState(false);

  // The type has one option: the name is what to fill in (the dialog's own effect, which runs first,
  // would focus the type).
  useEffect(() => nameField.input.current?.focus(), []);

  const submit = async (value = name) => {
    if (!passesRule(value)) return;
    setBusy(true);
    const r = await onCreate(normalizePlatformName(value));
    setBusy(false);
    if (r.ok) onClose();
    else {
      const reason = r.error.params?.reason;
      // The reason is a code the core chose (NAME_REQUIRED …); an unknown one still renders (errorText's UNKNOWN).
      refuse(
        r.error.code === 'INVALID_INPUT' && typeof reason === 'string' && /^[A-Z_]+$/.test(reason)
          ? { code: reason as ErrorCode }
          : r.error,
      );
    }
  };

  return (
    <Dialog
      title={t('newDialog.title')}
      onClose={onClose}
      footer={[
        { label: t('newDialog.create'), submits: 'new-platform', kind: 'primary', disabled: busy },
        { label: t('newDialog.cancel'), onClick: onClose },
      ]}
    >
      <DialogForm id="new-platform" onSubmit={() => void submit()}>
        <label htmlFor="new-type">{t('newDialog.type')}</label>
        <select id="new-type" defaultValue="amazon">
          <option value="amazon">{t('types.amazon')}</option>
        </select>
        <label htmlFor="new-name">{t('newDialog.name')}</label>
        <input id="new-name" {...nameField.inputProps('new-error')} placeholder={t('newDialog.namePlaceholder')} />
        <ErrorMessage error={error} id="new-error" />
        {suggestion && (
          <div className="span-all">
            <button
              type="button"
              onClick={() => {
                setName(suggestion);
                setError(null);
                nameField.input.current?.focus();
              }}
            >
              {t('newDialog.useSuggestion', { suggestion })}
            </button>
          </div>
        )}
      </DialogForm>
    </Dialog>
  );
}
