// "Über Amazon anmelden": Seller Central's Re-Authorize and the Appstore's Authorize now end on the
// cloud's page, which finds the platform by the seller's id; when that is not enough (a new seller, or the
// seller in several platforms) it asks for this short code. The code is shown once and not stored here.
import { useState } from 'react';
import { useTranslation } from '../../i18n';
import type { AppError } from '../../../../shared/result';
import { getApi } from '../../api';
import { formatTime } from '../../format/dates';
import { ErrorMessage } from '../../components/ErrorMessage';

export function PairingCodePanel({ platformId }: { platformId: string }) {
  const { t, i18n } = useTranslation();
  const [pairing, setPairing] = useState<{ code: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const show = async () => {
    setBusy(true);
    setError(null);
    const r = await getApi().getPairingCode({ id: platformId });
    setBusy(false);
    if (r.ok) setPairing(r.value);
    else setError(r.error);
  };

  return (
    <fieldset className="group info" data-testid="pairing-code">
      <legend>{t('pairing.title')}</legend>
      <p>{t('pairing.text')}</p>
      <div className="inline">
        <button type="button" disabled={busy} onClick={() => void show()}>
          {pairing ? t('pairing.again') : t('pairing.show')}
        </button>
        {pairing && (
          <span>
            <strong className="pairing-code" aria-label={t('pairing.codeLabel')}>
              {pairing.code}
            </strong>{' '}
            {t('pairing.validUntil', { time: formatTime(pairing.expiresAt, i18n.language) })}
          </span>
        )}
      </div>
      <ErrorMessage error={error} />
    </fieldset>
  );
}
