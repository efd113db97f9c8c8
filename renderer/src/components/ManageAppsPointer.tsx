// Where the app's access ends on Amazon's side (issue 24, item 8): deleting or disconnecting here removes
// the cloud's token, while the app stays authorized in Seller Central until the merchant removes it
// under "Apps verwalten" (Manage Your Apps; docs/amazon.md §1.12). The button opens that page.
import { useState } from 'react';
import { useTranslation } from '../i18n';
import type { AppError } from '../../../shared/result';
import { getApi } from '../api';
import { ErrorMessage } from './ErrorMessage';

export function ManageAppsPointer({ platformId }: { platformId: string }) {
  const { t } = useTranslation();
  const [error, setError] = useState<AppError | null>(null);
  const open = async () => {
    const r = await getApi().openManageYourApps({ id: platformId });
    setError(r.ok ? null : r.error);
  };
  return (
    <div className="manage-apps" data-testid="manage-apps">
      <p className="hint">{t('connection.amazonNote')}</p>
      <button type="button" onClick={() => void open()}>
        {t('connection.openManageApps')}
      </button>
      <ErrorMessage error={error} />
    </div>
  );
}
