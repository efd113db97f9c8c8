// Platform profiles: create, change, delete; names unique within the app by the one name rule
// (shared/platform-name.ts: NFC, trimmed, case-folded without a locale).
import { randomUUID } from 'node:crypto';
import type { Platform } from '../../shared/platform';
import { countryByCode } from '../../shared/amazon-regions';
import { validAuthorization } from '../../shared/valid-authorization';
import { CodedError } from '../../shared/result';
import { normalizePlatformName, samePlatformName, suggestFreeName } from '../../shared/platform-name';
import type { ProfileStore } from './profile-store';
import { INITIAL_AUTH, withAuthEvent } from '../../shared/auth-machine';

interface PlatformPatch {
  name?: string;
  active?: boolean;
  useCloud?: boolean;
  countryCode?: string;
  confirmRegionChange?: true;
}

const regionOf = (countryCode: string | undefined) => (countryCode ? countryByCode(countryCode)?.region : undefined);

/**
 * The region a platform's valid sign-in was made for (its cloud registration's country), when a change to
 * `countryCode` leaves it: then the sign-in no longer fits and the platform needs ANMELDEN again.
 */
function signInRegionLeft(p: Platform, countryCode: string): string | undefined {
  if (!validAuthorization(p) && p.auth.status !== 'seller_changed') return undefined;
  const signedIn = regionOf(p.cloudCountryCode ?? p.countryCode);
  return signedIn !== undefined && signedIn !== regionOf(countryCode) ? signedIn : undefined;
}

/** PLATFORM_NAME_TAKEN with where the name is used and a free name to suggest. */
export function nameTaken(name: string, scope: 'local' | 'cloud', taken: Iterable<string>): CodedError {
  return new CodedError(
    'PLATFORM_NAME_TAKEN',
    scope === 'local' ? 'name already used in this app' : 'name already used in the cloud account',
    {
      name,
      scope,
      suggestion: suggestFreeName(name, taken),
    },
  );
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
    if (all.some((p) => samePlatformName(p.name, name)))
      throw nameTaken(
        name,
        'local',
        all.map((p) => p.name),
      );
    const platform: Platform = {
      id: randomUUID(),
      type,
      name,
      active: true,
      useCloud: false,
      countryCode: 'DE',
      createdAt: this.now().toISOString(),
      auth: INITIAL_AUTH,
    };
    this.store.save([...all, platform]);
    this.changed();
    return platform;
  }

  /** PLATFORM_NAME_TAKEN when another local profile already has this name. */
  assertNameFree(id: string, name: string): void {
    const all = this.store.list();
    if (all.some((p) => p.id !== id && samePlatformName(p.name, name)))
      throw nameTaken(
        normalizePlatformName(name),
        'local',
        all.map((p) => p.name),
      );
  }

  update(id: string, patch: PlatformPatch): Platform {
    const current = this.get(id);
    if (patch.name !== undefined) this.assertNameFree(id, patch.name);
    const regionLocked = current.auth.status === 'waiting' || current.auth.status === 'seller_changed';
    if (regionLocked && patch.countryCode !== undefined && patch.countryCode !== current.countryCode) {
      throw new CodedError('SIGN_IN_IN_PROGRESS', 'cannot change the region while a sign-in is running');
    }
    // Another region's token must never serve this platform: the change ends the sign-in (and the
    // marketplaces imported with it), so it needs the user's explicit yes.
    const left = patch.countryCode !== undefined ? signInRegionLeft(current, patch.countryCode) : undefined;
    if (left && !patch.confirmRegionChange) {
      throw new CodedError('REGION_CHANGE_UNCONFIRMED', 'a region change ends the sign-in; confirm it first', {
        region: left,
      });
    }
    const next = this.store.update(id, (p) => {
      const changed = {
        ...p,
        ...(patch.name !== undefined ? { name: normalizePlatformName(patch.name) } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
        ...(patch.useCloud !== undefined ? { useCloud: patch.useCloud } : {}),
        ...(patch.countryCode !== undefined ? { countryCode: patch.countryCode } : {}),
      };
      if (!left || patch.countryCode === undefined) return changed;
      const { marketplaces: _old, marketplacesImportedAt: _at, ...rest } = changed;
      const params = {
        previousRegion: left,
        region: regionOf(patch.countryCode)!,
        from: p.countryCode,
        to: patch.countryCode,
      };
      return withAuthEvent(rest, { type: 'regionChanged', at: this.now().toISOString(), params });
    })!;
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

  /** Writes made in `fn` go to disk together when it returns, after its events (ProfileStore.holdWrites). */
  holdWrites<T>(fn: () => T): T {
    return this.store.holdWrites(fn);
  }

  find(id: string): Platform | undefined {
    return this.store.get(id);
  }

  removeLocal(id: string): void {
    this.store.save(this.store.list().filter((p) => p.id !== id));
    this.changed();
  }
}
