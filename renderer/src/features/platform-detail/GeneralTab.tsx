// Tab "Allgemein": Bezeichnung, Aktiv, Cloud verwenden. Every change is saved at once through
// updatePlatform; a refused value is shown next to its field and the field keeps what was typed.
// The name follows the one name rule (shared/platform-name.ts), checked here first for a German message.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../i18n';
import { ErrorMessage } from '../../components/ErrorMessage';
import type { Platform } from '../../../../shared/platform';
import { normalizePlatformName, PLATFORM_NAME_MAX, platformNameProblem } from '../../../../shared/platform-name';
import type { AppError } from '../../../../shared/result';
import { usePlatforms } from '../../store/platforms';
import { useUi } from '../../store/ui';
import { CloudOffDialog, cloudOffNeedsConfirm } from './CloudOffDialog';

/** `onCloudOn`: "Cloud verwenden" was ticked and saved (the detail then shows ZUGANGSDATEN, where the sign-in is). */
export function GeneralTab({ platform, onCloudOn }: { platform: Platform; onCloudOn?: () => void }) {
  const { t } = useTranslation();
  const update = usePlatforms((s) => s.update);
  const cancelSignIn = usePlatforms((s) => s.cancelSignIn);
  const { nameEdit, editName } = useUi();
  const [name, setName] = useState(platform.name);
  const [nameError, setNameError] = useState<AppError | null>(null);
  const [flagError, setFlagError] = useState<AppError | null>(null);
  const [askCloudOff, setAskCloudOff] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);

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

  const refused = (error: AppError) => {
    setNameError(error);
    nameInput.current?.focus();
  };

  const saveName = async (value = name) => {
    const problem = platformNameProblem(value);
    if (problem) return refused({ code: problem });
    if (normalizePlatformName(value) === platform.name) return setNameError(null);
    const r = await update(platform.id, { name: value });
    if (r.ok) setNameError(null);
    else refused(r.error);
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

  const suggestion =
    nameError?.code === 'PLATFORM_NAME_TAKEN' && typeof nameError.params?.suggestion === 'string'
      ? nameError.params.suggestion
      : undefined;

  return (
    <div className="form-grid">
      <label htmlFor="detail-type">{t('detail.type')}</label>
      <input id="detail-type" value={t(`types.${platform.type}`)} readOnly />
      <label htmlFor="detail-name">{t('detail.name')}</label>
      <input
        id="detail-name"
        ref={nameInput}
        value={name}
        maxLength={PLATFORM_NAME_MAX}
        aria-invalid={nameError ? true : undefined}
        aria-describedby={nameError ? 'detail-name-error' : undefined}
        onChange={(e) => {
          setName(e.target.value);
          setNameError(null);
        }}
        onBlur={() => void saveName()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void saveName();
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
      <span />
      <label className="check">
        <input
          type="checkbox"
          checked={flags.active}
          onChange={(e) => void setFlag({ active: e.target.checked })}
          aria-describedby="detail-active-hint"
        />
        {t('detail.active')}
      </label>
      <span />
      <p id="detail-active-hint" className="hint">
        {t('inactive.hint')}
      </p>
      <span />
      <label className="check">
        <input
          type="checkbox"
          checked={flags.useCloud}
          onChange={(e) => {
            if (!e.target.checked && cloudOffNeedsConfirm(platform)) setAskCloudOff(true);
            else void setFlag({ useCloud: e.target.checked });
          }}
          aria-describedby="detail-cloud-hint"
        />
        {t('detail.useCloud')}
      </label>
      <span />
      <p id="detail-cloud-hint" className="hint">
        {t('detail.useCloudHint')}
      </p>
      <ErrorMessage error={flagError} />
      {askCloudOff && (
        <CloudOffDialog platform={platform} onConfirm={() => void cloudOff()} onClose={() => setAskCloudOff(false)} />
      )}
    </div>
  );
}
