// The question after AKTUALISIEREN brought another seller account: both sellers named (store name and
// Händler-ID), what each answer does, and the two answers. The previous connection stays valid until then.
import { useState } from 'react';
import { useTranslation } from '../i18n';
import type { Platform } from '../../../shared/platform';
import { otherPlatformsWithSeller } from '../../../shared/valid-authorization';
import type { AppError } from '../../../shared/result';
import { usePlatforms } from '../store/platforms';
import { ErrorMessage } from './ErrorMessage';
import { sellerLabel } from './seller-label';

export function SellerChangePrompt({ platform }: { platform: Platform }) {
  const { t } = useTranslation();
  const resolve = usePlatforms((s) => s.resolveSellerChange);
  const all = usePlatforms((s) => s.platforms);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  if (platform.auth.status !== 'seller_changed') return null;
  const { previous, next } = platform.auth;
  const twins = otherPlatformsWithSeller(all, platform, next.sellingPartnerId);

  const answer = async (decision: 'keep' | 'switch') => {
    setBusy(true);
    const r = await resolve(platform.id, decision);
    setBusy(false);
    setError(r.ok ? null : r.error);
  };

  return (
    <section className="seller-change span-all" role="alertdialog" aria-labelledby="seller-change-title" aria-describedby="seller-change-question" data-testid="seller-change">
      <h3 id="seller-change-title">{t('cred.sellerChangeTitle')}</h3>
      <p id="seller-change-question">{t('cred.sellerChangeQuestion')}</p>
      <ul>
        <li>{t('cred.sellerChangeOld', { seller: sellerLabel(t, previous) })}</li>
        <li>
          <strong>{t('cred.sellerChangeNew', { seller: sellerLabel(t, next) })}</strong>
        </li>
      </ul>
      {twins.length > 0 && <p className="warn-text">{t('cred.sellerChangeAlsoOn', { names: twins.map((o) => o.name).join('“, „') })}</p>}
      <div className="seller-change-answers">
        <div>
          <button type="button" disabled={busy} onClick={() => void answer('keep')} aria-describedby="seller-keep-hint">
            {t('cred.sellerChangeKeep')}
          </button>
          <span id="seller-keep-hint" className="hint">
            {t('cred.sellerChangeKeepHint')}
          </span>
        </div>
        <div>
          <button type="button" disabled={busy} onClick={() => void answer('switch')} aria-describedby="seller-switch-hint">
            {t('cred.sellerChangeSwitch')}
          </button>
          <span id="seller-switch-hint" className="hint">
            {t('cred.sellerChangeSwitchHint')}
          </span>
        </div>
      </div>
      <ErrorMessage error={error} />
    </section>
  );
}
