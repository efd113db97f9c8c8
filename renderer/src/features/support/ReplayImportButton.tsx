// Sandbox mode, list toolbar: "Protokoll importieren" reads a merchant's exported Protokoll and has the
// core set its failure up to happen again (a new platform, same country, armed with the seeded account
// and scenario); the new platform opens on ZUGANGSDATEN, where ANMELDEN reproduces it.
import { useRef, useState } from 'react';
import { useTranslation } from '../../i18n';
import { MAX_IMPORT_CHARS } from '../../../../shared/timeline-import-limit';
import type { AppError } from '../../../../shared/result';
import { getApi } from '../../api';
import { usePlatforms } from '../../store/platforms';
import { useUi } from '../../store/ui';
import { ErrorMessage } from '../../components/ErrorMessage';
import { bestEffort } from '../../../../shared/best-effort';

function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsText(file);
  });
}

export function ReplayImportButton() {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<AppError | null>(null);
  const open = useUi((s) => s.open);

  const read = async (file: File | undefined) => {
    setError(null);
    if (!file) return;
    // Checked before reading: a huge file never reaches memory or the core.
    if (file.size > MAX_IMPORT_CHARS) {
      if (input.current) input.current.value = '';
      return setError({ code: 'IMPORT_TOO_LARGE' });
    }
    const text = await bestEffort('reading the chosen file', readText(file));
    // Raw control characters (JSON escapes them; an export never has them) are refused here already.
    if (text === undefined || /(?![\t\n\r])\p{Cc}/u.test(text)) return setError({ code: 'IMPORT_INVALID' });
    const r = await getApi().importTimeline({ text });
    if (input.current) input.current.value = '';
    if (!r.ok) return setError(r.error);
    const created = r.value.platform;
    usePlatforms.setState((s) => ({ platforms: [...s.platforms.filter((p) => p.id !== created.id), created] }));
    open(created.id);
  };

  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        {t('replay.import')}
      </button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        hidden
        aria-label={t('replay.import')}
        data-testid="replay-file"
        onChange={(e) => void read(e.target.files?.[0])}
      />
      <ErrorMessage error={error} inline />
    </>
  );
}
