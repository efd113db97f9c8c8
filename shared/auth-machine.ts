// The sign-in of one platform as a pure state machine: `transition(auth, event)` is the only way a
// platform's `auth` changes (electron/core/sign-in/ applies it; auth-writers.test.ts keeps every other
// file from writing `auth`). An event that does not apply to the current state leaves it unchanged (the
// same object), so a late answer for an authorization that is no longer waited for changes nothing.
// AUTH_ARROWS lists every arrow; docs/architecture.md's diagram and the tests are checked against it.
// Type-only imports: the renderer uses allowedActions without pulling zod into its bundle.
import type { ErrorCode } from './error-codes';
import type { AuthState, ValidAuthorization } from './platform';

export type AuthStatus = AuthState['status'];
type WaitingAuth = Extract<AuthState, { status: 'waiting' }>;
type Params = Record<string, string>;

export type AuthEvent =
  /** ANMELDEN / AKTUALISIEREN: the cloud created an authorization and its consent link passed the check. */
  | {
      type: 'started';
      mode: 'login' | 'refresh';
      authorizationId: string;
      consentUrl: string;
      expiresAt: string;
      at: string;
    }
  | { type: 'browserOpened'; opened: boolean }
  /** A sign-in started in Seller Central or the Appstore (the cloud's Login URI), reported by its feed. */
  | { type: 'followed'; mode: 'login' | 'refresh'; authorizationId: string; expiresAt: string; at: string }
  | { type: 'cloudUnreachable'; at: string }
  | { type: 'cloudReachable' }
  /** The merchant reported what Seller Central shows while waiting goes on. */
  | { type: 'hintReported'; code: ErrorCode; params?: Params }
  | {
      type: 'sellerChanged';
      authorizationId: string;
      at: string;
      previousStoreName?: string;
      next: { sellingPartnerId: string; storeName?: string };
    }
  | {
      type: 'authenticated';
      authorizationId: string;
      sellingPartnerId: string;
      authorizedAt: string;
      renewalDueAt?: string;
      storeName?: string;
    }
  /** Waiting ended without success; a cancelled refresh goes back to the previous authentication. */
  | {
      type: 'ended';
      authorizationId: string;
      status: 'failed' | 'expired' | 'cancelled';
      at: string;
      error?: { code: ErrorCode; detail?: string; params?: Params };
    }
  | { type: 'sellerKept'; authorizationId: string }
  | { type: 'sellerSwitched'; authorizationId: string; authorizedAt: string; renewalDueAt?: string; storeName?: string }
  /** The platform moved to another region: the sign-in of the previous one no longer fits. */
  | { type: 'regionChanged'; at: string; params: Params }
  /** The settings import found the authorization gone on Amazon's side. */
  | { type: 'authorizationRevoked'; at: string; code: ErrorCode }
  | { type: 'storeNameLearned'; storeName: string }
  /** After a timeout the merchant reported the specific error Seller Central showed. */
  | { type: 'expiredReported'; code: ErrorCode; params?: Params }
  /** "Verbindung trennen": the cloud platform and its token are deleted, the platform stays. */
  | { type: 'disconnected' }
  /** A platform adopted from the cloud account, which holds an authentication for it. */
  | { type: 'adopted'; sellingPartnerId: string; authorizedAt: string; renewalDueAt?: string };

export type AuthEventType = AuthEvent['type'];

function assertNever(x: never): never {
  throw new Error(`unexpected ${JSON.stringify(x)}`);
}

export const AUTH_STATUSES = [
  'not_authenticated',
  'waiting',
  'authenticated',
  'seller_changed',
  'failed',
  'expired',
  'cancelled',
  'sign_in_required',
] as const satisfies readonly AuthStatus[];
const ENDED = ['failed', 'expired', 'cancelled', 'sign_in_required'] as const;
const NOT_RUNNING = ['not_authenticated', 'authenticated', ...ENDED] as const;

type Arrows = readonly { from: readonly AuthStatus[]; to: readonly AuthStatus[] }[];

/** Every arrow of the machine: from which states an event leads to which. Anything else is no change. */
export const AUTH_ARROWS = {
  started: [{ from: [...NOT_RUNNING, 'waiting', 'seller_changed'], to: ['waiting'] }],
  browserOpened: [{ from: ['waiting'], to: ['waiting'] }],
  followed: [{ from: [...NOT_RUNNING, 'waiting', 'seller_changed'], to: ['waiting'] }],
  cloudUnreachable: [{ from: ['waiting'], to: ['waiting'] }],
  cloudReachable: [{ from: ['waiting'], to: ['waiting'] }],
  hintReported: [{ from: ['waiting'], to: ['waiting'] }],
  sellerChanged: [{ from: ['waiting'], to: ['seller_changed'] }],
  authenticated: [{ from: ['waiting'], to: ['authenticated'] }],
  ended: [{ from: ['waiting'], to: ['failed', 'expired', 'cancelled', 'authenticated'] }],
  sellerKept: [{ from: ['seller_changed'], to: ['authenticated'] }],
  sellerSwitched: [{ from: ['seller_changed'], to: ['authenticated'] }],
  regionChanged: [{ from: NOT_RUNNING, to: ['sign_in_required'] }],
  authorizationRevoked: [
    { from: ['waiting'], to: ['waiting'] },
    { from: [...NOT_RUNNING, 'seller_changed'], to: ['failed'] },
  ],
  storeNameLearned: [{ from: ['authenticated'], to: ['authenticated'] }],
  expiredReported: [{ from: ['expired'], to: ['failed'] }],
  adopted: [{ from: ['not_authenticated'], to: ['authenticated'] }],
  disconnected: [{ from: NOT_RUNNING, to: ['not_authenticated'] }],
} as const satisfies Record<AuthEventType, Arrows>;

export const INITIAL_AUTH: AuthState = { status: 'not_authenticated' };

/** The authorization the cloud holds right now: the current one, or the previous one while a refresh runs or after it failed. */
export function validAuth(auth: AuthState): ValidAuthorization | undefined {
  if (auth.status === 'authenticated') {
    return {
      sellingPartnerId: auth.sellingPartnerId,
      authorizedAt: auth.authorizedAt,
      ...(auth.renewalDueAt ? { renewalDueAt: auth.renewalDueAt } : {}),
      ...(auth.storeName ? { storeName: auth.storeName } : {}),
    };
  }
  return auth.status === 'not_authenticated' ? undefined : auth.previous;
}

const withPrevious = (previous: ValidAuthorization | undefined) => (previous ? { previous } : {});
const opt = <K extends string, V>(key: K, value: V | undefined) =>
  value === undefined ? {} : ({ [key]: value } as { [P in K]: V });

function waitingFor(auth: AuthState, authorizationId?: string): auth is WaitingAuth {
  return auth.status === 'waiting' && (authorizationId === undefined || auth.authorizationId === authorizationId);
}

export function transition(auth: AuthState, e: AuthEvent): AuthState {
  switch (e.type) {
    case 'started':
      return {
        status: 'waiting',
        origin: 'desktop',
        mode: e.mode,
        authorizationId: e.authorizationId,
        consentUrl: e.consentUrl,
        browserOpened: false,
        expiresAt: e.expiresAt,
        startedAt: e.at,
        ...withPrevious(validAuth(auth)),
      };
    case 'followed':
      return {
        status: 'waiting',
        origin: 'amazon',
        mode: e.mode,
        authorizationId: e.authorizationId,
        expiresAt: e.expiresAt,
        startedAt: e.at,
        ...withPrevious(validAuth(auth)),
      };
    case 'browserOpened':
      return auth.status === 'waiting' && auth.origin === 'desktop' ? { ...auth, browserOpened: e.opened } : auth;
    case 'cloudUnreachable':
      return auth.status === 'waiting' && !auth.cloudUnreachableSince ? { ...auth, cloudUnreachableSince: e.at } : auth;
    case 'cloudReachable': {
      if (auth.status !== 'waiting' || !auth.cloudUnreachableSince) return auth;
      const { cloudUnreachableSince: _gone, ...rest } = auth;
      return rest;
    }
    case 'hintReported':
      return auth.status === 'waiting' ? { ...auth, hint: { code: e.code, ...opt('params', e.params) } } : auth;
    case 'sellerChanged': {
      if (!waitingFor(auth, e.authorizationId) || !auth.previous) return auth;
      const previous = { ...auth.previous, ...opt('storeName', e.previousStoreName) };
      return { status: 'seller_changed', authorizationId: e.authorizationId, at: e.at, previous, next: e.next };
    }
    case 'authenticated': {
      if (!waitingFor(auth, e.authorizationId)) return auth;
      // Same seller: the store name known before stays unless a newer one is given.
      const storeName =
        e.storeName ?? (auth.previous?.sellingPartnerId === e.sellingPartnerId ? auth.previous.storeName : undefined);
      return {
        status: 'authenticated',
        sellingPartnerId: e.sellingPartnerId,
        authorizedAt: e.authorizedAt,
        ...opt('renewalDueAt', e.renewalDueAt),
        ...opt('storeName', storeName),
      };
    }
    case 'ended': {
      if (!waitingFor(auth, e.authorizationId)) return auth;
      if (e.status === 'cancelled' && auth.previous) return { status: 'authenticated', ...auth.previous };
      return { status: e.status, at: e.at, ...opt('error', e.error), ...withPrevious(auth.previous) };
    }
    case 'sellerKept':
      return auth.status === 'seller_changed' && auth.authorizationId === e.authorizationId
        ? { status: 'authenticated', ...auth.previous }
        : auth;
    case 'sellerSwitched':
      if (auth.status !== 'seller_changed' || auth.authorizationId !== e.authorizationId) return auth;
      return {
        status: 'authenticated',
        sellingPartnerId: auth.next.sellingPartnerId,
        authorizedAt: e.authorizedAt,
        ...opt('renewalDueAt', e.renewalDueAt),
        ...opt('storeName', e.storeName ?? auth.next.storeName),
        previousSellingPartnerId: auth.previous.sellingPartnerId,
      };
    case 'regionChanged':
      if (auth.status === 'waiting' || auth.status === 'seller_changed') return auth;
      return { status: 'sign_in_required', at: e.at, error: { code: 'REGION_CHANGED', params: e.params } };
    case 'authorizationRevoked': {
      // A running AKTUALISIEREN keeps waiting (it is the way back); only the revoked authorization is dropped.
      if (auth.status !== 'waiting') return { status: 'failed', at: e.at, error: { code: e.code } };
      const { previous: _revoked, ...waiting } = auth;
      return waiting;
    }
    case 'storeNameLearned':
      return auth.status === 'authenticated' ? { ...auth, storeName: e.storeName } : auth;
    case 'expiredReported':
      return auth.status === 'expired'
        ? {
            status: 'failed',
            at: auth.at,
            error: { code: e.code, ...opt('params', e.params) },
            ...withPrevious(auth.previous),
          }
        : auth;
    case 'adopted':
      return auth.status === 'not_authenticated'
        ? {
            status: 'authenticated',
            sellingPartnerId: e.sellingPartnerId,
            authorizedAt: e.authorizedAt,
            ...opt('renewalDueAt', e.renewalDueAt),
          }
        : auth;
    case 'disconnected':
      return auth.status === 'waiting' || auth.status === 'seller_changed' ? auth : INITIAL_AUTH;
    default:
      return assertNever(e);
  }
}

/** The platform (or any holder of an `auth`) with the event applied; the same object when it does not apply. */
export function withAuthEvent<T extends { auth: AuthState }>(holder: T, event: AuthEvent): T {
  const auth = transition(holder.auth, event);
  return auth === holder.auth ? holder : { ...holder, auth };
}

/** What the user (and so the core) may ask for in this state; the renderer shows exactly these buttons. */
type AuthAction =
  | 'login'
  | 'refresh'
  | 'cancel'
  | 'reopenConsent'
  | 'resolveSellerChange'
  | 'reportSellerCentralError'
  | 'importSettings'
  | 'pairingCode'
  | 'armScenario';

export function allowedActions(auth: AuthState): ReadonlySet<AuthAction> {
  switch (auth.status) {
    case 'waiting':
      return new Set<AuthAction>([
        'cancel',
        'reportSellerCentralError',
        ...(auth.origin === 'desktop' ? (['reopenConsent'] as const) : []),
      ]);
    case 'seller_changed':
      return new Set<AuthAction>(['resolveSellerChange', 'pairingCode', 'armScenario']);
    case 'not_authenticated':
    case 'authenticated':
    case 'failed':
    case 'expired':
    case 'cancelled':
    case 'sign_in_required': {
      const valid = validAuth(auth) !== undefined;
      return new Set<AuthAction>([
        valid ? 'refresh' : 'login',
        ...(valid ? (['importSettings'] as const) : []),
        ...(auth.status === 'expired' ? (['reportSellerCentralError'] as const) : []),
        'pairingCode',
        'armScenario',
      ]);
    }
    default:
      return assertNever(auth);
  }
}
