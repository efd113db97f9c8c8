// Which authorization the cloud holds for a platform right now. A module of its own, with type-only
// imports, so the renderer can use it without pulling zod (the schemas in platform.ts) into its bundle.
import { validAuth } from './auth-machine';
import type { Platform, ValidAuthorization } from './platform';

/**
 * The authorization the cloud holds for this platform right now: the current one, or — while a refresh
 * runs or after it failed — the previous one, which stays valid until a new exchange succeeds.
 */
export function validAuthorization(p: Platform): ValidAuthorization | undefined {
  return validAuth(p.auth);
}

/**
 * The other platforms connected to the same seller account (by Händler-ID). The same seller on two
 * platforms means orders imported twice, so the UI warns and names them.
 */
export function otherPlatformsWithSeller(
  all: Platform[],
  p: Platform,
  sellingPartnerId = validAuthorization(p)?.sellingPartnerId,
): Platform[] {
  if (!sellingPartnerId) return [];
  return all.filter((o) => o.id !== p.id && o.useCloud && validAuthorization(o)?.sellingPartnerId === sellingPartnerId);
}
