import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';

interface Props {
  name: string;
  onConfirm(): void;
  onClose(): void;
}

export function ConfirmDeleteDialog({ name, onConfirm, onClose }: Props) {
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
          <button type="button" className="danger" onClick={onConfirm}>
            {t('deleteDialog.confirm')}
          </button>
        </>
      }
    >
      <p>{t('deleteDialog.question', { name })}</p>
    </Dialog>
  );
}
