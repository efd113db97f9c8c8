// Platform profiles and app info in the renderer: loaded through window.api, kept fresh by the
// `platformsChanged` and `appInfoChanged` events (subscribed in one place: `connect`). Every action
// returns the core's Result so the calling component can show an error next to its field or button.
import { create } from 'zustand';
import type { Platform } from '../../../shared/platform';
import type { AppError, Result } from '../../../shared/result';
import type { AppInfo, DeleteOutcome, RequestPayload } from '../../../shared/ipc-contract';
import { getApi, takeFirstRequests } from '../api';

type Patch = RequestPayload<'updatePlatform'>['patch'];

interface PlatformsState {
  loaded: boolean;
  platforms: Platform[];
  selectedId: string | null;
  appInfo: AppInfo | null;
  error: AppError | null;
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
  selectMarketplaces(id: string, marketplaceIds: string[]): Promise<Result<Platform>>;
  showError(error: AppError | null): void;
  clearError(): void;
}

const upsert = (list: Platform[], p: Platform) => (list.some((x) => x.id === p.id) ? list.map((x) => (x.id === p.id ? p : x)) : [...list, p]);

export const usePlatforms = create<PlatformsState>((set, get) => {
  /** Runs a request whose result is a platform and puts that platform into the list. */
  const withPlatform = async (call: Promise<Result<Platform>>) => {
    const r = await call;
    if (r.ok) set((s) => ({ platforms: upsert(s.platforms, r.value) }));
    return r;
  };

  return {
    loaded: false,
    platforms: [],
    selectedId: null,
    appInfo: null,
    error: null,

    connect() {
      const api = getApi();
      const offPlatforms = api.on('platformsChanged', (platforms) => {
        const { selectedId } = get();
        set({ platforms, selectedId: platforms.some((p) => p.id === selectedId) ? selectedId : null });
      });
      const offAppInfo = api.on('appInfoChanged', (appInfo) => set({ appInfo }));
      const offNotification = api.on('notification', ({ title, body }) => showWebNotification(title, body));
      const first = takeFirstRequests();
      void (first?.list ?? api.listPlatforms()).then((r) => (r.ok ? set({ platforms: r.value, loaded: true }) : set({ error: r.error, loaded: true })));
      void (first?.appInfo ?? api.getAppInfo()).then((r) => r.ok && set({ appInfo: r.value }));
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
      if (r.ok) set((s) => ({ platforms: s.platforms.filter((p) => p.id !== id), selectedId: s.selectedId === id ? null : s.selectedId }));
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
export function askNotificationPermission(): void {
  if (typeof Notification !== 'undefined' && Notification.permission === 'default') void Notification.requestPermission().catch(() => undefined);
}
