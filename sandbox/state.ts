// Everything the sandbox remembers lives here, in memory; reset() restores the seed.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Region } from '../shared/amazon-regions';
import { PageErrorLog } from './page-errors';
import { ScenarioStore } from './scenarios';
import { cloneSeed, type Seed, type SeedAccount, type SeedApp } from './seed';
import { TokenBucket } from './token-bucket';

export interface Session {
  id: string;
  /** Seller Central host the cookie belongs to. */
  host: string;
  email?: string;
  stage: 'mfa' | 'signed-in';
  csrf: string;
}

interface SmsMessage {
  email: string;
  phone: string;
  code: string;
  text: string;
  sentAt: number;
  /** Wrong attempts so far (3 allowed). */
  tries: number;
  used: boolean;
}

interface AuthCode {
  code: string;
  applicationId: string;
  clientId: string;
  redirectUri: string;
  sellingPartnerId: string;
  region: Region;
  issuedAt: number;
  used: boolean;
}

interface RefreshToken {
  token: string;
  clientId: string;
  sellingPartnerId: string;
  region: Region;
  revoked: boolean;
}

interface AccessToken {
  token: string;
  clientId: string;
  /** Absent for grantless (client_credentials) tokens. */
  sellingPartnerId?: string;
  region?: Region;
  expiresAt: number;
  refreshToken?: string;
}

/** An amazon_state handed to an app's Login URI (Re-Authorize, Authorize now); it must come back unchanged, once. */
interface LoginState {
  applicationId: string;
  host: string;
  email: string;
  issuedAt: number;
  used: boolean;
}

export type WrongRegion403 = 'empty' | 'invalid_token';

export class SandboxState {
  seed!: Seed;
  sessions = new Map<string, Session>();
  failedLogins = new Map<string, number>();
  sms: SmsMessage[] = [];
  codes = new Map<string, AuthCode>();
  refreshTokens = new Map<string, RefreshToken>();
  accessTokens = new Map<string, AccessToken>();
  /** Distinct sellers that authorized each app (the Draft limit counts these). */
  authorizations = new Map<string, Set<string>>();
  buckets = new Map<string, TokenBucket>();
  loginStates = new Map<string, LoginState>();
  readonly scenarios = new ScenarioStore();
  readonly pageErrors = new PageErrorLog();
  /** E-mail of a seeded account whose credentials the next sign-in page shows (chosen in the app). */
  signInPrefill: string | undefined;
  /** Set when the state is kept in a file across restarts (persistence.ts). */
  persisted = false;
  /** When the sandbox was last reset on purpose (POST /sandbox/api/reset); survives restarts. */
  resetAt: string | undefined;
  /** The state file could not be read and was kept aside at this path. */
  stateWarning: string | undefined;
  /**
   * What SP-API's 403 for a token of another region says in `details` (docs/amazon.md §4): real reports
   * show it empty (selling-partner-api-models #4825); `invalid_token` is the detailed form Amazon gives
   * a token it does not accept. Both are offered so clients are tested against each.
   */
  wrongRegion403: WrongRegion403 = 'empty';

  constructor(
    private readonly initialSeed: Seed,
    private readonly extraRedirectUris: string[],
    readonly now: () => number,
    /** Replaces every seeded app's Login URI (a cloud on another port than 4200). */
    private readonly loginUri?: string,
  ) {
    this.reset();
  }

  reset(): void {
    this.seed = cloneSeed(this.initialSeed);
    for (const app of this.seed.apps) {
      for (const uri of this.extraRedirectUris) if (!app.redirectUris.includes(uri)) app.redirectUris.push(uri);
      if (this.loginUri) app.loginUri = this.loginUri;
    }
    this.sessions.clear();
    this.failedLogins.clear();
    this.sms = [];
    this.codes.clear();
    this.refreshTokens.clear();
    this.accessTokens.clear();
    this.authorizations.clear();
    this.buckets.clear();
    this.loginStates.clear();
    this.scenarios.clear();
    this.pageErrors.clear();
    this.signInPrefill = undefined;
  }

  account(email: string): SeedAccount | undefined {
    const e = email.trim().toLowerCase();
    return this.seed.accounts.find((a) => a.email.toLowerCase() === e);
  }

  /** The primary account of a seller (its marketplaces and store name answer SP-API calls). */
  seller(sellingPartnerId: string): SeedAccount | undefined {
    const users = this.seed.accounts.filter((a) => a.sellingPartnerId === sellingPartnerId);
    return users.find((a) => a.role === 'primary') ?? users[0];
  }

  appById(applicationId: string): SeedApp | undefined {
    return this.seed.apps.find((a) => a.applicationId === applicationId);
  }

  appByClientId(clientId: string): SeedApp | undefined {
    return this.seed.apps.find((a) => a.clientId === clientId);
  }

  authorizationCount(app: SeedApp): number {
    return app.priorAuthorizations + (this.authorizations.get(app.applicationId)?.size ?? 0);
  }

  newSession(host: string): Session {
    const s: Session = { id: randomUUID(), host, stage: 'mfa', csrf: randomBytes(16).toString('hex') };
    this.sessions.set(s.id, s);
    return s;
  }
}
