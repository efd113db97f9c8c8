// From 30 days before Amazon's yearly renewal date (renewalDueAt from the cloud): a banner on the
// platform's detail that says by when, why, and offers both ways to renew — AKTUALISIEREN (a refresh
// sign-in from here) or Seller Central's "Manage Your Apps" → Re-Authorize (which lands on the cloud's
// Login URI). The list shows the same in its status column (PlatformList.renewalNotice).
import { useState } from 'react';
import { useTranslation } from '../../i18n';
import type { Platform } from '../../../../shared/platform';
import type { AppError } from '../../../../shared/result';
import { renewalState } from '../../../../shared/renewal';
import { validAuthorization } from '../../../../shared/valid-authorization';
import { getApi } from '../../api';
import { formatDate } from '../../format/dates';
import { useNow } from '../../hooks/useNow';
import { usePlatforms } from '../../store/platforms';
import { ErrorMessage } from '../../components/ErrorMessage';

export function RenewalBanner({ platform }: { platform: Platform }) {
  const { t, i18n } = useTranslation();
  const signIn = usePlatforms((s) => s.signIn);
  const now = useNow(true, 60_000);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  if (!platform.useCloud || platform.auth.status !== 'authenticated') return null;
  const due = validAuthorization(platform)?.renewalDueAt;
  const state = renewalState(due, now);
  if (!due || !state || state.kind === 'ok') return null;

  const run = async (call: () => Promise<{ ok: true } | { ok: false; error: AppError }>) => {
    setBusy(true);
    setError(null);
    const r = await call();
    setBusy(false);
    if (!r.ok) setError(r.error);
  };
  const date = formatDate(due, i18n.language);
  const text =
    state.kind === 'overdue'
      ? t('renewal.overdue', { date })
      : state.daysLeft === 0
        ? t('renewal.today', { date })
        : t('renewal.soon', { date, count: state.daysLeft });

  return (
    <div className="banner warning" role="status" data-testid="renewal-banner" data-renewal={state.kind}>
      <p>{text}</p>
      <p>{t('renewal.how')}</p>
      <div className="inline">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void run(() => signIn(platform.id, 'refresh'))}
        >
          {t('renewal.refresh')}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => void run(() => getApi().openManageYourApps({ id: platform.id }))}
        >
          {t('renewal.sellerCentral')}
        </button>
      </div>
      <ErrorMessage error={error} />
    </div>
  );
}
