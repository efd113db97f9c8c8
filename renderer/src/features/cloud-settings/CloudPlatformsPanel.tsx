// In Cloud-Zugangsdaten, for support: the tenant's platforms that exist in the cloud but not in this
// desktop (created elsewhere, or left over), each with "Übernehmen" (a local profile for it, keeping
// its authorization) or "In der Cloud löschen" (asked once more).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from '../../i18n';
import type { CloudOnlyPlatform } from '../../../../shared/ipc-contract';
import type { AppError } from '../../../../shared/result';
import { getApi } from '../../api';
import { formatDateTime } from '../../format/dates';
import { usePlatforms } from '../../store/platforms';
import { DataTable } from '../../components/DataTable';

export function CloudPlatformsPanel() {
  const { t, i18n } = useTranslation();
  const [list, setList] = useState<CloudOnlyPlatform[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** What the last action did, for the polite live region (as the import's count). */
  const [done, setDone] = useState('');

  const load = useCallback(async () => {
    const r = await getApi().listCloudOnlyPlatforms();
    if (r.ok) {
      setList(r.value);
      setError(null);
    } else {
      setList(null);
      // Without credentials there is nothing to show; the dialog above is where to fix that.
      setError(r.error.code === 'CLOUD_NOT_CONFIGURED' ? null : r.error);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const act = async (call: () => Promise<{ ok: true } | { ok: false; error: AppError }>, success: string) => {
    setBusy(true);
    setError(null);
    setDone('');
    const r = await call();
    setBusy(false);
    setConfirming(null);
    if (!r.ok) setError(r.error);
    else setDone(success);
    const platforms = await getApi().listPlatforms();
    if (platforms.ok) usePlatforms.setState({ platforms: platforms.value });
    await load();
  };

  if (!list && !error) return null;
  return (
    <section className="cloud-only" aria-labelledby="cloud-only-title">
      <p id="cloud-only-title" className="section-title">
        <strong>{t('cloudOnly.title')}</strong>
      </p>
      <p className="hint">{t('cloudOnly.intro')}</p>
      <p className="ok-text" role="status" data-testid="cloud-only-done">
        {done}
      </p>
      <DataTable
        error={error}
        rows={list}
        empty={t('cloudOnly.none')}
        emptyClass="hint"
        className="grid compact"
        label={t('cloudOnly.title')}
        columns={[t('cloudOnly.name'), t('cloudOnly.region'), t('cloudOnly.status'), t('cloudOnly.actions')]}
        row={(c) => (
          <tr key={c.id}>
            <td>{c.name}</td>
            <td>{c.countryCode}</td>
            <td>
              {c.status === 'authenticated' && c.authorizedAt
                ? t('cred.authenticatedSince', {
                    date: formatDateTime(c.authorizedAt, i18n.language),
                    id: c.sellingPartnerId ?? '',
                  })
                : t('status.not_authenticated')}
            </td>
            <td className="inline">
              <button
                type="button"
                disabled={busy}
                aria-label={t('cloudOnly.adoptLabel', { name: c.name })}
                onClick={() =>
                  void act(
                    () => getApi().adoptCloudPlatform({ cloudPlatformId: c.id }),
                    t('cloudOnly.adopted', { name: c.name }),
                  )
                }
              >
                {t('cloudOnly.adopt')}
              </button>
              {confirming === c.id ? (
                <button
                  type="button"
                  className="danger"
                  disabled={busy}
                  onClick={() =>
                    void act(
                      () => getApi().deleteCloudPlatform({ cloudPlatformId: c.id }),
                      t('cloudOnly.deleted', { name: c.name }),
                    )
                  }
                >
                  {t('cloudOnly.confirmDelete', { name: c.name })}
                </button>
              ) : (
                <button
                  type="button"
                  disabled={busy}
                  aria-label={t('cloudOnly.deleteLabel', { name: c.name })}
                  onClick={() => setConfirming(c.id)}
                >
                  {t('cloudOnly.delete')}
                </button>
              )}
            </td>
          </tr>
        )}
      />
    </section>
  );
}
