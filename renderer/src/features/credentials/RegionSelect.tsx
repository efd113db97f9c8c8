// Region: every Amazon country as "DE – Deutschland", grouped by region (NA/EU/FE). Locked while a
// sign-in runs. Moving a signed-in platform to another region asks first: the sign-in is for its region
// only, so the change ends it (the core then shows "Neu anmelden erforderlich" and refuses to import).
import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Dialog } from '../../components/Dialog';
import { COUNTRIES, REGIONS, countryByCode } from '../../../../shared/amazon-regions';
import type { Platform } from '../../../../shared/platform';
import { validAuthorization } from '../../../../shared/valid-authorization';
import type { AppError } from '../../../../shared/result';
import { usePlatforms } from '../../store/platforms';

export function countryLabel(code: string, lng: string): string {
  const c = countryByCode(code);
  return c ? `${c.code} – ${lng === 'en' ? c.nameEn : c.nameDe}` : code;
}

const regionOf = (code: string | undefined) => (code ? countryByCode(code)?.region : undefined);

export function RegionSelect({ platform }: { platform: Platform }) {
  const { t, i18n } = useTranslation();
  const update = usePlatforms((s) => s.update);
  const [error, setError] = useState<AppError | null>(null);
  const [asking, setAsking] = useState<string | null>(null);
  const waiting = platform.auth.status === 'waiting' || platform.auth.status === 'seller_changed';
  const valid = validAuthorization(platform);
  // The region the valid sign-in was made for: the cloud registration's, else the one on screen.
  const signedInRegion = valid ? regionOf(platform.cloudCountryCode ?? platform.countryCode) : undefined;

  const change = async (countryCode: string, confirmed = false) => {
    if (!confirmed && signedInRegion && regionOf(countryCode) !== signedInRegion) {
      setAsking(countryCode);
      return;
    }
    setAsking(null);
    const r = await update(platform.id, { countryCode, ...(confirmed ? { confirmRegionChange: true as const } : {}) });
    setError(r.ok ? null : r.error);
    if (confirmed) document.getElementById('detail-region')?.focus();
  };

  const describedBy = ['region-account', waiting && 'region-locked'].filter(Boolean).join(' ');
  const target = asking ? regionOf(asking) : undefined;

  return (
    <>
      <label htmlFor="detail-region">{t('cred.region')}</label>
      <div className="field-stack">
        <select
          id="detail-region"
          value={platform.countryCode}
          disabled={waiting}
          aria-describedby={describedBy}
          onChange={(e) => void change(e.target.value)}
        >
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
          {t('cred.regionAccount', {
            country: platform.countryCode,
            region: t(`regions.${regionOf(platform.countryCode) ?? 'EU'}`),
          })}
        </span>
        {waiting && (
          <span id="region-locked" className="hint">
            {t('cred.regionLocked')}
          </span>
        )}
        <ErrorMessage error={error} inline />
      </div>
      {asking && signedInRegion && target && valid && (
        <Dialog
          title={t('cred.regionConfirmTitle')}
          onClose={() => setAsking(null)}
          footer={[
            { label: t('cred.regionConfirmKeep'), onClick: () => setAsking(null) },
            { label: t('cred.regionConfirmChange'), kind: 'danger', onClick: () => void change(asking, true) },
          ]}
        >
          <p data-testid="region-confirm-text">
            {t('cred.regionConfirmText', {
              from: t(`regions.${signedInRegion}`),
              to: t(`regions.${target}`),
              country: countryLabel(asking, i18n.language),
              id: valid.sellingPartnerId,
            })}
          </p>
          {(platform.marketplaces?.length ?? 0) > 0 && (
            <p className="warn-text">{t('cred.regionConfirmMarketplaces')}</p>
          )}
        </Dialog>
      )}
    </>
  );
}
