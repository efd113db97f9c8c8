// "Seller Central zeigt einen Fehler?": Amazon's refusals stay on its page, so while waiting (and after
// a timeout) the merchant types the code printed there (MD1000, MD9999 …) — the field comes first — or
// finds the text Amazon shows in a searchable list (Amazon's own texts from the shared catalogue, the
// same the sandbox shows). Picking explains at once (AuthStatus shows it) and keeps waiting: a late
// success still counts, and ending the sign-in is the merchant's choice (issue 24). After
// OFFER_AFTER_MS without an answer from Amazon the list is offered by itself; after a timeout it is open.
import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { REGIONS, type Region } from '../../../../shared/amazon-regions';
import type { Platform } from '../../../../shared/platform';
import type { AppError } from '../../../../shared/result';
import {
  SELLER_CENTRAL_ERROR_KEYS,
  SELLER_CENTRAL_ERRORS,
  sellerCentralErrorByAmazonCode,
  type SellerCentralErrorKey,
} from '../../../../shared/seller-central-errors';
import { getApi } from '../../api';
import { useNow } from '../../hooks/useNow';
import { usePlatforms } from '../../store/platforms';
import { ErrorMessage } from '../../components/ErrorMessage';

/** How long a sign-in waits without Amazon's answer before the list offers itself. */
export const OFFER_AFTER_MS = 120_000;

interface Props {
  platform: Platform;
  region: Region;
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

export function SellerCentralErrorPicker({ platform, region }: Props) {
  const { t, i18n } = useTranslation();
  const cancelSignIn = usePlatforms((s) => s.cancelSignIn);
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const auth = platform.auth;
  const timedOut = auth.status === 'expired';
  const waiting = auth.status === 'waiting';
  const picked = waiting && auth.hint !== undefined;
  const now = useNow(waiting && !picked, 5000);
  const offered = waiting && !picked && now - new Date(auth.startedAt).getTime() >= OFFER_AFTER_MS;
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [unknownCode, setUnknownCode] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const report = async (key: SellerCentralErrorKey, actualRegion?: Region) => {
    setBusy(true);
    setError(null);
    setUnknownCode(null);
    const r = await getApi().reportSellerCentralError({
      id: platform.id,
      key,
      ...(actualRegion ? { actualRegion } : {}),
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    usePlatforms.setState((s) => ({ platforms: s.platforms.map((p) => (p.id === r.value.id ? r.value : p)) }));
    setOpen(false);
  };

  const stop = async () => {
    setBusy(true);
    const r = await cancelSignIn(platform.id);
    setBusy(false);
    if (!r.ok) setError(r.error);
  };

  const explainTyped = () => {
    const entry = sellerCentralErrorByAmazonCode(typed);
    if (entry) return void report(entry.key);
    setUnknownCode(typed.trim().slice(0, 40));
  };

  const label = (key: SellerCentralErrorKey) => {
    const e = SELLER_CENTRAL_ERRORS[key];
    return e.amazonText ? e.amazonText[lang] : (t.lookup(`scErrors.labels.${key}`) ?? key);
  };
  const query = fold(search.trim());
  const shown = SELLER_CENTRAL_ERROR_KEYS.filter(
    (key) => !query || fold(`${label(key)} ${SELLER_CENTRAL_ERRORS[key].amazonCode ?? ''}`).includes(query),
  );

  const listId = `sc-errors-${platform.id}`;
  const showList = timedOut || offered || open;
  return (
    <div className="sc-errors" data-testid="sc-error-picker">
      {picked && (
        <div className="sc-picked" role="status" data-testid="sc-error-picked">
          <p className="hint">{t('scErrors.stillWaiting')}</p>
          <button type="button" disabled={busy} onClick={() => void stop()}>
            {t('scErrors.stop')}
          </button>
        </div>
      )}
      {!timedOut && !offered && (
        <button
          type="button"
          className="link-button"
          aria-expanded={showList}
          aria-controls={listId}
          onClick={() => setOpen(!open)}
        >
          {t(picked ? 'scErrors.toggleAgain' : 'scErrors.toggle')}
        </button>
      )}
      {showList && (
        <div id={listId} role="group" aria-label={t('scErrors.title')} className="sc-error-panel">
          <p className={offered ? 'warn-text' : 'hint'}>
            {t(timedOut ? 'scErrors.introTimeout' : offered ? 'scErrors.introOffered' : 'scErrors.intro')}
          </p>
          <form
            className="inline"
            onSubmit={(ev) => {
              ev.preventDefault();
              explainTyped();
            }}
          >
            <label htmlFor={`${listId}-code`}>{t('scErrors.codeLabel')}</label>
            <input
              id={`${listId}-code`}
              value={typed}
              maxLength={40}
              placeholder="MD1000"
              onChange={(ev) => setTyped(ev.target.value)}
            />
            <button type="submit" disabled={busy || !typed.trim()}>
              {t('scErrors.explain')}
            </button>
          </form>
          {unknownCode !== null && (
            <p className="warn-text" role="status">
              {t('scErrors.unknownCode', { code: unknownCode })}
            </p>
          )}
          <div className="inline">
            <label htmlFor={`${listId}-search`}>{t('scErrors.searchLabel')}</label>
            <input
              id={`${listId}-search`}
              type="search"
              value={search}
              maxLength={80}
              onChange={(ev) => setSearch(ev.target.value)}
              aria-controls={`${listId}-list`}
            />
          </div>
          <ul className="sc-error-list" id={`${listId}-list`} aria-label={t('scErrors.listLabel')}>
            {shown.map((key) => {
              const code = SELLER_CENTRAL_ERRORS[key].amazonCode;
              if (key === 'wrong_region') {
                return (
                  <li key={key} className="sc-error-region">
                    <span>{label(key)}</span>
                    <span className="inline">
                      {REGIONS.filter((r) => r !== region).map((r) => (
                        <button
                          key={r}
                          type="button"
                          className="sc-error-choice"
                          disabled={busy}
                          onClick={() => void report(key, r)}
                        >
                          {t('scErrors.accountIn', { region: t(`regions.${r}`) })}
                        </button>
                      ))}
                      <button
                        type="button"
                        className="sc-error-choice"
                        disabled={busy}
                        onClick={() => void report(key)}
                      >
                        {t('scErrors.regionUnknown')}
                      </button>
                    </span>
                  </li>
                );
              }
              return (
                <li key={key}>
                  <button
                    type="button"
                    className="sc-error-choice"
                    data-key={key}
                    disabled={busy}
                    onClick={() => void report(key)}
                  >
                    {code && <span className="sc-error-code">{code}</span>}
                    {label(key)}
                  </button>
                </li>
              );
            })}
          </ul>
          {shown.length === 0 && (
            <p className="hint" role="status">
              {t('scErrors.noMatch')}
            </p>
          )}
        </div>
      )}
      <ErrorMessage error={error} />
    </div>
  );
}
