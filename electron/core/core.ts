// The core: every request from the renderer arrives here as (name, unknown payload), is parsed with
// the contract's schema, handled, and answered with a Result. Events go out through `onEvent`.
import { EventEmitter } from 'node:events';
import { requestSchemas, type AppInfo, type EventPayloads, type RequestResults, type Requests } from '../../shared/ipc-contract';
import { CodedError, err, ok, type Result } from '../../shared/result';
import type { CoreHost, Logger } from './host';
import { PlatformService } from './platforms';
import type { ProfileStore } from './profile-store';

export interface CoreOptions {
  host: CoreHost;
  store: ProfileStore;
  logger: Logger;
  amazon: AppInfo['amazon'];
  keychain: AppInfo['keychain'];
  storeWarning?: AppInfo['storeWarning'];
}

type Handlers = { [K in keyof Requests]: (payload: import('zod').output<Requests[K]>) => Promise<RequestResults[K]> | RequestResults[K] };
export type EventListener = <E extends keyof EventPayloads>(event: E, payload: EventPayloads[E]) => void;

export class Core {
  private readonly events = new EventEmitter();
  private readonly platforms: PlatformService;
  private readonly handlers: Handlers;

  constructor(private readonly opts: CoreOptions) {
    this.platforms = new PlatformService(opts.store, () => this.emit('platformsChanged', this.platforms.list()));
    this.handlers = {
      getAppInfo: () => ({
        version: opts.host.appVersion,
        host: opts.host.kind,
        amazon: opts.amazon,
        keychain: opts.keychain,
        ...(opts.storeWarning ? { storeWarning: opts.storeWarning } : {}),
      }),
      listPlatforms: () => this.platforms.list(),
      createPlatform: (p) => this.platforms.create(p.type, p.name),
      updatePlatform: (p) => this.platforms.update(p.id, p.patch),
      deletePlatform: (p) => this.platforms.remove(p.id),
    };
  }

  /** Entry point for both hosts. Never throws: bad input and failures come back as error values. */
  async invoke(name: string, payload: unknown): Promise<Result<unknown>> {
    if (!Object.hasOwn(requestSchemas, name)) return err('UNKNOWN_REQUEST', `no request named ${JSON.stringify(name).slice(0, 60)}`);
    const key = name as keyof Requests;
    const parsed = requestSchemas[key].safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return err('INVALID_INPUT', `${key}: ${issue?.path.join('.') || '(payload)'} ${issue?.message ?? ''}`.trim(), {
        field: issue?.path.join('.') ?? '',
        reason: issue?.message ?? '',
      });
    }
    try {
      const handler = this.handlers[key] as (p: unknown) => unknown;
      return ok(await handler(parsed.data));
    } catch (error) {
      if (error instanceof CodedError) return err(error.code, error.message, error.params);
      this.opts.logger.error('request failed', { request: key, error: error instanceof Error ? error.message : String(error) });
      return err('INTERNAL', 'unexpected error; see the log');
    }
  }

  onEvent(listener: EventListener): () => void {
    const wrapped = (e: { name: keyof EventPayloads; payload: unknown }) => listener(e.name, e.payload as never);
    this.events.on('event', wrapped);
    return () => this.events.off('event', wrapped);
  }

  private emit<E extends keyof EventPayloads>(name: E, payload: EventPayloads[E]) {
    this.events.emit('event', { name, payload });
  }

  async dispose(): Promise<void> {
    this.events.removeAllListeners();
  }
}
