// The question after AKTUALISIEREN brought another seller account: both sellers named (store name and
// Händler-ID), what each answer does, and the two answers. The previous connection stays valid until then.
import { useState } from 'react';
import { useTranslation } from '../../i18n';
import type { Platform } from '../../../../shared/platform';
import { otherPlatformsWithSeller } from '../../../../shared/valid-authorization';
import type { AppError } from '../../../../shared/result';
import { usePlatforms } from '../../store/platforms';
import { ErrorMessage } from '../../components/ErrorMessage';
import { sellerLabel } from '../../components/seller-label';

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
  // The two answers, each with what it does.
  const answers = [
    { decision: 'keep', label: t('cred.sellerChangeKeep'), hint: t('cred.sellerChangeKeepHint') },
    { decision: 'switch', label: t('cred.sellerChangeSwitch'), hint: t('cred.sellerChangeSwitchHint') },
  ] as const;

  return (
    <section
      className="seller-change span-all"
      role="alertdialog"
      aria-labelledby="seller-change-title"
      aria-describedby="seller-change-question"
      data-testid="seller-change"
    >
      <h3 id="seller-change-title">{t('cred.sellerChangeTitle')}</h3>
      <p id="seller-change-question">{t('cred.sellerChangeQuestion')}</p>
      <ul>
        <li>{t('cred.sellerChangeOld', { seller: sellerLabel(t, previous) })}</li>
        <li>
          <strong>{t('cred.sellerChangeNew', { seller: sellerLabel(t, next) })}</strong>
        </li>
      </ul>
      {twins.length > 0 && (
        <p className="warn-text">{t('cred.sellerChangeAlsoOn', { names: twins.map((o) => o.name).join('“, „') })}</p>
      )}
      <div className="seller-change-answers">
        {answers.map(({ decision, label, hint }) => (
          <div key={decision}>
            <button
              type="button"
              disabled={busy}
              onClick={() => void answer(decision)}
              aria-describedby={`seller-${decision}-hint`}
            >
              {label}
            </button>
            <span id={`seller-${decision}-hint`} className="hint">
              {hint}
            </span>
          </div>
        ))}
      </div>
      <ErrorMessage error={error} />
    </section>
  );
}
