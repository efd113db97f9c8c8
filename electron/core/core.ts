// The core: every request from the renderer arrives here as (name, unknown payload), is parsed with
// the contract's schema, handled, and answered with a Result. Events go out through `onEvent`.
// It knows nothing of Electron: the host hands it small interfaces (CoreHost, the store, the vault).
import { EventEmitter } from 'node:events';
import type { z } from 'zod';
import { requestSchemas, type AppInfo, type EventPayloads, type RequestResults, type Requests } from '../../shared/ipc-contract';
import { CodedError, err, ok, type Result } from '../../shared/result';
import { CloudClient, type CloudCredentials } from './cloud-client';
import { CloudSettings } from './cloud-settings';
import { Deletions } from './deletions';
import type { CoreHost, Logger } from './host';
import { nameTaken, PlatformService } from './platforms';
import type { ProfileStore } from './profile-store';
import { sandboxHint } from './sandbox-hint';
import { reportSellerCentralError } from './seller-central-report';
import { SandboxControl } from './sandbox-control';
import { SandboxRequests } from './sandbox-requests';
import { buildTimelineExport } from './timeline-export';
import { importForReplay } from './replay';
import { CloudView } from './cloud-view';
import { RenameNotices } from './rename-notices';
import { importSettings, selectMarketplaces } from './settings-import';
import { AutoImport } from './auto-import';
import { disconnectPlatform } from './disconnect';
import { assertActive } from './inactive';
import { SignInManager, type SignInOptions } from './sign-in';
import { AmazonStartedFollower } from './amazon-started';
import { Timeline } from './timeline';
import { normalizePlatformName } from '../../shared/platform-name';
import { manageYourAppsUrl, RenewalReminder } from './renewal';
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

type Handlers = { [K in keyof Requests]: (payload: z.output<Requests[K]>) => Promise<RequestResults[K]> | RequestResults[K] };
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
  private readonly sandbox: SandboxRequests;
  private readonly cloudView: CloudView;
  private readonly autoImport: AutoImport;
  private readonly renameNotices: RenameNotices;
  private readonly ready: Promise<void>;
  private cloudConfigured = false;

  constructor(private readonly opts: CoreOptions) {
    const now = opts.now ?? Date.now;
    const vault = opts.vault.available ? opts.vault.vault : undefined;
    this.platforms = new PlatformService(
      opts.store,
      () => {
        const list = this.platforms.list();
        this.emit('platformsChanged', list);
        this.sandbox.settle(list);
        this.autoImport.observe(list);
      },
      () => new Date(now()),
    );
    this.settings = new CloudSettings(opts.store.raw, vault);
    this.cloud = new CloudClient(() => this.settings.credentials(), { now });
    this.timeline = new Timeline(opts.store.raw, now);
    this.autoImport = new AutoImport({ platforms: this.platforms, cloud: this.cloud, timeline: this.timeline, logger: opts.logger, now, enabled: opts.autoImport ?? true, skip: (id) => this.sandbox.takeImportByHand(id) });
    this.language = new UiLanguageSetting(opts.store.raw);
    const texts = () => this.language.texts();
    const sandboxOrigin = opts.amazon.kind === 'sandbox' ? opts.amazon.sandboxOrigin : undefined;
    this.sandbox = new SandboxRequests(sandboxOrigin ? new SandboxControl(sandboxOrigin) : undefined, this.platforms, this.timeline);
    this.signIns = new SignInManager({
      platforms: this.platforms,
      cloud: this.cloud,
      host: opts.host,
      timeline: this.timeline,
      logger: opts.logger,
      urlPolicy: opts.amazon.sandboxOrigin ? { sandboxOrigin: opts.amazon.sandboxOrigin } : {},
      now,
      beforeStart: (p) => this.sandbox.applyArmed(p),
      texts,
      ...opts.signIn,
    });
    this.deletions = new Deletions({
      kv: opts.store.raw,
      platforms: this.platforms,
      cloud: this.cloud,
      settings: this.settings,
      signIn: this.signIns,
      timeline: this.timeline,
      logger: opts.logger,
      changed: () => this.emit('appInfoChanged', this.appInfo()),
      now,
      ...(opts.deletionRetry ? { retry: opts.deletionRetry } : {}),
    });
    this.cloudView = new CloudView(this.cloud, this.platforms, this.deletions, this.timeline);
    this.renameNotices = new RenameNotices(this.cloud, this.platforms, this.timeline, opts.logger);
    this.amazonStarted = new AmazonStartedFollower({
      kv: opts.store.raw,
      cloud: this.cloud,
      settings: this.settings,
      platforms: this.platforms,
      signIn: this.signIns,
      logger: opts.logger,
      timeline: this.timeline,
      ...(opts.signIn?.waitSeconds !== undefined ? { waitSeconds: opts.signIn.waitSeconds } : {}),
      ...(opts.signIn?.backoff ? { backoff: opts.signIn.backoff } : {}),
    });
    this.renewals = new RenewalReminder({ platforms: this.platforms, kv: opts.store.raw, host: opts.host, timeline: this.timeline, now, texts, ...(opts.renewalCheckMs ? { intervalMs: opts.renewalCheckMs } : {}) });
    this.handlers = {
      getAppInfo: () => this.appInfo(),
      listPlatforms: () => this.platforms.list(),
      createPlatform: (p) => this.platforms.create(p.type, p.name),
      updatePlatform: async (p) => {
        if (p.patch.name !== undefined) await this.renameInCloud(p.id, p.patch.name);
        const before = this.platforms.get(p.id);
        const next = this.platforms.update(p.id, p.patch);
        if (next.auth.status === 'sign_in_required' && before.auth.status !== 'sign_in_required') {
          this.timeline.add(p.id, 'region changed; the sign-in of the previous region ended', 'info', `${before.countryCode} → ${next.countryCode}`);
        }
        return next;
      },
      deletePlatform: (p) => this.deletions.remove(p.id, p.mode),
      getCloudSettings: () => this.settings.view(),
      saveCloudSettings: async (p) => {
        const view = await this.settings.save(p.url, p.clientId, p.clientSecret);
        this.cloudConfigured = Boolean(view.url && view.clientId && view.hasSecret);
        this.emit('appInfoChanged', this.appInfo());
        this.amazonStarted.restart();
        if (this.cloudConfigured) this.renameNotices.syncQuietly();
        return view;
      },
      testCloudConnection: async (p) => {
        const who = await CloudClient.test(await this.settings.merged(p), { now });
        return { tenantName: who.name, tenantId: who.tenantId };
      },
      signIn: (p) => {
        assertActive(this.platforms.get(p.id));
        return this.signIns.signIn(p.id, p.mode);
      },
      cancelSignIn: (p) => this.signIns.cancel(p.id),
      reopenConsent: (p) => this.signIns.reopen(p.id),
      resolveSellerChange: (p) => this.signIns.resolveSellerChange(p.id, p.decision),
      getPairingCode: async (p) => {
        const pairing = await this.cloud.createPairingCode(await this.signIns.cloudId(p.id));
        // The code itself is a short-lived capability: not in the timeline, which is exported for support.
        this.timeline.add(p.id, 'pairing code shown for Seller Central / Appstore', 'info', `valid until ${pairing.expiresAt}`);
        return pairing;
      },
      openManageYourApps: async (p) => {
        const url = manageYourAppsUrl(this.platforms.get(p.id), opts.amazon.kind === 'sandbox' ? opts.amazon.sandboxOrigin : undefined);
        try {
          await opts.host.openExternal(url);
        } catch (error) {
          throw new CodedError('BROWSER_OPEN_FAILED', error instanceof Error ? error.message : String(error), { url });
        }
        this.timeline.add(p.id, 'Seller Central "Manage Your Apps" opened', 'info', url);
        return { url };
      },
      importSettings: (p) => {
        assertActive(this.platforms.get(p.id));
        return importSettings(this.platforms, this.cloud, this.timeline, p.id, now);
      },
      disconnectPlatform: (p) => disconnectPlatform({ platforms: this.platforms, cloud: this.cloud, timeline: this.timeline }, p.id),
      acknowledgeRenameNotice: (p) => this.renameNotices.acknowledge(p.id),
      selectMarketplaces: (p) => selectMarketplaces(this.platforms, p.id, p.marketplaceIds),
      getTimeline: (p) => {
        this.platforms.get(p.id);
        return this.timeline.list(p.id);
      },
      reportSellerCentralError: (p) =>
        reportSellerCentralError(
          { platforms: this.platforms, signIns: this.signIns, timeline: this.timeline, now, ...(sandboxOrigin ? { sandboxOrigin } : {}) },
          p.id,
          p.key,
          p.actualRegion,
        ),
      exportTimeline: (p) =>
        buildTimelineExport(
          { platforms: this.platforms, timeline: this.timeline, settings: this.settings, cloud: this.cloud, sandbox: this.sandbox, appVersion: opts.host.appVersion, amazon: opts.amazon, now },
          p.id,
        ),
      importTimeline: (p) => {
        if (opts.amazon.kind !== 'sandbox') throw new CodedError('SANDBOX_ONLY', 'replay needs the Amazon sandbox');
        return importForReplay(this.platforms, this.timeline, p.text);
      },
      listCloudOnlyPlatforms: () => this.cloudView.list(),
      adoptCloudPlatform: async (p) => {
        const adopted = await this.cloudView.adopt(p.cloudPlatformId);
        await this.renameNotices.sync().catch(() => undefined);
        return this.platforms.get(adopted.id);
      },
      deleteCloudPlatform: (p) => this.cloudView.remove(p.cloudPlatformId),
      setLanguage: (p) => {
        const before = this.language.get();
        const language = this.language.set(p.language);
        if (language !== before) this.emit('appInfoChanged', this.appInfo());
        return { language };
      },
      getSandboxScenarios: () => this.sandbox.view(),
      armSandboxScenario: (p) => this.sandbox.arm(p.id, p.scenario, p.account),
      resetSandboxScenarios: () => this.sandbox.reset(),
      getSandboxHint: async () => {
        const origin = opts.amazon.kind === 'sandbox' ? opts.amazon.sandboxOrigin : undefined;
        if (!origin) return null;
        try {
          return await sandboxHint(origin);
        } catch {
          throw new CodedError('SANDBOX_UNREACHABLE', `sandbox at ${origin} did not answer`, { url: origin });
        }
      },
    };
    this.ready = this.start();
  }

  /**
   * The Bezeichnung is the platform's name in the cloud account too: rename it there first, so a name
   * the account already uses is refused before anything changes here.
   */
  private async renameInCloud(id: string, name: string): Promise<void> {
    const current = this.platforms.get(id);
    if (!current.cloudPlatformId || current.name === normalizePlatformName(name)) return;
    this.platforms.assertNameFree(id, name);
    try {
      await this.cloud.renamePlatform(current.cloudPlatformId, name);
      this.timeline.add(id, 'renamed in the cloud', 'ok');
    } catch (error) {
      // Gone from the cloud: the next ANMELDEN registers it again under the new name.
      if (error instanceof CodedError && error.code === 'PLATFORM_NOT_FOUND') return;
      if (error instanceof CodedError && error.code === 'PLATFORM_NAME_TAKEN') {
        const cloudNames = await this.cloud.listPlatforms().then((l) => l.platforms.map((x) => x.name), () => []);
        throw nameTaken(name, 'cloud', [...cloudNames, ...this.platforms.list().map((x) => x.name)]);
      }
      throw error;
    }
  }

  /** Adopts the embedded tenant, resumes persisted waits and the queued cloud deletions. */
  private async start(): Promise<void> {
    if (this.opts.embeddedCloud) {
      await this.settings.adoptIfUnset(this.opts.embeddedCloud).catch((e: unknown) => this.opts.logger.warn('could not adopt the embedded cloud tenant', { error: String(e) }));
    }
    const unreadable = this.opts.store.unreadableCount();
    if (unreadable > 0) this.opts.logger.warn('platform entries this version cannot read are kept in the store file', { count: unreadable, file: this.opts.store.filePath });
    const view = await this.settings.view().catch(() => undefined);
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
    const v = this.opts.vault;
    const unreadable = this.opts.store.unreadableCount();
    return {
      version: this.opts.host.appVersion,
      host: this.opts.host.kind,
      amazon: this.opts.amazon,
      keychain: v.available ? { available: true, plaintextFallback: v.plaintextFallback } : { available: false, plaintextFallback: false, detail: v.detail },
      ...(this.opts.storeWarning ? { storeWarning: this.opts.storeWarning } : {}),
      ...(unreadable > 0 ? { unreadableProfiles: { code: 'PROFILES_UNREADABLE' as const, count: unreadable, file: this.opts.store.filePath } } : {}),
      pendingCloudDeletions: this.deletions.queue().length,
      pendingCloudDeletionList: this.deletions.queue().map((q) => ({ name: q.name, queuedAt: q.queuedAt })),
      cloudConfigured: this.cloudConfigured,
      language: this.language.get(),
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
    await this.ready;
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
