// amazon_callback_uri of the Login URI (docs/amazon.md §1.6, §2): where the cloud sends the seller's browser
// back to Amazon. Amazon sends it on whichever Seller Central host the seller uses — the regional
// sellercentral-europe.amazon.com as well as per-country hosts such as sellercentral.amazon.de or
// .co.uk, its documented example https://amazon.com/apps/authorize/confirm/<app id>, and relative paths
// (selling-partner-api-docs #1376). Accepted: https, an Amazon host of the list below, no port, no
// credentials, no fragment, and exactly the path /apps/authorize/confirm/<our application id>; a relative
// path resolves against the Seller Central host of the platform's country (login-uri.ts: of the one
// platform with the seller id, else Amazon's default host). The region always comes from
// the platform, never from this host. Anything else would make the Login URI an open redirect.
import { COUNTRIES, REGIONS, sellerCentralHosts, type Region } from '../../shared/amazon-regions';
import type { AmazonEndpoints } from '../../shared/amazon-endpoints';
import { COUNTRY_SELLER_CENTRAL_HOSTS } from '../../shared/seller-central-hosts';

/** The top-level domains of Amazon's marketplaces (docs/amazon.md §2, §4), the UK's and Europe's included. */
const AMAZON_TLDS = [
  ...new Set([
    ...COUNTRIES.map((c) => c.sellerCentralHost.replace(/^sellercentral[^.]*\.amazon\./, '')),
    'de',
    'co.uk',
    'fr',
    'it',
    'es',
  ]),
];

/** Every host Amazon may put in amazon_callback_uri. */
const AMAZON_CALLBACK_HOSTS: readonly string[] = [
  ...new Set([
    ...REGIONS.flatMap((r) => sellerCentralHosts(r)),
    ...Object.keys(COUNTRY_SELLER_CENTRAL_HOSTS),
    ...AMAZON_TLDS.flatMap((tld) => [`sellercentral.amazon.${tld}`, `amazon.${tld}`, `www.amazon.${tld}`]),
  ]),
];

/** A checked amazon_callback_uri: absolute as Amazon sent it, or a path still to be resolved for the platform. */
type CallbackUri = { kind: 'absolute'; url: URL } | { kind: 'relative'; path: string; search: string };

const MAX_LENGTH = 2048;

/** The path Amazon's callback must have for this application. */
const confirmPath = (applicationId: string) => `/apps/authorize/confirm/${applicationId}`;

/** Checks amazon_callback_uri without knowing the platform yet; undefined when it is not Amazon's. */
export function checkCallbackUri(
  raw: string,
  endpoints: Pick<AmazonEndpoints, 'sandboxOrigin'>,
  applicationId: string,
): CallbackUri | undefined {
  // Dot segments (also percent-encoded) would normalise to another path: not what Amazon sends.
  if (!raw || raw.length > MAX_LENGTH || /[\\\s]|\/\.|%2e/i.test(raw)) return undefined;
  if (raw.startsWith('/') && !raw.startsWith('//')) {
    let url: URL;
    try {
      url = new URL(raw, 'https://relative.invalid');
    } catch {
      return undefined;
    }
    // A path that normalises to another one ("/apps/../x", "%2e%2e") is not Amazon's.
    if (
      url.hash ||
      url.host !== 'relative.invalid' ||
      url.pathname !== raw.split('?')[0] ||
      url.pathname !== confirmPath(applicationId)
    )
      return undefined;
    return { kind: 'relative', path: url.pathname, search: url.search };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.username || url.password || url.hash) return undefined;
  const sandbox = endpoints.sandboxOrigin;
  if (sandbox) {
    // The sandbox serves every Amazon host under <origin>/sc/<host> (shared/amazon-endpoints.ts).
    const [, sc, host = '', ...rest] = url.pathname.split('/');
    if (url.origin !== new URL(sandbox).origin || sc !== 'sc' || !AMAZON_CALLBACK_HOSTS.includes(host))
      return undefined;
    return `/${rest.join('/')}` === confirmPath(applicationId) ? { kind: 'absolute', url } : undefined;
  }
  if (url.protocol !== 'https:' || url.port || !AMAZON_CALLBACK_HOSTS.includes(url.hostname)) return undefined;
  return url.pathname === confirmPath(applicationId) ? { kind: 'absolute', url } : undefined;
}

/** The URL to send the browser to: a relative path on the given Seller Central host (the platform's country's). */
export function resolveCallbackUri(
  uri: CallbackUri,
  endpoints: Pick<AmazonEndpoints, 'sellerCentralBase'>,
  countryHost: string,
): URL {
  if (uri.kind === 'absolute') return new URL(uri.url.href);
  return new URL(`${endpoints.sellerCentralBase(countryHost)}${uri.path}${uri.search}`);
}

/** The region a callback host names unambiguously (a regional table host), else undefined: then only the platform counts. */
export function regionOfCallback(uri: CallbackUri, sandboxOrigin: string | undefined): Region | undefined {
  if (uri.kind === 'relative') return undefined;
  const host = sandboxOrigin ? (uri.url.pathname.split('/')[2] ?? '') : uri.url.hostname;
  const regions = REGIONS.filter((r) => sellerCentralHosts(r).includes(host));
  return regions.length === 1 ? regions[0] : undefined;
}

/**
 * The CSP form-action of the Login URI's pages: the pairing-code form's POST answers with a redirect to
 * amazon_callback_uri, and browsers apply form-action to that redirect too. Exactly the origins
 * checkCallbackUri accepts (CSP cannot restrict the path of a redirect target).
 */
export function callbackOrigins(endpoints: Pick<AmazonEndpoints, 'sandboxOrigin'>): string[] {
  if (endpoints.sandboxOrigin) return [new URL(endpoints.sandboxOrigin).origin];
  return AMAZON_CALLBACK_HOSTS.map((host) => `https://${host}`);
}
