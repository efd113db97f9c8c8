// Next to ANMELDEN (issue 24, item 8): what Amazon requires before it lets a seller authorize an app —
// the primary user (or "Manage Authorized Partners"), the Professional selling plan, the account's region
// (docs/amazon.md §1.3, §1.13). Folded into one line, so the ERP's screen stays as it was; a native
// <details>, so keyboard and screen readers open it like any disclosure.
import { useTranslation } from '../../i18n';
import { countryByCode } from '../../../../shared/amazon-regions';

export function PreflightChecklist({ countryCode }: { countryCode: string }) {
  const { t } = useTranslation();
  const region = t(`regions.${countryByCode(countryCode)?.region ?? 'EU'}`);
  return (
    <details className="preflight" data-testid="preflight">
      <summary>{t('preflight.summary', { region })}</summary>
      <ul>
        <li>{t('preflight.primary')}</li>
        <li>{t('preflight.plan')}</li>
        <li>{t('preflight.region', { region })}</li>
      </ul>
    </details>
  );
}
