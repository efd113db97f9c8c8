// Platform profiles: create, change, delete; names unique within the app by the one name rule
// (shared/platform-name.ts: NFC, trimmed, case-folded without a locale).
import { randomUUID } from 'node:crypto';
import type { Platform } from '../../shared/platform';
import { CodedError } from '../../shared/result';
import { normalizePlatformName, samePlatformName, suggestFreeName } from '../../shared/platform-name';
import type { ProfileStore } from './profile-store';

interface PlatformPatch {
  name?: string;
  active?: boolean;
  useCloud?: boolean;
  countryCode?: string;
}

/** PLATFORM_NAME_TAKEN with where the name is used and a free name to suggest. */
export function nameTaken(name: string, scope: 'local' | 'cloud', taken: Iterable<string>): CodedError {
  return new CodedError('PLATFORM_NAME_TAKEN', scope === 'local' ? 'name already used in this app' : 'name already used in the cloud account', {
    name,
    scope,
    suggestion: suggestFreeName(name, taken),
  });
}

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
    name = normalizePlatformName(name);
    if (all.some((p) => samePlatformName(p.name, name))) throw nameTaken(name, 'local', all.map((p) => p.name));
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
    const all = this.store.list();
    if (all.some((p) => p.id !== id && samePlatformName(p.name, name))) throw nameTaken(normalizePlatformName(name), 'local', all.map((p) => p.name));
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
      ...(patch.name !== undefined ? { name: normalizePlatformName(patch.name) } : {}),
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
