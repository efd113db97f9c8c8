// "Status der Anmeldung": one line for the status (data-testid="auth-status") and the lines that
// explain it — the countdown while waiting, the renewal date, what stays valid, what went wrong, and
// a warning when the same seller account is connected to another platform too.
import { forwardRef } from 'react';
import type { Platform } from '../../../../shared/platform';
import { otherPlatformsWithSeller } from '../../../../shared/valid-authorization';
import { errorText, useTranslation } from '../../i18n';
import { useNow } from '../../hooks/useNow';
import { formatCountdown, formatDate, formatDateTime, formatTime } from '../../format/dates';
import { usePlatforms } from '../../store/platforms';
import { renewalState } from '../../../../shared/renewal';

export const AuthStatus = forwardRef<HTMLDivElement, { platform: Platform }>(function AuthStatus({ platform }, ref) {
  const { t, i18n } = useTranslation();
  const all = usePlatforms((s) => s.platforms);
  const lng = i18n.language;
  const auth = platform.auth;
  const now = useNow(auth.status === 'waiting' || auth.status === 'authenticated');

  let main: string;
  const lines: { text: string; tone?: 'warn' | 'error'; key: string }[] = [];
  switch (auth.status) {
    case 'not_authenticated':
      main = t('status.not_authenticated');
      break;
    case 'waiting':
      main = t('status.waiting');
      if (auth.previous)
        lines.push({
          key: 'prev',
          text: t('cred.previousValid', {
            id: auth.previous.sellingPartnerId,
            date: formatDateTime(auth.previous.authorizedAt, lng),
          }),
        });
      if (auth.cloudUnreachableSince)
        lines.push({
          key: 'cloud',
          tone: 'warn',
          text: t('cred.cloudUnreachable', { time: formatTime(auth.cloudUnreachableSince, lng) }),
        });
      // What the merchant reported Seller Central shows, when waiting goes on (SellerCentralErrorPicker).
      if (auth.hint)
        lines.push({
          key: 'hint',
          tone: 'warn',
          text: errorText(t, { code: auth.hint.code, ...(auth.hint.params ? { params: auth.hint.params } : {}) }),
        });
      break;
    case 'seller_changed':
      main = t('status.seller_changed');
      lines.push({ key: 'valid', text: t('cred.sellerChangeValid') });
      break;
    case 'authenticated':
      main = auth.storeName
        ? t('cred.authenticatedSinceStore', {
            date: formatDateTime(auth.authorizedAt, lng),
            id: auth.sellingPartnerId,
            store: auth.storeName,
          })
        : t('cred.authenticatedSince', { date: formatDateTime(auth.authorizedAt, lng), id: auth.sellingPartnerId });
      if (auth.renewalDueAt) {
        const kind = renewalState(auth.renewalDueAt, now)?.kind ?? 'ok';
        const key =
          kind === 'overdue' ? 'cred.renewalOverdue' : kind === 'soon' ? 'cred.renewalSoon' : 'cred.renewalDue';
        lines.push({
          key: 'renew',
          tone: kind === 'ok' ? undefined : 'warn',
          text: t(key, { date: formatDate(auth.renewalDueAt, lng) }),
        });
      }
      if (
        auth.previousSellingPartnerId &&
        auth.previousSellingPartnerId !== auth.sellingPartnerId &&
        !platform.marketplaces
      ) {
        lines.push({ key: 'switched', tone: 'warn', text: t('cred.switched', { old: auth.previousSellingPartnerId }) });
      }
      break;
    default: {
      const fallback =
        auth.status === 'expired' ? 'AUTH_TIMEOUT' : auth.status === 'cancelled' ? 'AUTH_CANCELLED' : 'INTERNAL';
      const error = auth.error ?? { code: fallback };
      main = t(`status.${auth.status}`);
      // The user's own cancel is information, not an error.
      if (auth.status === 'cancelled' && error.code === 'AUTH_CANCELLED')
        lines.push({ key: 'why', text: t('cred.cancelledByUser') });
      // A region change is the merchant's own step: what to do next, not an error.
      else
        lines.push({
          key: 'why',
          tone: auth.status === 'sign_in_required' ? 'warn' : 'error',
          text: errorText(t, error),
        });
      if (auth.previous)
        lines.push({
          key: 'prev',
          text: t('cred.previousKept', {
            id: auth.previous.sellingPartnerId,
            date: formatDateTime(auth.previous.authorizedAt, lng),
          }),
        });
    }
  }
  const twins = otherPlatformsWithSeller(all, platform);
  if (twins.length > 0)
    lines.push({
      key: 'twin',
      tone: 'warn',
      text: t('cred.duplicateSeller', { names: twins.map((o) => o.name).join('“, „') }),
    });

  return (
    <div className="auth-status" aria-live="polite">
      <div
        ref={ref}
        tabIndex={-1}
        data-testid="auth-status"
        data-status={auth.status}
        className={`status-main status-${auth.status}`}
      >
        {main}
      </div>
      {auth.status === 'waiting' && (
        <div className="countdown">
          {t('cred.remaining')}:{' '}
          <span data-testid="auth-countdown" role="timer" aria-live="off">
            {formatCountdown(new Date(auth.expiresAt).getTime() - now)}
          </span>
        </div>
      )}
      {lines.map((l) => (
        <div key={l.key} data-testid={`auth-line-${l.key}`} className={l.tone ? `${l.tone}-text` : 'hint'}>
          {l.text}
        </div>
      ))}
    </div>
  );
});
