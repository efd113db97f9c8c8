// Region: every Amazon country as "DE – Deutschland", grouped by region (NA/EU/FE). Locked while a
// sign-in runs; warns when an authenticated platform is moved to another region.
import { useState } from 'react';
import { useTranslation } from '../i18n';
import { ErrorMessage } from './ErrorMessage';
import { COUNTRIES, REGIONS, countryByCode } from '../../../shared/amazon-regions';
import type { Platform } from '../../../shared/platform';
import type { AppError } from '../../../shared/result';
import { usePlatforms } from '../store/platforms';

export function countryLabel(code: string, lng: string): string {
  const c = countryByCode(code);
  return c ? `${c.code} – ${lng === 'en' ? c.nameEn : c.nameDe}` : code;
}

const regionOf = (code: string | undefined) => (code ? countryByCode(code)?.region : undefined);

export function RegionSelect({ platform }: { platform: Platform }) {
  const { t, i18n } = useTranslation();
  const update = usePlatforms((s) => s.update);
  const [error, setError] = useState<AppError | null>(null);
  // The region the existing authorization was made for: the cloud registration, else the one on screen
  // when the form was opened.
  const [openedRegion] = useState(() => regionOf(platform.countryCode));
  const waiting = platform.auth.status === 'waiting';
  const authRegion = regionOf(platform.cloudCountryCode) ?? openedRegion;
  const regionChanged = platform.auth.status === 'authenticated' && authRegion !== undefined && regionOf(platform.countryCode) !== authRegion;

  const change = async (countryCode: string) => {
    const r = await update(platform.id, { countryCode });
    setError(r.ok ? null : r.error);
  };

  const describedBy = ['region-account', waiting && 'region-locked', regionChanged && 'region-changed'].filter(Boolean).join(' ');

  return (
    <>
      <label htmlFor="detail-region">{t('cred.region')}</label>
      <div className="field-stack">
        <select id="detail-region" value={platform.countryCode} disabled={waiting} aria-describedby={describedBy} onChange={(e) => void change(e.target.value)}>
          {REGIONS.map((region) => (
            <optgroup key={region} label={t(`regions.${region}`)}>
              {COUNTRIES.filter((c) => c.region === region).map((c) => (
                <option key={c.code} value={c.code}>
                  {countryLabel(c.code, i18n.language)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <span id="region-account" className="hint">
          {t('cred.regionAccount', { country: platform.countryCode, region: t(`regions.${regionOf(platform.countryCode) ?? 'EU'}`) })}
        </span>
        {waiting && (
          <span id="region-locked" className="hint">
            {t('cred.regionLocked')}
          </span>
        )}
        {regionChanged && (
          <span id="region-changed" className="warn-text">
            {t('cred.regionChanged')}
          </span>
        )}
        <ErrorMessage error={error} inline />
      </div>
    </>
  );
}
