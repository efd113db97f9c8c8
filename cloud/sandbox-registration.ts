// Embedded default only: the cloud's callback URL must be one of the sandbox app's redirect URIs
// (else Seller Central answers MD5101). The seed registers http://127.0.0.1:4200/…; on another port the
// cloud adds its URL through the sandbox's admin API. Best effort: a sandbox that is not up is not fatal.

/** Loopback calls, but on a machine busy with a test run they can take seconds. */
const REGISTRATION_TIMEOUT_MS = 15_000;

export async function registerRedirectUriWithSandbox(
  sandboxOrigin: string,
  applicationId: string,
  redirectUri: string,
): Promise<boolean> {
  const api = `${sandboxOrigin}/sandbox/api/apps`;
  try {
    const res = await fetch(api, { signal: AbortSignal.timeout(REGISTRATION_TIMEOUT_MS) });
    if (!res.ok) return false;
    const { apps } = (await res.json()) as { apps: { applicationId: string; redirectUris: string[] }[] };
    const current = apps.find((a) => a.applicationId === applicationId)?.redirectUris;
    if (!current) return false;
    if (current.includes(redirectUri)) return true;
    const put = await fetch(`${api}/${encodeURIComponent(applicationId)}/redirect-uris`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ redirectUris: [...current, redirectUri] }),
      signal: AbortSignal.timeout(REGISTRATION_TIMEOUT_MS),
    });
    return put.ok;
  } catch {
    return false;
  }
}

/** Embedded default and tests: the sandbox app's Login URI becomes this cloud's. Best effort as above. */
export async function registerLoginUriWithSandbox(
  sandboxOrigin: string,
  applicationId: string,
  loginUri: string,
): Promise<boolean> {
  try {
    const res = await fetch(`${sandboxOrigin}/sandbox/api/apps/${encodeURIComponent(applicationId)}/login-uri`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ loginUri }),
      signal: AbortSignal.timeout(REGISTRATION_TIMEOUT_MS),
    });
    return res.ok;
  } catch {
    return false;
  }
}
