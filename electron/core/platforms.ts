// Platform profiles: create, change, delete; names unique (case-insensitive) within the app.
import { randomUUID } from 'node:crypto';
import type { Platform } from '../../shared/platform';
import { CodedError } from '../../shared/result';
import type { ProfileStore } from './profile-store';

export interface PlatformPatch {
  name?: string;
  active?: boolean;
  useCloud?: boolean;
  countryCode?: string;
}

const sameName = (a: string, b: string) => a.localeCompare(b, 'de', { sensitivity: 'accent' }) === 0;

export class PlatformService {
  constructor(
    private readonly store: ProfileStore,
    private readonly changed: () => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(): Platform[] {
    return this.store.list();
  }

  get(id: string): Platform {
    const p = this.store.get(id);
    if (!p) throw new CodedError('PLATFORM_NOT_FOUND', `platform ${id} not found`);
    return p;
  }

  create(type: Platform['type'], name: string): Platform {
    const all = this.store.list();
    if (all.some((p) => sameName(p.name, name))) throw new CodedError('PLATFORM_NAME_TAKEN', 'name already used', { name });
    const platform: Platform = {
      id: randomUUID(),
      type,
      name,
      active: true,
      useCloud: false,
      countryCode: 'DE',
      createdAt: this.now().toISOString(),
      auth: { status: 'not_authenticated' },
    };
    this.store.save([...all, platform]);
    this.changed();
    return platform;
  }

  /** PLATFORM_NAME_TAKEN when another local profile already has this name. */
  assertNameFree(id: string, name: string): void {
    if (this.store.list().some((p) => p.id !== id && sameName(p.name, name))) throw new CodedError('PLATFORM_NAME_TAKEN', 'name already used', { name });
  }

  update(id: string, patch: PlatformPatch): Platform {
    const current = this.get(id);
    if (patch.name !== undefined) this.assertNameFree(id, patch.name);
    const regionLocked = current.auth.status === 'waiting';
    if (regionLocked && patch.countryCode !== undefined && patch.countryCode !== current.countryCode) {
      throw new CodedError('SIGN_IN_IN_PROGRESS', 'cannot change the region while a sign-in is running');
    }
    const next = this.store.update(id, (p) => ({
      ...p,
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(patch.useCloud !== undefined ? { useCloud: patch.useCloud } : {}),
      ...(patch.countryCode !== undefined ? { countryCode: patch.countryCode } : {}),
    }))!;
    this.changed();
    return next;
  }

  /** Changes fields the user cannot edit directly (sign-in state, cloud ids, marketplaces). */
  patch(id: string, change: (p: Platform) => Platform): Platform {
    const next = this.store.update(id, change);
    if (!next) throw new CodedError('PLATFORM_NOT_FOUND', `platform ${id} not found`);
    this.changed();
    return next;
  }

  find(id: string): Platform | undefined {
    return this.store.get(id);
  }

  removeLocal(id: string): void {
    this.store.save(this.store.list().filter((p) => p.id !== id));
    this.changed();
  }
}
