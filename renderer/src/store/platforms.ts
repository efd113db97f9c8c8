// Platform profiles in the renderer: loaded through window.api, kept fresh by the
// `platformsChanged` event (subscribed in one place: `connect`).
import { create } from 'zustand';
import type { Platform } from '../../../shared/platform';
import type { AppError, Result } from '../../../shared/result';
import type { AppInfo } from '../../../shared/ipc-contract';
import { getApi } from '../api';

interface PlatformsState {
  loaded: boolean;
  platforms: Platform[];
  selectedId: string | null;
  appInfo: AppInfo | null;
  error: AppError | null;
  connect(): () => void;
  select(id: string | null): void;
  create(name: string): Promise<Result<Platform>>;
  remove(id: string): Promise<Result<{ id: string }>>;
  clearError(): void;
}

export const usePlatforms = create<PlatformsState>((set, get) => ({
  loaded: false,
  platforms: [],
  selectedId: null,
  appInfo: null,
  error: null,

  connect() {
    const api = getApi();
    const off = api.on('platformsChanged', (platforms) => {
      const { selectedId } = get();
      set({ platforms, selectedId: platforms.some((p) => p.id === selectedId) ? selectedId : null });
    });
    void api.listPlatforms().then((r) => (r.ok ? set({ platforms: r.value, loaded: true }) : set({ error: r.error, loaded: true })));
    void api.getAppInfo().then((r) => r.ok && set({ appInfo: r.value }));
    return off;
  },

  select: (id) => set({ selectedId: id }),

  async create(name) {
    const r = await getApi().createPlatform({ type: 'amazon', name });
    if (r.ok) set((s) => ({ selectedId: r.value.id, platforms: s.platforms.some((p) => p.id === r.value.id) ? s.platforms : [...s.platforms, r.value] }));
    return r;
  },

  async remove(id) {
    const r = await getApi().deletePlatform({ id });
    if (r.ok) set((s) => ({ platforms: s.platforms.filter((p) => p.id !== id), selectedId: s.selectedId === id ? null : s.selectedId }));
    else set({ error: r.error });
    return r;
  },

  clearError: () => set({ error: null }),
}));
