// "Status der Anmeldung": one line for the status (data-testid="auth-status") and the lines that
// explain it — the countdown while waiting, the renewal date, what stays valid, what went wrong.
import { useTranslation } from 'react-i18next';
import type { Platform } from '../../../shared/platform';
import { errorText } from '../i18n';
import { useNow } from '../hooks/useNow';
import { formatCountdown, formatDate, formatDateTime, formatTime, renewalSoon } from '../format/dates';

export function AuthStatus({ platform }: { platform: Platform }) {
  const { t, i18n } = useTranslation();
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
      if (auth.previous) lines.push({ key: 'prev', text: t('cred.previousValid', { id: auth.previous.sellingPartnerId, date: formatDateTime(auth.previous.authorizedAt, lng) }) });
      if (auth.cloudUnreachableSince) lines.push({ key: 'cloud', tone: 'warn', text: t('cred.cloudUnreachable', { time: formatTime(auth.cloudUnreachableSince, lng) }) });
      // What the merchant reported Seller Central shows, when waiting goes on (SellerCentralErrorPicker).
      if (auth.hint) lines.push({ key: 'hint', tone: 'warn', text: errorText(t, { code: auth.hint.code, ...(auth.hint.params ? { params: auth.hint.params } : {}) }) });
      break;
    case 'authenticated':
      main = t('cred.authenticatedSince', { date: formatDateTime(auth.authorizedAt, lng), id: auth.sellingPartnerId });
      if (auth.renewalDueAt) {
        const soon = renewalSoon(auth.renewalDueAt, now);
        lines.push({ key: 'renew', tone: soon ? 'warn' : undefined, text: t(soon ? 'cred.renewalSoon' : 'cred.renewalDue', { date: formatDate(auth.renewalDueAt, lng) }) });
      }
      if (auth.previousSellingPartnerId && auth.previousSellingPartnerId !== auth.sellingPartnerId) {
        lines.push({ key: 'other', tone: 'warn', text: t('cred.otherSeller', { old: auth.previousSellingPartnerId, new: auth.sellingPartnerId }) });
      }
      break;
    default: {
      const fallback = auth.status === 'expired' ? 'AUTH_TIMEOUT' : auth.status === 'cancelled' ? 'AUTH_CANCELLED' : 'INTERNAL';
      const message = errorText(t, auth.error ?? { code: fallback });
      main = auth.status === 'failed' ? t('cred.failed', { message }) : t(`status.${auth.status}`);
      if (auth.status !== 'failed') lines.push({ key: 'why', tone: 'error', text: message });
      if (auth.previous) lines.push({ key: 'prev', text: t('cred.previousKept', { id: auth.previous.sellingPartnerId, date: formatDateTime(auth.previous.authorizedAt, lng) }) });
    }
  }

  return (
    <div className="auth-status" aria-live="polite">
      <div data-testid="auth-status" data-status={auth.status} className={`status-main status-${auth.status}`}>
        {main}
      </div>
      {auth.status === 'waiting' && (
        <div className="countdown">
          {t('cred.remaining')}: <span data-testid="auth-countdown" role="timer" aria-live="off">{formatCountdown(new Date(auth.expiresAt).getTime() - now)}</span>
        </div>
      )}
      {lines.map((l) => (
        <div key={l.key} className={l.tone ? `${l.tone}-text` : 'hint'}>
          {l.text}
        </div>
      ))}
    </div>
  );
}
