// Embedded default only: the cloud's callback URL must be one of the sandbox app's redirect URIs
// (else Seller Central answers MD5101). When the cloud runs on another port than the seeded 4200, it
// adds its URL through the sandbox's admin API. Best effort: a sandbox that is not up yet is not fatal.
import { sandboxApp } from './embedded-config';

export async function registerRedirectUriWithSandbox(sandboxOrigin: string, applicationId: string, redirectUri: string): Promise<boolean> {
  const seeded = [sandboxApp('production'), sandboxApp('draft')].find((a) => a.applicationId === applicationId)?.redirectUris ?? [];
  if (seeded.includes(redirectUri)) return true;
  try {
    const res = await fetch(`${sandboxOrigin}/sandbox/api/apps/${encodeURIComponent(applicationId)}/redirect-uris`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ redirectUris: [...seeded, redirectUri] }),
      signal: AbortSignal.timeout(5000),
    });
    return res.ok;
  } catch {
    return false;
  }
}
