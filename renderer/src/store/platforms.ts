// Platform profiles and app info in the renderer: loaded through window.api, kept fresh by the
// `platformsChanged` and `appInfoChanged` events (subscribed in one place: `connect`). Every action
// returns the core's Result so the calling component can show an error next to its field or button.
import { create } from 'zustand';
import type { Platform } from '../../../shared/platform';
import type { AppError, Result } from '../../../shared/result';
import type { AppInfo, DeleteOutcome, RequestPayload } from '../../../shared/ipc-contract';
import type { FirstState } from '../../../shared/ws-protocol';
import { getApi, takeFirstRequests } from '../api';
import { bestEffort } from '../../../shared/best-effort';

type Patch = RequestPayload<'updatePlatform'>['patch'];

interface PlatformsState {
  loaded: boolean;
  platforms: Platform[];
  selectedId: string | null;
  appInfo: AppInfo | null;
  error: AppError | null;
  /**
   * The state before the first render, from what boot.ts's early request brought (main.tsx): the
   * first render then shows the list, not an empty frame. Later events apply as usual.
   */
  startFrom(answers: Partial<FirstState>): void;
  connect(): () => void;
  select(id: string | null): void;
  create(name: string): Promise<Result<Platform>>;
  update(id: string, patch: Patch): Promise<Result<Platform>>;
  remove(id: string, mode?: 'cloud' | 'localQueue'): Promise<Result<DeleteOutcome>>;
  signIn(id: string, mode: 'login' | 'refresh'): Promise<Result<Platform>>;
  cancelSignIn(id: string): Promise<Result<Platform>>;
  reopenConsent(id: string): Promise<Result<Platform>>;
  resolveSellerChange(id: string, decision: 'keep' | 'switch'): Promise<Result<Platform>>;
  importSettings(id: string): Promise<Result<Platform>>;
  disconnect(id: string): Promise<Result<Platform>>;
  acknowledgeRenameNotice(id: string): Promise<Result<Platform>>;
  selectMarketplaces(id: string, marketplaceIds: string[]): Promise<Result<Platform>>;
  showError(error: AppError | null): void;
  clearError(): void;
}

const upsert = (list: Platform[], p: Platform) =>
  list.some((x) => x.id === p.id) ? list.map((x) => (x.id === p.id ? p : x)) : [...list, p];

export const usePlatforms = create<PlatformsState>((set, get) => {
  /** Runs a request whose result is a platform and puts that platform into the list. */
  const withPlatform = async (call: Promise<Result<Platform>>) => {
    const r = await call;
    if (r.ok) set((s) => ({ platforms: upsert(s.platforms, r.value) }));
    return r;
  };

  /** The list's answer: the list, or the error instead of it; the same answer twice changes nothing. */
  const applyList = (r: Result<Platform[]>) => {
    const s = get();
    if (s.loaded && (r.ok ? r.value === s.platforms : r.error === s.error)) return;
    set(r.ok ? { platforms: r.value, loaded: true } : { error: r.error, loaded: true });
  };
  const applyAppInfo = (r: Result<AppInfo>) => {
    if (r.ok && r.value !== get().appInfo) set({ appInfo: r.value });
  };
  return {
    loaded: false,
    platforms: [],
    selectedId: null,
    appInfo: null,
    error: null,

    startFrom(answers) {
      if (answers.list) applyList(answers.list);
      if (answers.appInfo) applyAppInfo(answers.appInfo);
    },

    connect() {
      const api = getApi();
      // An event carries the whole state and every change sends one (the browser host also sends both
      // as its socket connects): once one has come, an answer asked for earlier is not put over it.
      const byEvent = { list: false, appInfo: false };
      const offPlatforms = api.on('platformsChanged', (platforms) => {
        byEvent.list = true;
        const { selectedId } = get();
        set({ platforms, loaded: true, selectedId: platforms.some((p) => p.id === selectedId) ? selectedId : null });
      });
      const offAppInfo = api.on('appInfoChanged', (appInfo) => {
        byEvent.appInfo = true;
        set({ appInfo });
      });
      const offNotification = api.on('notification', ({ title, body }) => showWebNotification(title, body));
      // The first connect takes the early request's answer (browser host); without one, it asks.
      const first = takeFirstRequests();
      const list = first ? first.then((state) => state?.list ?? api.listPlatforms()) : api.listPlatforms();
      const appInfo = first ? first.then((state) => state?.appInfo ?? api.getAppInfo()) : api.getAppInfo();
      void list.then((r) => byEvent.list || applyList(r));
      void appInfo.then((r) => byEvent.appInfo || applyAppInfo(r));
      return () => {
        offPlatforms();
        offAppInfo();
        offNotification();
      };
    },

    select: (id) => set({ selectedId: id }),

    async create(name) {
      const r = await getApi().createPlatform({ type: 'amazon', name });
      if (r.ok) set((s) => ({ selectedId: r.value.id, platforms: upsert(s.platforms, r.value) }));
      return r;
    },

    update: (id, patch) => withPlatform(getApi().updatePlatform({ id, patch })),

    async remove(id, mode) {
      const r = await getApi().deletePlatform(mode ? { id, mode } : { id });
      if (r.ok)
        set((s) => ({
          platforms: s.platforms.filter((p) => p.id !== id),
          selectedId: s.selectedId === id ? null : s.selectedId,
        }));
      return r;
    },

    signIn: (id, mode) => {
      askNotificationPermission();
      return withPlatform(getApi().signIn({ id, mode }));
    },
    cancelSignIn: (id) => withPlatform(getApi().cancelSignIn({ id })),
    reopenConsent: (id) => withPlatform(getApi().reopenConsent({ id })),
    resolveSellerChange: (id, decision) => withPlatform(getApi().resolveSellerChange({ id, decision })),
    importSettings: (id) => withPlatform(getApi().importSettings({ id })),
    disconnect: (id) => withPlatform(getApi().disconnectPlatform({ id })),
    acknowledgeRenameNotice: (id) => withPlatform(getApi().acknowledgeRenameNotice({ id })),
    selectMarketplaces: (id, marketplaceIds) => withPlatform(getApi().selectMarketplaces({ id, marketplaceIds })),

    showError: (error) => set({ error }),
    clearError: () => set({ error: null }),
  };
});

/** Browser host: a desktop notification for a finished sign-in while the page has no focus. */
export function showWebNotification(title: string, body: string, doc: Document = document): boolean {
  if (doc.hasFocus() || typeof Notification === 'undefined' || Notification.permission !== 'granted') return false;
  new Notification(title, { body });
  return true;
}

/** Asked on ANMELDEN (a user gesture), so the permission prompt makes sense to the user. */
function askNotificationPermission(): void {
  if (typeof Notification !== 'undefined' && Notification.permission === 'default')
    void bestEffort('asking for notifications', Notification.requestPermission());
}
