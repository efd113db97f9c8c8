// Only these URLs may be handed to the system browser: https on a Seller Central host of the
// platform's region, or anything under the configured sandbox origin (embedded default/tests).
import { COUNTRIES, type Region, sellerCentralHosts } from '../../shared/amazon-regions';

export interface ExternalUrlPolicy {
  sandboxOrigin?: string;
}

type UrlCheck = { ok: true; url: string } | { ok: false; reason: string };

export function checkConsentUrl(raw: string, region: Region, policy: ExternalUrlPolicy): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (url.username || url.password) return { ok: false, reason: 'credentials in URL' };
  if (policy.sandboxOrigin) {
    const sandbox = new URL(policy.sandboxOrigin);
    if (url.origin === sandbox.origin) {
      const host = url.pathname.split('/')[2] ?? '';
      if (url.pathname.startsWith('/sc/') && sellerCentralHosts(region).includes(host)) return { ok: true, url: url.href };
      return { ok: false, reason: `sandbox path is not a Seller Central host of region ${region}` };
    }
  }
  if (url.protocol !== 'https:') return { ok: false, reason: 'not https' };
  if (url.port) return { ok: false, reason: 'unexpected port' };
  if (!sellerCentralHosts(region).includes(url.hostname)) {
    return { ok: false, reason: `host ${url.hostname} is not a Seller Central host of region ${region}` };
  }
  return { ok: true, url: url.href };
}

/** Any Seller Central host (used for links the renderer asks to open without a platform). */
export function isKnownSellerCentralUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && COUNTRIES.some((c) => c.sellerCentralHost === url.hostname);
  } catch {
    return false;
  }
}
