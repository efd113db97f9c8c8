import { useTranslation } from '../i18n';
import { Dialog } from './Dialog';

interface Props {
  name: string;
  busy?: boolean;
  onRetry(): void;
  onLocal(): void;
  onClose(): void;
}

/** Deleting in the cloud failed because it cannot be reached: retry, delete locally (cloud deletion queued), or cancel. */
export function CloudUnreachableDialog({ name, busy, onRetry, onLocal, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('unreachableDialog.title')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="primary" disabled={busy} onClick={onRetry}>
            {t('unreachableDialog.retry')}
          </button>
          <button type="button" className="danger" disabled={busy} onClick={onLocal}>
            {t('unreachableDialog.local')}
          </button>
          <button type="button" onClick={onClose}>
            {t('unreachableDialog.cancel')}
          </button>
        </>
      }
    >
      <p>{t('unreachableDialog.text', { name })}</p>
      <p className="hint">{t('unreachableDialog.localHint')}</p>
    </Dialog>
  );
}
