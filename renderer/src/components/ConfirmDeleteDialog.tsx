import { useTranslation } from '../i18n';
import { Dialog } from './Dialog';

interface Props {
  name: string;
  /** The platform is registered in the cloud: say that it is deleted there too. */
  inCloud: boolean;
  busy?: boolean;
  onConfirm(): void;
  onClose(): void;
}

export function ConfirmDeleteDialog({ name, inCloud, busy, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('deleteDialog.title')}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            {t('deleteDialog.cancel')}
          </button>
          <button type="button" className="danger" disabled={busy} onClick={onConfirm}>
            {t('deleteDialog.confirm')}
          </button>
        </>
      }
    >
      <p>{t('deleteDialog.question', { name })}</p>
      {inCloud && <p className="warn-text">{t('deleteDialog.cloudWarning')}</p>}
      {busy && <p className="hint" role="status">{t('deleteDialog.busy')}</p>}
    </Dialog>
  );
}
