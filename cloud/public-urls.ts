// The cloud's addresses that Amazon is given: the redirect URI (Amazon's redirect after consent) and the
// Login URI. With port 0 the operating system picks the port, so they are known only once the server
// listens: startCloud sets them once, then; reading them before is a programming error and throws.
import { AMAZON_CALLBACK_PATH, AMAZON_LOGIN_PATH } from '../shared/cloud-api';

export interface PublicUrls {
  get(): { readonly redirectUri: string; readonly loginUri: string };
  /** Once, after listen: `base` is the public base URL; a configured redirect URI is kept as it is. */
  resolve(base: string): void;
}

export function createPublicUrls(configuredRedirectUri: string | undefined): PublicUrls {
  let urls: { readonly redirectUri: string; readonly loginUri: string } | undefined;
  return {
    get() {
      if (!urls) throw new Error('the public URLs are known once the server listens');
      return urls;
    },
    resolve(base) {
      if (urls) throw new Error('the public URLs are set once');
      urls = Object.freeze({
        redirectUri: configuredRedirectUri || `${base}${AMAZON_CALLBACK_PATH}`,
        loginUri: `${base}${AMAZON_LOGIN_PATH}`,
      });
    },
  };
}
