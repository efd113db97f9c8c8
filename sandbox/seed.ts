// Typed access to the seed fixture (seed.json). The JSON is the single source: the start page, the README,
// other parts' tests and the desktop's sandbox hint all read the same accounts and apps.
import type { Region } from '../shared/amazon-regions';
import seedJson from './seed.json' with { type: 'json' };

export interface SeedMarketplace {
  /** Country code as in shared/amazon-regions.ts (UK, not GB). */
  country: string;
  isParticipating: boolean;
  hasSuspendedListings: boolean;
}

export interface SeedAccount {
  email: string;
  password: string;
  name: string;
  /** Base32 secret of the authenticator app; absent for SMS accounts. */
  totpSecret?: string;
  /** Phone number that receives the one-time code; absent for authenticator accounts. */
  smsPhone?: string;
  role: 'primary' | 'secondary';
  /** Seller Central's "Manage Authorized Partners" permission (implicit for primary users). */
  manageAuthorizedPartners: boolean;
  accountType: 'professional' | 'individual';
  region: Region;
  sellingPartnerId: string;
  storeName: string;
  description: string;
  marketplaces: SeedMarketplace[];
}

export interface SeedApp {
  name: string;
  status: 'production' | 'draft';
  applicationId: string;
  clientId: string;
  clientSecret: string;
  /** Runtime only: the secret before the last rotation, accepted until expiresAt (ms). */
  previousClientSecret?: { value: string; expiresAt: number };
  redirectUris: string[];
  roles: string[];
  /**
   * Listed in the Selling Partner Appstore or not. An app that is not listed (Draft, or published but
   * unlisted) can be authorized by at most 25 selling partners (docs/amazon.md §1.7).
   */
  appstoreListing: 'listed' | 'unlisted';
  /** The Login URI registered with the app: Re-Authorize and the Appstore's Authorize now call it. */
  loginUri: string;
  /** Former MWS app (registered before MWS was retired): the redirect carries `mws_auth_token`. New apps get none. */
  hybrid: boolean;
  /** Authorizations by sellers outside the seed, counted against the limit of 25 of an unlisted app. */
  priorAuthorizations: number;
}

export interface Seed {
  accounts: SeedAccount[];
  apps: SeedApp[];
}

export const SEED: Seed = seedJson as Seed;

/** A deep copy, so a running sandbox can change its apps without touching the fixture. */
export function cloneSeed(seed: Seed = SEED): Seed {
  return structuredClone(seed);
}

export function seedAccounts(): SeedAccount[] {
  return SEED.accounts;
}

export function seedAccount(email: string): SeedAccount | undefined {
  return SEED.accounts.find((a) => a.email.toLowerCase() === email.toLowerCase());
}

export function productionApp(): SeedApp {
  return SEED.apps.find((a) => a.status === 'production')!;
}

export function draftApp(): SeedApp {
  return SEED.apps.find((a) => a.status === 'draft')!;
}

/** A published app that is not listed in the Appstore (limited to 25 sellers, no mws_auth_token). */
export function unlistedApp(): SeedApp {
  return SEED.apps.find((a) => a.status === 'production' && a.appstoreListing === 'unlisted')!;
}

/** Sellers an app outside the Appstore may have (docs/amazon.md §1.7). */
export const UNLISTED_APP_SELLER_LIMIT = 25;

/** The default first redirect URI of every seeded app: the cloud's default callback. */
export const DEFAULT_REDIRECT_URI = 'http://127.0.0.1:4200/oauth/amazon/callback';
