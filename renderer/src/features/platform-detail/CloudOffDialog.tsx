// Unticking "Cloud verwenden" on a platform that is connected or signing in: say what happens to the
// cloud connection before anything changes.
import { useTranslation } from '../../i18n';
import type { Platform } from '../../../../shared/platform';
import { validAuthorization } from '../../../../shared/valid-authorization';
import { Dialog } from '../../components/Dialog';
import { sellerLabel } from '../../components/seller-label';

/** Whether unticking "Cloud verwenden" needs the question (a running sign-in or a connection). */
export function cloudOffNeedsConfirm(p: Platform): boolean {
  return p.useCloud && (p.auth.status === 'waiting' || validAuthorization(p) !== undefined);
}

export function CloudOffDialog({
  platform,
  onConfirm,
  onClose,
}: {
  platform: Platform;
  onConfirm(): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const valid = validAuthorization(platform);
  return (
    <Dialog
      title={t('cloudOff.title')}
      onClose={onClose}
      footer={[
        { label: t('cloudOff.cancel'), onClick: onClose },
        { label: t('cloudOff.confirm'), onClick: onConfirm, kind: 'primary' },
      ]}
    >
      {platform.auth.status === 'waiting' && <p className="warn-text">{t('cloudOff.waiting')}</p>}
      {valid && <p>{t('cloudOff.connected', { seller: sellerLabel(t, valid) })}</p>}
      <p>{t('cloudOff.effect')}</p>
    </Dialog>
  );
}
