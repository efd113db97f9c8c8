import { useTranslation } from '../../i18n';
import { Dialog } from '../../components/Dialog';

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
      footer={[
        { label: t('unreachableDialog.retry'), onClick: onRetry, kind: 'primary', disabled: busy },
        { label: t('unreachableDialog.local'), onClick: onLocal, kind: 'danger', disabled: busy },
        { label: t('unreachableDialog.cancel'), onClick: onClose },
      ]}
    >
      <p>{t('unreachableDialog.text', { name })}</p>
      <p className="hint">{t('unreachableDialog.localHint')}</p>
    </Dialog>
  );
}
