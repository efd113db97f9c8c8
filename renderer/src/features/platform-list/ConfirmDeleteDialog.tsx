import { useTranslation } from '../../i18n';
import { Dialog } from '../../components/Dialog';
import { ManageAppsPointer } from '../../components/ManageAppsPointer';

interface Props {
  name: string;
  /** The platform is registered in the cloud: say that it is deleted there too. */
  inCloud: boolean;
  /** Given when the platform is connected: the pointer to Seller Central "Apps verwalten" shows. */
  platformId?: string;
  busy?: boolean;
  onConfirm(): void;
  onClose(): void;
}

export function ConfirmDeleteDialog({ name, inCloud, platformId, busy, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('deleteDialog.title')}
      onClose={onClose}
      footer={[
        { label: t('deleteDialog.cancel'), onClick: onClose, focus: true },
        { label: t('deleteDialog.confirm'), onClick: onConfirm, kind: 'danger', disabled: busy },
      ]}
    >
      <p>{t('deleteDialog.question', { name })}</p>
      {inCloud && <p className="warn-text">{t('deleteDialog.cloudWarning')}</p>}
      {inCloud && platformId && <ManageAppsPointer platformId={platformId} />}
      {busy && (
        <p className="hint" role="status">
          {t('deleteDialog.busy')}
        </p>
      )}
    </Dialog>
  );
}
