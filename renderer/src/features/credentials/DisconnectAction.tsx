// "Verbindung trennen" (issue 24, item 8): keeps the platform, deletes its connection (the cloud side
// with the Amazon token) after a confirm dialog naming what happens and where Amazon's side is revoked.
import { useRef, useState } from 'react';
import { useTranslation } from '../../i18n';
import type { Platform } from '../../../../shared/platform';
import type { AppError } from '../../../../shared/result';
import { usePlatforms } from '../../store/platforms';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ManageAppsPointer } from '../../components/ManageAppsPointer';

export function DisconnectAction({ platform, onDone }: { platform: Platform; onDone(): void }) {
  const { t } = useTranslation();
  const disconnect = usePlatforms((s) => s.disconnect);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const button = useRef<HTMLButtonElement>(null);

  const run = async () => {
    setBusy(true);
    const r = await disconnect(platform.id);
    setBusy(false);
    setAsking(false);
    setError(r.ok ? null : r.error);
    if (r.ok) onDone();
  };

  return (
    <>
      <button ref={button} type="button" onClick={() => setAsking(true)} data-testid="disconnect">
        {t('connection.disconnect')}
      </button>
      <ErrorMessage error={error} />
      {asking && (
        <Dialog
          title={t('connection.title')}
          onClose={() => setAsking(false)}
          footer={[
            { label: t('connection.cancel'), onClick: () => setAsking(false), focus: true },
            { label: t('connection.disconnect'), onClick: () => void run(), kind: 'danger', disabled: busy },
          ]}
        >
          <p>{t('connection.text', { name: platform.name })}</p>
          <ManageAppsPointer platformId={platform.id} />
          {busy && (
            <p className="hint" role="status">
              {t('connection.busy')}
            </p>
          )}
        </Dialog>
      )}
    </>
  );
}
