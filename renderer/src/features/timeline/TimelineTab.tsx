// Tab "Protokoll": every sign-in step of this platform (local time, German step text with the error
// code beside it, outcome, redacted details), for support staff reproducing a merchant's problem;
// exported as a JSON file with a header for support (built by the core: shared/timeline-export.ts).
import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n';
import type { Platform } from '../../../../shared/platform';
import type { TimelineEntry } from '../../../../shared/ipc-contract';
import type { AppError } from '../../../../shared/result';
import { getApi } from '../../api';
import { formatTimestamp } from '../../format/dates';
import { detailText, stepText } from '../../../../shared/timeline-steps';
import { DataTable } from '../../components/DataTable';

export function exportFileName(platform: Platform, now = new Date()): string {
  const safe = platform.name.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 60);
  return `protokoll-${safe}-${now.toISOString().slice(0, 10)}.json`;
}

export function TimelineTab({ platform }: { platform: Platform }) {
  const { t, i18n } = useTranslation();
  const [entries, setEntries] = useState<TimelineEntry[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  // The platform object changes with every step of a sign-in: reload the timeline with it.
  useEffect(() => {
    let live = true;
    void getApi()
      .getTimeline({ id: platform.id })
      .then((r) => {
        if (!live) return;
        if (r.ok) {
          setEntries(r.value);
          setError(null);
        } else setError(r.error);
      });
    return () => {
      live = false;
    };
  }, [platform]);

  const exportJson = async () => {
    const r = await getApi().exportTimeline({ id: platform.id });
    if (!r.ok) return setError(r.error);
    const body = JSON.stringify(r.value, null, 2);
    const url = URL.createObjectURL(new Blob([body], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName(platform);
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <div>
      <p className="hint">{t('timeline.intro')}</p>
      <div className="toolbar-inline">
        <button type="button" onClick={() => void exportJson()} disabled={!entries?.length}>
          {t('timeline.export')}
        </button>
      </div>
      <DataTable
        error={error}
        rows={entries && [...entries].reverse()}
        empty={t('timeline.empty')}
        emptyClass="empty"
        className="grid"
        label={t('timeline.title')}
        columns={[t('timeline.at'), t('timeline.step'), t('timeline.outcome'), t('timeline.detail')]}
        row={(e, i) => (
          <tr key={`${e.at}-${i}`} data-outcome={e.outcome}>
            <td>{formatTimestamp(e.at, i18n.language)}</td>
            <td>
              {stepText(e, i18n.language === 'en' ? 'en' : 'de')}
              {e.code ? <span className="mono code-beside"> ({e.code})</span> : null}
            </td>
            <td>{t(`timeline.outcomes.${e.outcome}`)}</td>
            <td className="wrap">
              {e.detail
                ? detailText(e.detail, i18n.language === 'en' ? 'en' : 'de', (iso) =>
                    formatTimestamp(iso, i18n.language),
                  )
                : ''}
            </td>
          </tr>
        )}
      />
    </div>
  );
}
