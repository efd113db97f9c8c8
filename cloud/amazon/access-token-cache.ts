// LWA access tokens per platform, kept until shortly before they expire (they live an hour), so a
// settings import does not refresh every time. Keyed by the sealed refresh token too: a new
// authorization invalidates the cached token automatically.
export interface AccessTokenCache {
  get(platformId: string, refreshTokenEnc: string, nowMs: number): string | undefined;
  set(platformId: string, refreshTokenEnc: string, token: string, expiresAtMs: number): void;
  forget(platformId: string): void;
}

/** Tokens are dropped this long before Amazon's expiry, so a call never starts with a dying token. */
const SAFETY_MS = 60_000;

export function createAccessTokenCache(): AccessTokenCache {
  const entries = new Map<string, { sealed: string; token: string; expiresAtMs: number }>();
  return {
    get(platformId, sealed, nowMs) {
      const e = entries.get(platformId);
      return e && e.sealed === sealed && nowMs < e.expiresAtMs - SAFETY_MS ? e.token : undefined;
    },
    set(platformId, sealed, token, expiresAtMs) {
      entries.set(platformId, { sealed, token, expiresAtMs });
    },
    forget(platformId) {
      entries.delete(platformId);
    },
  };
}
