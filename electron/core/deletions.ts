// Deleting a platform deletes it in the cloud too. If the cloud cannot be reached the user chooses:
// retry, or delete locally with the cloud deletion queued — retried with backoff until it succeeds,
// so nothing is orphaned silently.
import { z } from 'zod';
import type { DeleteOutcome } from '../../shared/ipc-contract';
import { CodedError, type ErrorCode } from '../../shared/result';
import { backoffDelay } from '../../shared/retry';
import type { CloudClient } from './cloud-client';
import type { CloudSettings } from './cloud-settings';
import type { Logger } from './host';
import type { PlatformService } from './platforms';
import type { KeyValueStore } from './profile-store';
import type { SignInManager } from './sign-in/index';
import type { Timeline } from './timeline';

const queuedDeletionSchema = z.object({
  cloudPlatformId: z.string().min(1),
  name: z.string(),
  clientId: z.string(),
  queuedAt: z.string(),
  attempts: z.number().int().min(0),
  nextAttemptAt: z.number(),
  lastError: z.string().optional(),
});
export type QueuedDeletion = z.infer<typeof queuedDeletionSchema>;

/** Failures worth queueing; anything else (e.g. wrong credentials) is shown to the user at once. */
const RETRYABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'CLOUD_UNREACHABLE',
  'RATE_LIMITED',
  'INTERNAL_ERROR',
  'CLOUD_ERROR',
]);

export class Deletions {
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly o: {
      kv: KeyValueStore;
      platforms: PlatformService;
      cloud: CloudClient;
      settings: CloudSettings;
      signIn: SignInManager;
      timeline: Timeline;
      logger: Logger;
      changed: () => void;
      now?: () => number;
      retry?: { baseMs: number; capMs: number };
    },
  ) {}

  private get now() {
    return this.o.now ?? Date.now;
  }

  private get retry() {
    return this.o.retry ?? { baseMs: 30_000, capMs: 15 * 60_000 };
  }

  /** Queue entries read from the file, parsed; entries this version cannot read stay in the file. */
  queue(): QueuedDeletion[] {
    return this.read().good;
  }

  private read(): { good: QueuedDeletion[]; unreadable: unknown[] } {
    const raw = this.o.kv.get('pendingCloudDeletions');
    const good: QueuedDeletion[] = [];
    const unreadable: unknown[] = [];
    for (const item of Array.isArray(raw) ? raw : []) {
      const parsed = queuedDeletionSchema.safeParse(item);
      if (parsed.success) good.push(parsed.data);
      else unreadable.push(item);
    }
    return { good, unreadable };
  }

  private saveQueue(items: QueuedDeletion[]) {
    this.o.kv.set('pendingCloudDeletions', [...items, ...this.read().unreadable]);
    this.o.changed();
  }

  async remove(platformId: string, mode: 'cloud' | 'localQueue' = 'cloud'): Promise<DeleteOutcome> {
    const p = this.o.platforms.get(platformId);
    await this.o.signIn.abandon(platformId);
    let cloud: DeleteOutcome['cloud'] = 'not_registered';
    if (p.cloudPlatformId) {
      try {
        await this.o.cloud.deletePlatform(p.cloudPlatformId);
        cloud = 'deleted';
      } catch (error) {
        const code = error instanceof CodedError ? error.code : 'INTERNAL';
        if (code === 'PLATFORM_NOT_FOUND') cloud = 'deleted';
        else if (mode === 'localQueue' && RETRYABLE.has(code)) {
          const clientId = (await this.o.settings.view()).clientId;
          const firstDelay = this.retry.baseMs;
          this.saveQueue([
            ...this.queue(),
            {
              cloudPlatformId: p.cloudPlatformId,
              name: p.name,
              clientId,
              queuedAt: new Date(this.now()).toISOString(),
              attempts: 1,
              nextAttemptAt: this.now() + firstDelay,
              lastError: code,
            },
          ]);
          cloud = 'queued';
          this.schedule(firstDelay);
        } else throw error;
      }
    }
    this.o.platforms.removeLocal(platformId);
    this.o.timeline.remove(platformId);
    return { id: platformId, cloud };
  }

  /** Tries every queued deletion that is due; keeps the rest for later. */
  async processQueue(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const clientId = (await this.o.settings.view()).clientId;
      const done = new Set<string>();
      const retried = new Map<string, QueuedDeletion>();
      for (const item of this.queue()) {
        if (item.nextAttemptAt > this.now() || item.clientId !== clientId) continue;
        try {
          await this.o.cloud.deletePlatform(item.cloudPlatformId);
          this.o.logger.info('queued cloud deletion done', { name: item.name });
          done.add(item.cloudPlatformId);
        } catch (error) {
          const code = error instanceof CodedError ? error.code : 'INTERNAL';
          if (code === 'PLATFORM_NOT_FOUND') done.add(item.cloudPlatformId);
          else {
            const delay = Math.max(this.retry.baseMs, backoffDelay(item.attempts, this.retry));
            retried.set(item.cloudPlatformId, {
              ...item,
              attempts: item.attempts + 1,
              nextAttemptAt: this.now() + delay,
              lastError: code,
            });
          }
        }
      }
      // Applied to the queue as it is now: a deletion queued while this ran is kept.
      if (done.size || retried.size) {
        this.saveQueue(
          this.queue()
            .filter((q) => !done.has(q.cloudPlatformId))
            .map((q) => retried.get(q.cloudPlatformId) ?? q),
        );
      }
    } finally {
      this.running = false;
    }
    const next = Math.min(...this.queue().map((q) => q.nextAttemptAt));
    if (Number.isFinite(next)) this.schedule(Math.max(this.retry.baseMs, next - this.now()));
  }

  start(): void {
    if (this.queue().length) this.schedule(0);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(ms: number) {
    this.stop();
    this.timer = setTimeout(
      () =>
        void this.processQueue().catch((e: unknown) =>
          this.o.logger.error('deletion queue failed', { error: String(e) }),
        ),
      ms,
    );
    this.timer.unref?.();
  }
}
