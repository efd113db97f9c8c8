// E-COMMERCE – PLATTFORMEN: the list of platform profiles. Keyboard: ↑/↓ select, Enter opens,
// Entf/Delete deletes, Einfg/Insert creates.
import { useTranslation, type TFunction } from '../../i18n';
import type { Platform } from '../../../../shared/platform';
import { validAuthorization } from '../../../../shared/valid-authorization';
import { countryByCode } from '../../../../shared/amazon-regions';
import { sellerLabel } from '../../components/seller-label';
import { renewalState } from '../../../../shared/renewal';
import { useNow } from '../../hooks/useNow';
import { formatDate } from '../../format/dates';
import { ColumnHeads } from '../../components/ColumnHeads';

interface Props {
  platforms: Platform[];
  /** Deleted here, their cloud copy's deletion queued (AppInfo): shown after the platforms until it is done. */
  pendingDeletions?: readonly { name: string; queuedAt: string }[];
  selectedId: string | null;
  onSelect(id: string): void;
  onOpen(id: string): void;
  onDelete(id: string): void;
  onNew(): void;
}

/** From 30 days before Amazon's yearly renewal date: soon or overdue, with the date (shared/renewal.ts). */
function renewalNotice(p: Platform, now: number): { kind: 'soon' | 'overdue'; date: string } | undefined {
  if (p.auth.status !== 'authenticated') return undefined;
  const due = validAuthorization(p)?.renewalDueAt;
  const kind = renewalState(due, now)?.kind;
  return due && (kind === 'soon' || kind === 'overdue') ? { kind, date: due } : undefined;
}

function statusLabel(t: TFunction, p: Platform, now: number, lng = 'de'): string {
  if (!p.useCloud && p.auth.status === 'not_authenticated') return t('status.not_authenticated');
  const renewal = renewalNotice(p, now);
  if (renewal)
    return t(renewal.kind === 'soon' ? 'list.renewalSoon' : 'list.renewalOverdue', {
      date: formatDate(renewal.date, lng),
    });
  // Why a sign-in failed, at a glance (the detail has the sentence): the stable code beside the status.
  if (p.auth.status === 'failed' && p.auth.error) return `${t('status.failed')} (${p.auth.error.code})`;
  return t(`status.${p.auth.status}`);
}

export function PlatformList({
  platforms,
  pendingDeletions = [],
  selectedId,
  onSelect,
  onOpen,
  onDelete,
  onNew,
}: Props) {
  const { t, i18n } = useTranslation();
  // The renewal notice changes by the day; a minute is plenty.
  const now = useNow(true, 60_000);
  const index = platforms.findIndex((p) => p.id === selectedId);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = Math.max(0, Math.min(platforms.length - 1, index + (e.key === 'ArrowDown' ? 1 : -1)));
      const p = platforms[next];
      if (p) {
        onSelect(p.id);
        document.getElementById(`row-${p.id}`)?.focus();
      }
    } else if (e.key === 'Enter' && selectedId) {
      e.preventDefault();
      onOpen(selectedId);
    } else if (e.key === 'Delete' && selectedId) {
      e.preventDefault();
      onDelete(selectedId);
    } else if (e.key === 'Insert') {
      e.preventDefault();
      onNew();
    }
  };

  if (platforms.length === 0 && pendingDeletions.length === 0) {
    return <p className="empty">{t('list.empty')}</p>;
  }

  return (
    <table className="grid platforms" aria-label={t('app.title')} onKeyDown={onKeyDown}>
      <colgroup>
        <col className="col-name" />
        <col className="col-type" />
        <col className="col-flag" />
        <col className="col-flag" />
        <col className="col-region" />
        <col className="col-seller" />
        <col className="col-status" />
      </colgroup>
      <ColumnHeads
        labels={[
          t('list.columns.name'),
          t('list.columns.type'),
          t('list.columns.active'),
          t('list.columns.cloud'),
          t('list.columns.region'),
          t('list.columns.seller'),
          t('list.columns.status'),
        ]}
      />
      <tbody>
        {platforms.map((p) => {
          const country = countryByCode(p.countryCode);
          const seller = p.useCloud ? validAuthorization(p) : undefined;
          const sellerText = seller ? sellerLabel(t, seller) : '';
          const regionText =
            p.useCloud && country
              ? `${country.code} – ${i18n.language === 'en' ? country.nameEn : country.nameDe}`
              : '';
          const renewal = p.useCloud ? renewalNotice(p, now) : undefined;
          const statusText = p.useCloud ? statusLabel(t, p, now, i18n.language) : '';
          return (
            <tr
              key={p.id}
              id={`row-${p.id}`}
              tabIndex={p.id === selectedId || (index < 0 && p === platforms[0]) ? 0 : -1}
              aria-selected={p.id === selectedId}
              className={
                [p.id === selectedId ? 'selected' : '', p.active ? '' : 'inactive'].filter(Boolean).join(' ') ||
                undefined
              }
              onClick={() => onSelect(p.id)}
              onFocus={() => onSelect(p.id)}
              onDoubleClick={() => onOpen(p.id)}
            >
              {/* Long texts end in "…" with the whole text as a tooltip, so the status stays in view. */}
              <td className="truncate" title={p.name}>
                {p.name}
              </td>
              <td>{t(`types.${p.type}`)}</td>
              <td>{p.active ? t('list.yes') : t('list.no')}</td>
              <td>{p.useCloud ? t('list.yes') : t('list.no')}</td>
              <td className="truncate" title={regionText || undefined}>
                {regionText}
              </td>
              <td className="truncate" title={sellerText || undefined}>
                {sellerText}
              </td>
              <td
                className={renewal ? 'truncate warn-text' : 'truncate'}
                data-status={p.auth.status}
                data-renewal={renewal?.kind}
                title={statusText || undefined}
              >
                {statusText}
              </td>
            </tr>
          );
        })}
        {pendingDeletions.map((d) => (
          // Not a platform any more: not selectable, only shown (its status says what is still to happen).
          <tr key={`pending-${d.queuedAt}-${d.name}`} className="pending-deletion" data-testid="pending-deletion">
            <td className="truncate" title={d.name}>
              {d.name}
            </td>
            <td>{t('types.amazon')}</td>
            <td />
            <td>{t('list.yes')}</td>
            <td />
            <td />
            <td className="truncate warn-text" data-status="pending_deletion" title={t('list.pendingDeletion')}>
              {t('list.pendingDeletion')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
