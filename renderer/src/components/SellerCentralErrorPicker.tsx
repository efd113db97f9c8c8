// "Seller Central zeigt einen Fehler?": Amazon's refusals stay on its page, so while waiting (and
// after a timeout) the merchant picks what the page shows — the entries are Amazon's own texts from
// the shared catalogue, the same the sandbox shows — or types the code printed there (MD1000,
// MD9999 …). The core answers at once with the specific error (sign-in ended) or a hint (waiting
// goes on); AuthStatus shows it. While waiting the list is one click away; after a timeout it is open.
import { useState } from 'react';
import { useTranslation } from '../i18n';
import { REGIONS, type Region } from '../../../shared/amazon-regions';
import type { Platform } from '../../../shared/platform';
import type { AppError } from '../../../shared/result';
import { SELLER_CENTRAL_ERROR_KEYS, SELLER_CENTRAL_ERRORS, sellerCentralErrorByAmazonCode, type SellerCentralErrorKey } from '../../../shared/seller-central-errors';
import { getApi } from '../api';
import { usePlatforms } from '../store/platforms';
import { ErrorMessage } from './ErrorMessage';

interface Props {
  platform: Platform;
  region: Region;
}

export function SellerCentralErrorPicker({ platform, region }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const timedOut = platform.auth.status === 'expired';
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [unknownCode, setUnknownCode] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const report = async (key: SellerCentralErrorKey, actualRegion?: Region) => {
    setBusy(true);
    setError(null);
    setUnknownCode(null);
    const r = await getApi().reportSellerCentralError({ id: platform.id, key, ...(actualRegion ? { actualRegion } : {}) });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    usePlatforms.setState((s) => ({ platforms: s.platforms.map((p) => (p.id === r.value.id ? r.value : p)) }));
    setOpen(false);
  };

  const explainTyped = () => {
    const entry = sellerCentralErrorByAmazonCode(typed);
    if (entry) return void report(entry.key);
    setUnknownCode(typed.trim().slice(0, 40));
  };

  const listId = `sc-errors-${platform.id}`;
  const showList = timedOut || open;
  return (
    <div className="sc-errors" data-testid="sc-error-picker">
      {!timedOut && (
        <button type="button" className="link-button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
          {t('scErrors.toggle')}
        </button>
      )}
      {showList && (
        <div id={listId} role="group" aria-label={t('scErrors.title')}>
          <p className="hint">{t(timedOut ? 'scErrors.introTimeout' : 'scErrors.intro')}</p>
          <ul className="sc-error-list">
            {SELLER_CENTRAL_ERROR_KEYS.map((key) => {
              const e = SELLER_CENTRAL_ERRORS[key];
              const label = e.amazonText ? e.amazonText[lang] : (t.lookup(`scErrors.labels.${key}`) ?? key);
              const code = e.amazonCode ? ` (${e.amazonCode})` : '';
              if (key === 'wrong_region') {
                return (
                  <li key={key}>
                    <span>{label}</span>{' '}
                    {REGIONS.filter((r) => r !== region).map((r) => (
                      <button key={r} type="button" disabled={busy} onClick={() => void report(key, r)}>
                        {t('scErrors.accountIn', { region: t(`regions.${r}`) })}
                      </button>
                    ))}
                    <button type="button" disabled={busy} onClick={() => void report(key)}>
                      {t('scErrors.regionUnknown')}
                    </button>
                  </li>
                );
              }
              return (
                <li key={key}>
                  <button type="button" className="sc-error-choice" data-key={key} disabled={busy} onClick={() => void report(key)}>
                    {label}
                    {code}
                  </button>
                </li>
              );
            })}
          </ul>
          <form
            className="inline"
            onSubmit={(ev) => {
              ev.preventDefault();
              explainTyped();
            }}
          >
            <label htmlFor={`${listId}-code`}>{t('scErrors.codeLabel')}</label>
            <input id={`${listId}-code`} value={typed} maxLength={40} placeholder="MD1000" onChange={(ev) => setTyped(ev.target.value)} />
            <button type="submit" disabled={busy || !typed.trim()}>
              {t('scErrors.explain')}
            </button>
          </form>
          {unknownCode !== null && (
            <p className="warn-text" role="status">
              {t('scErrors.unknownCode', { code: unknownCode })}
            </p>
          )}
        </div>
      )}
      <ErrorMessage error={error} />
    </div>
  );
}
