// Löschen: confirm (warning that the cloud copy goes too); if the cloud cannot be reached, a second
// dialog offers to retry or to delete locally with the cloud deletion queued. Other errors go to the
// app's error banner.
import { useState } from 'react';
import type { Platform } from '../../../../shared/platform';
import type { DeleteOutcome } from '../../../../shared/ipc-contract';
import { usePlatforms } from '../../store/platforms';
import { ConfirmDeleteDialog } from './ConfirmDeleteDialog';
import { CloudUnreachableDialog } from './CloudUnreachableDialog';

interface Props {
  platform: Platform;
  /** With the outcome when the platform was deleted (its cloud copy deleted, or that deletion queued). */
  onDone(deleted: DeleteOutcome | undefined): void;
}

export function DeleteFlow({ platform, onDone }: Props) {
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

  if (step === 'unreachable') {
    return (
      <CloudUnreachableDialog
        name={platform.name}
        busy={busy}
        onRetry={() => void run()}
        onLocal={() => void run('localQueue')}
        onClose={() => onDone(undefined)}
      />
    );
  }
  return (
    <ConfirmDeleteDialog
      name={platform.name}
      inCloud={!!platform.cloudPlatformId}
      platformId={platform.id}
      busy={busy}
      onConfirm={() => void run()}
      onClose={() => onDone(undefined)}
    />
  );
}
