// Tab "Allgemein": Bezeichnung, Aktiv, Cloud verwenden. Every change is saved at once through
// updatePlatform; a refused value is shown next to its field and the field keeps what was typed.
// The name follows the one name rule (shared/platform-name.ts), checked here first for a German message.
import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n';
import { ErrorMessage } from '../../components/ErrorMessage';
import type { Platform } from '../../../../shared/platform';
import { normalizePlatformName } from '../../../../shared/platform-name';
import { useNameField } from '../../components/name-field';
import type { AppError } from '../../../../shared/result';
import { usePlatforms } from '../../store/platforms';
import { useUi } from '../../store/ui';
import { CloudOffDialog, cloudOffNeedsConfirm } from './CloudOffDialog';

/** A box in the form's second column with its hint below it (the first column left empty). */
function CheckRow(props: {
  id: string;
  checked: boolean;
  onChange(checked: boolean): void;
  label: string;
  hint: string;
}) {
  return (
    <>
      <span />
      <label className="check">
        <input
          type="checkbox"
          checked={props.checked}
          onChange={(e) => props.onChange(e.target.checked)}
          aria-describedby={`${props.id}-hint`}
        />
        {props.label}
      </label>
      <span />
      <p id={`${props.id}-hint`} className="hint">
        {props.hint}
      </p>
    </>
  );
}

/** `onCloudOn`: "Cloud verwenden" was ticked and saved (the detail then shows ZUGANGSDATEN, where the sign-in is). */
export function GeneralTab({ platform, onCloudOn }: { platform: Platform; onCloudOn?: () => void }) {
  const { t } = useTranslation();
  const update = usePlatforms((s) => s.update);
  const cancelSignIn = usePlatforms((s) => s.cancelSignIn);
  const { nameEdit, editName } = useUi();
  const nameField = useNameField(platform.name);
  const { name, setName, error: nameError, setError: setNameError, input: nameInput, suggestion } = nameField;
  const [flagError, setFlagError] = useState<AppError | null>(null);
  const [askCloudOff, setAskCloudOff] = useState(false);

  // The boxes follow the click at once (optimistic) and go back if the core refuses the change.
  const [flags, setFlags] = useState({ active: platform.active, useCloud: platform.useCloud });

  useEffect(() => setName(platform.name), [platform.name]);
  useEffect(
    () => setFlags({ active: platform.active, useCloud: platform.useCloud }),
    [platform.active, platform.useCloud],
  );

  // Sent here after a name clash: offer the free name and put the cursor in the field.
  useEffect(() => {
    if (nameEdit?.id !== platform.id) return;
    if (nameEdit.suggestion) setName(nameEdit.suggestion);
    if (nameEdit.error) setNameError(nameEdit.error);
    editName(null);
    requestAnimationFrame(() => {
      nameInput.current?.focus();
      nameInput.current?.select();
    });
  }, [nameEdit, platform.id, editName]);

  const saveName = async (value = name) => {
    if (!nameField.passesRule(value)) return;
    if (normalizePlatformName(value) === platform.name) return setNameError(null);
    const r = await update(platform.id, { name: value });
    if (r.ok) setNameError(null);
    else nameField.refuse(r.error);
  };

  const setFlag = async (patch: { active?: boolean; useCloud?: boolean }) => {
    setFlags((f) => ({ ...f, ...patch }));
    const r = await update(platform.id, patch);
    setFlagError(r.ok ? null : r.error);
    if (!r.ok) setFlags({ active: platform.active, useCloud: platform.useCloud });
    else if (patch.useCloud === true) onCloudOn?.();
  };

  const cloudOff = async () => {
    setAskCloudOff(false);
    // A running sign-in ends first, so its link no longer completes in the background.
    if (platform.auth.status === 'waiting') {
      const r = await cancelSignIn(platform.id);
      if (!r.ok && r.error.code !== 'NOT_WAITING') return setFlagError(r.error);
    }
    await setFlag({ useCloud: false });
  };

  return (
    <div className="form-grid">
      <label htmlFor="detail-type">{t('detail.type')}</label>
      <input id="detail-type" value={t(`types.${platform.type}`)} readOnly />
      <label htmlFor="detail-name">{t('detail.name')}</label>
      <input
        id="detail-name"
        {...nameField.inputProps('detail-name-error')}
        // What the field shows, not the last rendered state: Enter right after typing saves what was typed.
        onBlur={(e) => void saveName(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void saveName(e.currentTarget.value);
          }
        }}
      />
      <ErrorMessage error={nameError} id="detail-name-error" />
      {suggestion && normalizePlatformName(name) !== suggestion && (
        <div className="span-all">
          {/* mousedown would blur the field and save the refused name once more first */}
          <button
            type="button"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              setName(suggestion);
              void saveName(suggestion);
            }}
          >
            {t('newDialog.useSuggestion', { suggestion })}
          </button>
        </div>
      )}
      <CheckRow
        id="detail-active"
        checked={flags.active}
        onChange={(active) => void setFlag({ active })}
        label={t('detail.active')}
        hint={t('inactive.hint')}
      />
      <CheckRow
        id="detail-cloud"
        checked={flags.useCloud}
        onChange={(useCloud) => {
          if (!useCloud && cloudOffNeedsConfirm(platform)) setAskCloudOff(true);
          else void setFlag({ useCloud });
        }}
        label={t('detail.useCloud')}
        hint={t('detail.useCloudHint')}
      />
      <ErrorMessage error={flagError} />
      {askCloudOff && (
        <CloudOffDialog platform={platform} onConfirm={() => void cloudOff()} onClose={() => setAskCloudOff(false)} />
      )}
    </div>
  );
}
