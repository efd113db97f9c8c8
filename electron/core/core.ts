// The core: every request from the renderer arrives here as (name, unknown payload), is parsed with
// the contract's schema (dispatch.ts) and routed to the feature module that answers it
// (platform-handlers.ts, cloud-settings-handlers.ts, sign-in/handlers.ts, sandbox/handlers.ts), answered
// with a Result. Events go out through `onEvent`. It knows nothing of Electron: the host hands it small
// interfaces (CoreHost, the store, the vault).
import { EventEmitter } from 'node:events';
import { bestEffort } from '../../shared/best-effort';
import type { AppInfo, EventPayloads } from '../../shared/ipc-contract';
import type { Platform } from '../../shared/platform';
import type { Result } from '../../shared/result';
import { AmazonStartedFollower } from './amazon-started';
import { buildAppInfo } from './app-info';
import { CloudClient, type CloudCredentials } from './cloud-client';
import { CloudSettings } from './cloud-settings';
import { cloudSettingsHandlers } from './cloud-settings-handlers';
import { CloudView } from './cloud-view';
import { Deletions } from './deletions';
import { dispatch } from './dispatch';
import type { Handlers, HandlerModule } from './handlers';
import type { CoreHost, Logger } from './host';
import { platformHandlers } from './platform-handlers';
import { PlatformService } from './platforms';
import type { ProfileStore } from './profile-store';
import { AutoImport } from './auto-import';
import { RenameNotices } from './rename-notices';
import { RenewalReminder } from './renewal';
import { SandboxControl } from './sandbox/control';
import { sandboxHandlers, WITHOUT_SANDBOX } from './sandbox/handlers';
import { SandboxRequests } from './sandbox/requests';
import { signInHandlers } from './sign-in/handlers';
import { SignInManager, type SignInOptions } from './sign-in/index';
import { buildTimelineExport } from './timeline-export';
import { Timeline } from './timeline';
import { UiLanguageSetting } from './ui-language';
import type { VaultStatus } from './vault';

export interface CoreOptions {
  host: CoreHost;
  store: ProfileStore;
  logger: Logger;
  amazon: AppInfo['amazon'];
  vault: VaultStatus;
  storeWarning?: AppInfo['storeWarning'];
  /** Embedded default: the development tenant's credentials, adopted when none are configured. */
  embeddedCloud?: CloudCredentials;
  now?: () => number;
  signIn?: Pick<SignInOptions, 'waitSeconds' | 'backoff' | 'graceMs'>;
  deletionRetry?: { baseMs: number; capMs: number };
  /** How often the renewal reminder looks (default hourly). */
  renewalCheckMs?: number;
  /** Import the marketplaces by themselves after the first authentication (default on). */
  autoImport?: boolean;
}

type EventListener = <E extends keyof EventPayloads>(event: E, payload: EventPayloads[E]) => void;

export class Core {
  private readonly events = new EventEmitter();
  private readonly platforms: PlatformService;
  private readonly settings: CloudSettings;
  private readonly cloud: CloudClient;
  private readonly signIns: SignInManager;
  private readonly deletions: Deletions;
  private readonly amazonStarted: AmazonStartedFollower;
  private readonly timeline: Timeline;
  private readonly renewals: RenewalReminder;
  private readonly language: UiLanguageSetting;
  private readonly handlers: Handlers;
  private readonly renameNotices: RenameNotices;
  private readonly autoImport: AutoImport;
  /** Only when the app runs against the Amazon sandbox. */
  private readonly sandbox: SandboxRequests | undefined;
  private readonly ready: Promise<void>;
  private cloudConfigured = false;

  constructor(private readonly opts: CoreOptions) {
    const now = opts.now ?? Date.now;
    const vault = opts.vault.available ? opts.vault.vault : undefined;
    const platforms = new PlatformService(
      opts.store,
      () => {
        const list = platforms.list();
        this.emit('platformsChanged', list);
        this.sandbox?.settle(list);
        this.autoImport.observe(list);
      },
      () => new Date(now()),
    );
    this.platforms = platforms;
    const settings = (this.settings = new CloudSettings(opts.store.raw, vault));
    const cloud = (this.cloud = new CloudClient(() => settings.credentials(), { now }));
    const timeline = (this.timeline = new Timeline(opts.store.raw, now));
    this.autoImport = new AutoImport({
      platforms,
      cloud,
      timeline,
      logger: opts.logger,
      now,
      enabled: opts.autoImport ?? true,
      skip: (id) => this.sandbox?.takeImportByHand(id) ?? false,
    });
    this.language = new UiLanguageSetting(opts.store.raw);
    const texts = () => this.language.texts();
    const sandboxOrigin = opts.amazon.kind === 'sandbox' ? opts.amazon.sandboxOrigin : undefined;
    const sandbox = (this.sandbox = sandboxOrigin
      ? new SandboxRequests(new SandboxControl(sandboxOrigin), platforms, timeline)
      : undefined);
    const signIns = (this.signIns = new SignInManager({
      platforms,
      cloud,
      host: opts.host,
      timeline,
      logger: opts.logger,
      urlPolicy: sandboxOrigin ? { sandboxOrigin } : {},
      now,
      ...(sandbox ? { beforeStart: (p: Platform) => sandbox.applyArmed(p) } : {}),
      texts,
      ...opts.signIn,
    }));
    const deletions = (this.deletions = new Deletions({
      kv: opts.store.raw,
      platforms,
      cloud,
      settings,
      signIn: signIns,
      timeline,
      logger: opts.logger,
      changed: () => this.emit('appInfoChanged', this.appInfo()),
      now,
      ...(opts.deletionRetry ? { retry: opts.deletionRetry } : {}),
    }));
    this.amazonStarted = new AmazonStartedFollower({
      kv: opts.store.raw,
      cloud,
      settings,
      platforms,
      signIn: signIns,
      logger: opts.logger,
      timeline,
      ...(opts.signIn?.waitSeconds !== undefined ? { waitSeconds: opts.signIn.waitSeconds } : {}),
      ...(opts.signIn?.backoff ? { backoff: opts.signIn.backoff } : {}),
    });
    const renameNotices = (this.renameNotices = new RenameNotices(cloud, platforms, timeline, opts.logger));
    this.renewals = new RenewalReminder({
      platforms,
      kv: opts.store.raw,
      host: opts.host,
      timeline,
      now,
      texts,
      ...(opts.renewalCheckMs ? { intervalMs: opts.renewalCheckMs } : {}),
    });
    // The router: each feature answers its requests; the sandbox's only when a sandbox is configured.
    this.handlers = {
      ...this.appHandlers(now),
      ...platformHandlers({
        platforms,
        cloud,
        timeline,
        deletions,
        cloudView: new CloudView(cloud, platforms, deletions, timeline),
        renameNotices,
        now,
      }),
      ...cloudSettingsHandlers({
        settings,
        now,
        saved: (configured) => {
          this.cloudConfigured = configured;
          this.emit('appInfoChanged', this.appInfo());
          this.amazonStarted.restart();
          if (configured) renameNotices.syncQuietly();
        },
      }),
      ...signInHandlers({ signIns, platforms, cloud, timeline, host: opts.host, amazon: opts.amazon, now }),
      ...(sandbox && sandboxOrigin
        ? sandboxHandlers({ origin: sandboxOrigin, sandbox, platforms, timeline })
        : WITHOUT_SANDBOX),
    } satisfies Handlers;
    this.ready = this.start();
  }

  /** The app's own requests: its info, the UI language, the Protokoll export. */
  private appHandlers(now: () => number): HandlerModule<'getAppInfo' | 'setLanguage' | 'exportTimeline'> {
    return {
      getAppInfo: () => this.appInfo(),
      setLanguage: (p) => {
        const before = this.language.get();
        const language = this.language.set(p.language);
        if (language !== before) this.emit('appInfoChanged', this.appInfo());
        return { language };
      },
      exportTimeline: (p) =>
        buildTimelineExport(
          {
            platforms: this.platforms,
            timeline: this.timeline,
            settings: this.settings,
            cloud: this.cloud,
            ...(this.sandbox ? { sandbox: this.sandbox } : {}),
            appVersion: this.opts.host.appVersion,
            amazon: this.opts.amazon,
            now,
          },
          p.id,
        ),
    };
  }

  /** Adopts the embedded tenant, resumes persisted waits and the queued cloud deletions. */
  private async start(): Promise<void> {
    if (this.opts.embeddedCloud) {
      await this.settings
        .adoptIfUnset(this.opts.embeddedCloud)
        .catch((e: unknown) =>
          this.opts.logger.warn('could not adopt the embedded cloud tenant', { error: String(e) }),
        );
    }
    const unreadable = this.opts.store.unreadableCount();
    if (unreadable > 0)
      this.opts.logger.warn('platform entries this version cannot read are kept in the store file', {
        count: unreadable,
        file: this.opts.store.filePath,
      });
    const view = await bestEffort('reading the cloud settings', this.settings.view(), this.opts.logger);
    this.cloudConfigured = Boolean(view?.url && view.clientId && view.hasSecret);
    this.autoImport.start();
    this.signIns.resumeAll();
    this.deletions.start();
    this.amazonStarted.start();
    this.renewals.start();
    // What the cloud's upgrade renamed, shown on the platform until the merchant acknowledges it.
    if (this.cloudConfigured) this.renameNotices.syncQuietly();
  }

  /** Runs the renewal reminder's check now (it also runs hourly); for hosts waking from sleep and tests. */
  checkRenewals(): void {
    this.renewals.check();
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  appInfo(): AppInfo {
    return buildAppInfo({
      ...this.opts,
      deletionQueue: this.deletions.queue(),
      cloudConfigured: this.cloudConfigured,
      language: this.language.get(),
    });
  }

  /** Entry point for both hosts. Never throws: bad input and failures come back as error values. */
  invoke(name: string, payload: unknown): Promise<Result<unknown>> {
    return dispatch(this.handlers, this.ready, this.opts.logger, name, payload);
  }

  onEvent(listener: EventListener): () => void {
    const wrapped = (e: { name: keyof EventPayloads; payload: unknown }) => listener(e.name, e.payload as never);
    this.events.on('event', wrapped);
    return () => this.events.off('event', wrapped);
  }

  /** For hosts without native notifications (the browser host): the page raises them. */
  notifyRenderer(title: string, body: string): void {
    this.emit('notification', { title, body });
  }

  private emit<E extends keyof EventPayloads>(name: E, payload: EventPayloads[E]) {
    this.events.emit('event', { name, payload });
  }

  async dispose(): Promise<void> {
    this.signIns.stopAll();
    this.amazonStarted.stop();
    this.deletions.stop();
    this.renewals.stop();
    this.events.removeAllListeners();
  }
}
