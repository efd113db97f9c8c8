// "Einstellungen importieren": the seller account's marketplaces from SP-API, with a "Verwenden"
// checkbox each; the choice is stored with the profile through selectMarketplaces.
import { useRef, useState } from 'react';
import { useTranslation } from '../../i18n';
import { ErrorMessage } from '../../components/ErrorMessage';
import type { Platform } from '../../../../shared/platform';
import type { AppError } from '../../../../shared/result';
import { usePlatforms } from '../../store/platforms';
import { formatDateTime } from '../../format/dates';
import { countryLabel } from './RegionSelect';
import { ColumnHeads } from '../../components/ColumnHeads';

export function MarketplacePanel({ platform, canImport }: { platform: Platform; canImport: boolean }) {
  const { t, i18n } = useTranslation();
  const importSettings = usePlatforms((s) => s.importSettings);
  const selectMarketplaces = usePlatforms((s) => s.selectMarketplaces);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  // A ticked box follows the click at once (optimistic) and goes back if the core refuses it.
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const markets = (platform.marketplaces ?? []).map((m) => (m.id in pending ? { ...m, selected: pending[m.id]! } : m));

  const importButton = useRef<HTMLButtonElement>(null);
  const [done, setDone] = useState(false);
  const runImport = async () => {
    setBusy(true);
    setDone(false);
    const r = await importSettings(platform.id);
    setBusy(false);
    setError(r.ok ? null : r.error);
    setDone(r.ok);
    // The button was disabled while importing, which sent focus to <body>: back to where the user was.
    importButton.current?.focus();
  };

  const toggle = async (id: string, on: boolean) => {
    const ids = markets.filter((m) => (m.id === id ? on : m.selected)).map((m) => m.id);
    setPending((p) => ({ ...p, [id]: on }));
    const r = await selectMarketplaces(platform.id, ids);
    setPending((p) => {
      const { [id]: _done, ...rest } = p;
      return rest;
    });
    setError(r.ok ? null : r.error);
  };

  const yesNo = (b: boolean) => (b ? t('list.yes') : t('list.no'));

  return (
    <fieldset className="group">
      <legend>{t('market.title')}</legend>
      <div className="inline">
        <button
          ref={importButton}
          type="button"
          disabled={!canImport || busy || platform.autoImport?.status === 'running' || !platform.active}
          onClick={() => void runImport()}
        >
          {t('market.import')}
        </button>
        <span className="hint" role="status">
          {busy
            ? t('market.importing')
            : platform.marketplacesImportedAt
              ? `${t('market.importedAt', { date: formatDateTime(platform.marketplacesImportedAt, i18n.language) })}${done ? ` – ${t('market.importedCount', { count: markets.length })}` : ''}`
              : ''}
        </span>
      </div>
      <ErrorMessage error={error} />
      {/* The import the core started by itself after the first authentication, until one of the merchant's own answers. */}
      {platform.autoImport?.status === 'running' && !busy && (
        <p className="hint" role="status" data-testid="auto-import">
          {t('autoImport.running')}
        </p>
      )}
      {platform.autoImport?.status === 'failed' && !busy && !error && (
        <div data-testid="auto-import">
          <p className="warn-text">{t('autoImport.failed')}</p>
          <ErrorMessage error={platform.autoImport.error} />
        </div>
      )}
      {markets.length === 0 ? (
        <p className="hint">{t('market.none')}</p>
      ) : (
        <table className="grid compact">
          <caption>{t('market.caption')}</caption>
          <ColumnHeads
            labels={[
              t('market.use'),
              t('market.name'),
              t('market.country'),
              t('market.currency'),
              t('market.participating'),
              t('market.suspended'),
            ]}
          />
          <tbody>
            {markets.map((m) => (
              <tr key={m.id}>
                <td className="center">
                  <input
                    type="checkbox"
                    checked={m.selected}
                    aria-label={t('market.useLabel', { name: m.name })}
                    onChange={(e) => void toggle(m.id, e.target.checked)}
                  />
                </td>
                <td>{m.name}</td>
                <td>{countryLabel(m.countryCode, i18n.language)}</td>
                <td>{m.defaultCurrencyCode}</td>
                <td>{yesNo(m.isParticipating)}</td>
                <td className={m.hasSuspendedListings ? 'warn-text' : undefined}>{yesNo(m.hasSuspendedListings)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </fieldset>
  );
}
