// An upgrade of the cloud renamed this platform in the cloud account (a name that clashed with another
// platform's under the shared name rule got a suffix like " (2)"): a notice on the platform's detail
// until the merchant acknowledges it ("Verstanden"), which ends it in the cloud too. The Protokoll keeps
// the rename and the acknowledgement (electron/core/rename-notices.ts).
import { useState } from 'react';
import { useTranslation } from '../../i18n';
import type { Platform } from '../../../../shared/platform';
import type { AppError } from '../../../../shared/result';
import { formatDate } from '../../format/dates';
import { usePlatforms } from '../../store/platforms';
import { ErrorMessage } from '../../components/ErrorMessage';

export function RenameNoticeBanner({ platform }: { platform: Platform }) {
  const { t, i18n } = useTranslation();
  const acknowledge = usePlatforms((s) => s.acknowledgeRenameNotice);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const notice = platform.cloudRenameNotice;
  if (!notice) return null;

  const params = {
    oldName: notice.oldName,
    newName: notice.newName,
    date: formatDate(notice.renamedAt, i18n.language),
  };
  const onAcknowledge = async () => {
    setBusy(true);
    setError(null);
    const r = await acknowledge(platform.id);
    setBusy(false);
    if (!r.ok) setError(r.error);
  };
  return (
    <div className="banner warning" role="status" data-testid="rename-notice" data-reason={notice.reason}>
      <p>
        {notice.reason === 'normalised' ? t('renameNotice.normalised', params) : t('renameNotice.nameClash', params)}
      </p>
      <p>{t('renameNotice.how')}</p>
      <div className="inline">
        <button type="button" className="primary" disabled={busy} onClick={() => void onAcknowledge()}>
          {t('renameNotice.acknowledge')}
        </button>
      </div>
      <ErrorMessage error={error} />
    </div>
  );
}
