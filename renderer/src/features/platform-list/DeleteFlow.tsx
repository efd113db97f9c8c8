// Löschen: one dialog in two steps. First the question (warning that the cloud copy goes too, with the
// pointer to Seller Central "Apps verwalten" for a connected platform); if the cloud cannot be reached,
// the same dialog offers to retry or to delete locally with the cloud deletion queued. Other errors go
// to the app's error banner.
import { useState, type ReactNode } from 'react';
import type { Platform } from '../../../../shared/platform';
import type { DeleteOutcome } from '../../../../shared/ipc-contract';
import { usePlatforms } from '../../store/platforms';
import { useTranslation, type TFunction } from '../../i18n';
import { Dialog, type DialogAction } from '../../components/Dialog';
import { ManageAppsPointer } from '../../components/ManageAppsPointer';

interface Props {
  platform: Platform;
  /** With the outcome when the platform was deleted (its cloud copy deleted, or that deletion queued). */
  onDone(deleted: DeleteOutcome | undefined): void;
}

/** What the dialog shows in a step. */
interface Step {
  title: string;
  body: ReactNode;
  footer: DialogAction[];
}

type Run = (mode?: 'localQueue') => void;

function confirmStep(t: TFunction, platform: Platform, busy: boolean, run: Run, cancel: () => void): Step {
  const inCloud = !!platform.cloudPlatformId;
  return {
    title: t('deleteDialog.title'),
    footer: [
      { label: t('deleteDialog.cancel'), onClick: cancel, focus: true },
      { label: t('deleteDialog.confirm'), onClick: () => run(), kind: 'danger', disabled: busy },
    ],
    body: (
      <>
        <p>{t('deleteDialog.question', { name: platform.name })}</p>
        {inCloud && <p className="warn-text">{t('deleteDialog.cloudWarning')}</p>}
        {inCloud && <ManageAppsPointer platformId={platform.id} />}
        {busy && (
          <p className="hint" role="status">
            {t('deleteDialog.busy')}
          </p>
        )}
      </>
    ),
  };
}

/** Deleting in the cloud failed because it cannot be reached: retry, delete locally (cloud deletion queued), or cancel. */
function unreachableStep(t: TFunction, platform: Platform, busy: boolean, run: Run, cancel: () => void): Step {
  return {
    title: t('unreachableDialog.title'),
    footer: [
      { label: t('unreachableDialog.retry'), onClick: () => run(), kind: 'primary', disabled: busy },
      { label: t('unreachableDialog.local'), onClick: () => run('localQueue'), kind: 'danger', disabled: busy },
      { label: t('unreachableDialog.cancel'), onClick: cancel },
    ],
    body: (
      <>
        <p>{t('unreachableDialog.text', { name: platform.name })}</p>
        <p className="hint">{t('unreachableDialog.localHint')}</p>
      </>
    ),
  };
}

export function DeleteFlow({ platform, onDone }: Props) {
  const { t } = useTranslation();
  const { remove, showError } = usePlatforms();
  const [step, setStep] = useState<'confirm' | 'unreachable'>('confirm');
  const [busy, setBusy] = useState(false);

  const run = async (mode?: 'localQueue') => {
    setBusy(true);
    const r = await remove(platform.id, mode);
    setBusy(false);
    if (r.ok) return onDone(r.value);
    if (r.error.code === 'CLOUD_UNREACHABLE' && !mode) return setStep('unreachable');
    showError(r.error);
    onDone(undefined);
  };
  const cancel = () => onDone(undefined);
  const shown = (step === 'confirm' ? confirmStep : unreachableStep)(t, platform, busy, (m) => void run(m), cancel);
  // A step is a dialog of its own for focus: the new step's first button gets it.
  return (
    <Dialog key={step} title={shown.title} onClose={cancel} footer={shown.footer}>
      {shown.body}
    </Dialog>
  );
}
