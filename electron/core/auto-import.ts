// "Einstellungen importieren" by itself after the first authentication: when a sign-in completes for an
// active platform that has no marketplaces yet, the core imports them (issue 24, item 8). The merchant's
// *Verwenden* choices are kept by the import itself (settings-import.ts). A failure never touches the
// authentication: it is stored as `autoImport.failed` with the import's error, and the manual button stays.
import type { AuthState, Platform } from '../../shared/platform';
import { CodedError } from '../../shared/result';
import type { CloudClient } from './cloud-client';
import type { Logger } from './host';
import type { PlatformService } from './platforms';
import { importSettings } from './settings-import';
import type { Timeline } from './timeline';

/**
 * Only a sign-in that completes (waiting → Authentifiziert) starts the import. A switch to another seller
 * after AKTUALISIEREN (seller_changed → Authentifiziert) leaves the import to the merchant, as the screen
 * says ("Bitte importieren Sie die Einstellungen für das neue Konto").
 */
const SIGN_IN_STATES: ReadonlySet<AuthState['status']> = new Set(['waiting']);

export class AutoImport {
  private readonly seen = new Map<string, AuthState['status']>();
  private readonly running = new Set<string>();

  constructor(
    private readonly o: {
      platforms: PlatformService;
      cloud: CloudClient;
      timeline: Timeline;
      logger: Logger;
      now: () => number;
      enabled: boolean;
      /** Leaves this sign-in's import to the user (sandbox: an import test case was armed for it). */
      skip?: (id: string) => boolean;
    },
  ) {
    for (const p of o.platforms.list()) this.seen.set(p.id, p.auth.status);
  }

  /**
   * At start: an import that was running when the app ended will not finish; its state goes, so the
   * manual button is free again (the marketplaces, if any, are those of the last import that finished).
   */
  start(): void {
    for (const p of this.o.platforms.list()) {
      if (p.autoImport?.status !== 'running') continue;
      this.o.timeline.add(p.id, { id: 'autoImportUnfinished' }, 'info');
      this.o.platforms.patch(p.id, ({ autoImport: _stale, ...x }) => x);
    }
  }

  /** Called with the list after every change of a platform; starts the import where a sign-in just completed. */
  observe(list: Platform[]): void {
    const ids = new Set<string>();
    for (const p of list) {
      ids.add(p.id);
      const before = this.seen.get(p.id);
      this.seen.set(p.id, p.auth.status);
      if (!this.o.enabled || p.auth.status !== 'authenticated' || before === undefined || !SIGN_IN_STATES.has(before))
        continue;
      if (!p.active || p.marketplaces !== undefined || this.running.has(p.id)) continue;
      if (this.o.skip?.(p.id)) {
        this.o.timeline.add(p.id, { id: 'autoImportSkippedForSandbox' }, 'info');
        continue;
      }
      this.running.add(p.id);
      // Not inside the change that reported it: the import patches the platform itself.
      setImmediate(() => void this.run(p.id));
    }
    for (const id of [...this.seen.keys()]) if (!ids.has(id)) this.seen.delete(id);
  }

  private async run(id: string): Promise<void> {
    const { platforms, timeline } = this.o;
    try {
      const p = platforms.find(id);
      if (!p || p.auth.status !== 'authenticated' || p.marketplaces !== undefined) return;
      timeline.add(id, { id: 'autoImportStarted' }, 'info');
      platforms.patch(id, (x) => ({
        ...x,
        autoImport: { status: 'running', since: new Date(this.o.now()).toISOString() },
      }));
      await importSettings(platforms, this.o.cloud, timeline, id, this.o.now);
    } catch (error) {
      const coded =
        error instanceof CodedError
          ? error
          : new CodedError('INTERNAL', error instanceof Error ? error.message : String(error));
      if (!(error instanceof CodedError))
        this.o.logger.error('automatic settings import failed', { error: coded.message });
      if (!platforms.find(id)) return;
      const { params } = coded;
      platforms.patch(id, (x) => ({
        ...x,
        autoImport: {
          status: 'failed',
          at: new Date(this.o.now()).toISOString(),
          error: { code: coded.code, ...(params ? { params } : {}) },
        },
      }));
    } finally {
      this.running.delete(id);
    }
  }
}
