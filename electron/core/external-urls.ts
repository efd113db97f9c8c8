// Only these URLs may be handed to the system browser: the cloud's start link of the sign-in just
// created (it redirects to Seller Central, docs/amazon.md §1.6), https on a Seller Central host of the
// platform's region (a cloud that still answers the consent URL itself), or a Seller Central path under
// the configured sandbox origin (embedded default/tests).
import { COUNTRIES, type Region, sellerCentralHosts } from '../../shared/amazon-regions';
import { AMAZON_START_PATH } from '../../shared/cloud-api';

export interface ExternalUrlPolicy {
  sandboxOrigin?: string;
}

type UrlCheck = { ok: true; url: string } | { ok: false; reason: string };

/** The sign-in the cloud just created: its start link is <cloud URL>/oauth/amazon/start/<id>?state=…. */
interface StartLinkPolicy {
  cloudUrl: string;
  authorizationId: string;
}

export function checkConsentUrl(
  raw: string,
  region: Region,
  policy: ExternalUrlPolicy,
  start?: StartLinkPolicy,
): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (url.username || url.password) return { ok: false, reason: 'credentials in URL' };
  if (start && isStartLink(url, start)) return { ok: true, url: url.href };
  if (policy.sandboxOrigin) {
    const sandbox = new URL(policy.sandboxOrigin);
    if (url.origin === sandbox.origin) {
      const host = url.pathname.split('/')[2] ?? '';
      if (url.pathname.startsWith('/sc/') && sellerCentralHosts(region).includes(host))
        return { ok: true, url: url.href };
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

/**
 * Exactly the cloud's start link: the configured cloud's origin (the scheme the merchant configured,
 * https in production), its path prefix, /oauth/amazon/start/<this authorization's id>, only `state` in
 * the query, no fragment.
 */
function isStartLink(url: URL, start: StartLinkPolicy): boolean {
  let cloud: URL;
  try {
    cloud = new URL(start.cloudUrl);
  } catch {
    return false;
  }
  if (cloud.protocol !== 'https:' && cloud.protocol !== 'http:') return false;
  const prefix = cloud.pathname.replace(/\/+$/, '');
  const keys = [...url.searchParams.keys()];
  return (
    url.origin === cloud.origin &&
    url.pathname === `${prefix}${AMAZON_START_PATH}/${encodeURIComponent(start.authorizationId)}` &&
    keys.length === 1 &&
    keys[0] === 'state' &&
    !url.hash
  );
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
