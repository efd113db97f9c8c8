// A per-platform timeline of every sign-in step (time, step, outcome, redacted details) that support
// staff can look at and export. Details are redacted: no query strings, tokens, codes or secrets.
import type { AmazonRequest } from '../../shared/cloud-api';
import type { ErrorCode } from '../../shared/error-codes';
import { stepSentence, type TimelineStep } from '../../shared/timeline-step-ids';
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

  /**
   * A step (shared/timeline-step-ids.ts: its id, params and texts), stored as its English sentence with
   * the id and params beside it. `extra`: the failed step's error code, the ids support needs (the cloud's
   * authorization), a call the cloud made to Amazon.
   */
  add(
    platformId: string,
    step: TimelineStep,
    outcome: TimelineEntry['outcome'],
    detail?: string,
    extra: { code?: ErrorCode; authorizationId?: string; amazon?: AmazonRequest } = {},
  ): void {
    const all = this.all();
    const safe = detail ? redact(detail) : undefined;
    const entry: TimelineEntry = {
      at: new Date(this.now()).toISOString(),
      step: stepSentence(step),
      stepId: step.id,
      ...('params' in step ? { params: step.params } : {}),
      outcome,
      ...(safe ? { detail: safe } : {}),
      ...(extra.code ? { code: extra.code } : {}),
      ...(extra.authorizationId ? { authorizationId: extra.authorizationId } : {}),
      ...(extra.amazon ? { amazon: extra.amazon } : {}),
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
