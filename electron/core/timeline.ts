// A per-platform timeline of every sign-in step (time, step, outcome, redacted details) that support
// staff can look at and export. Details are redacted: no query strings, tokens, codes or secrets.
import type { TimelineEntry } from '../../shared/ipc-contract';
import type { KeyValueStore } from './profile-store';

const MAX_ENTRIES = 200;

/** Removes anything that could be a credential from a detail text. */
function redact(text: string): string {
  return text
    .replace(/(https?:\/\/[^\s?#]+)[?#][^\s]*/g, '$1?…')
    .replace(/\b(Atz[ar]\|[^\s"']+)/g, '[token]')
    .replace(/\b(eyJ[\w-]+\.[\w-]+\.[\w-]+)/g, '[jwt]')
    .replace(/((?:secret|password|token|code|state)["']?\s*[:=]\s*["']?)[^\s"',}&]+/gi, '$1[redacted]');
}

export class Timeline {
  constructor(
    private readonly kv: KeyValueStore,
    private readonly now: () => number = Date.now,
  ) {}

  private all(): Record<string, TimelineEntry[]> {
    const raw = this.kv.get('timelines');
    return raw && typeof raw === 'object' ? (raw as Record<string, TimelineEntry[]>) : {};
  }

  /** `ref` ties the entry to ids support needs (the cloud's authorization). */
  add(platformId: string, step: string, outcome: TimelineEntry['outcome'], detail?: string, amazon?: TimelineEntry['amazon'], ref?: { authorizationId?: string }): void {
    const all = this.all();
    const safe = detail ? redact(detail) : undefined;
    // A detail starting with a stable error code ("LWA_INVALID_GRANT: …") keeps the code beside the step.
    const code = safe && /^([A-Z][A-Z0-9_]{2,60})(?::|$)/.exec(safe)?.[1];
    const entry: TimelineEntry = {
      at: new Date(this.now()).toISOString(),
      step,
      outcome,
      ...(safe ? { detail: safe } : {}),
      ...(code ? { code } : {}),
      ...(ref?.authorizationId ? { authorizationId: ref.authorizationId } : {}),
      ...(amazon ? { amazon } : {}),
    };
    all[platformId] = [...(all[platformId] ?? []), entry].slice(-MAX_ENTRIES);
    this.kv.set('timelines', all);
  }

  list(platformId: string): TimelineEntry[] {
    return this.all()[platformId] ?? [];
  }

  remove(platformId: string): void {
    const all = this.all();
    delete all[platformId];
    this.kv.set('timelines', all);
  }
}
