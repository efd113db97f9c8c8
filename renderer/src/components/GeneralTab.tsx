// Tab "Allgemein": Bezeichnung, Aktiv, Cloud verwenden. Every change is saved at once through
// updatePlatform; a refused value is shown next to its field and the field keeps what was typed.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from './ErrorMessage';
import type { Platform } from '../../../shared/platform';
import type { AppError } from '../../../shared/result';
import { usePlatforms } from '../store/platforms';

export function GeneralTab({ platform }: { platform: Platform }) {
  const { t } = useTranslation();
  const update = usePlatforms((s) => s.update);
  const [name, setName] = useState(platform.name);
  const [nameError, setNameError] = useState<AppError | null>(null);
  const [flagError, setFlagError] = useState<AppError | null>(null);

  // The boxes follow the click at once (optimistic) and go back if the core refuses the change.
  const [flags, setFlags] = useState({ active: platform.active, useCloud: platform.useCloud });

  useEffect(() => setName(platform.name), [platform.name]);
  useEffect(() => setFlags({ active: platform.active, useCloud: platform.useCloud }), [platform.active, platform.useCloud]);

  const saveName = async () => {
    if (name.trim() === platform.name) return;
    if (!name.trim()) {
      setNameError({ code: 'NAME_REQUIRED' });
      return;
    }
    const r = await update(platform.id, { name: name.trim() });
    setNameError(r.ok ? null : r.error);
  };

  const setFlag = async (patch: { active?: boolean; useCloud?: boolean }) => {
    setFlags((f) => ({ ...f, ...patch }));
    const r = await update(platform.id, patch);
    setFlagError(r.ok ? null : r.error);
    if (!r.ok) setFlags({ active: platform.active, useCloud: platform.useCloud });
  };

  return (
    <div className="form-grid">
      <label htmlFor="detail-type">{t('detail.type')}</label>
      <input id="detail-type" value={t(`types.${platform.type}`)} readOnly />
      <label htmlFor="detail-name">{t('detail.name')}</label>
      <input
        id="detail-name"
        value={name}
        maxLength={80}
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
      <span />
      <label className="check">
        <input type="checkbox" checked={flags.active} onChange={(e) => void setFlag({ active: e.target.checked })} />
        {t('detail.active')}
      </label>
      <span />
      <label className="check">
        <input type="checkbox" checked={flags.useCloud} onChange={(e) => void setFlag({ useCloud: e.target.checked })} aria-describedby="detail-cloud-hint" />
        {t('detail.useCloud')}
      </label>
      <span />
      <p id="detail-cloud-hint" className="hint">
        {t('detail.useCloudHint')}
      </p>
      <ErrorMessage error={flagError} />
    </div>
  );
}
