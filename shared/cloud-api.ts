// The contract between the desktop and the vendor's cloud (cloud/): every request and response body as a
// zod schema plus its TypeScript type, and the stable error codes both sides agree on. The cloud parses
// requests with these schemas; the desktop may parse responses with them.
import { z } from 'zod';
import { COUNTRY_CODES, REGIONS, countryByCode } from './amazon-regions';
import { platformNameSchema } from './platform-name-schema';
import { safeText } from './safe-text';

// ---------------------------------------------------------------------------------------------- errors

/** Every stable error code with a one-line English meaning (the desktop maps them to German text). */
export const CLOUD_ERROR_CODES = {
  // Cloud access and request shape
  INVALID_REQUEST: 'The request body, query or parameters do not match the schema.',
  PAYLOAD_TOO_LARGE: 'The request body is larger than the cloud accepts.',
  UNSUPPORTED_MEDIA_TYPE: 'The request body has a content type the cloud does not accept.',
  NOT_FOUND: 'No such route.',
  UNAUTHORIZED: 'The bearer token is missing, malformed or expired; get a new one at POST /oauth/token.',
  INVALID_CLIENT_CREDENTIALS: 'The cloud Client-ID or Client-Secret is wrong.',
  UNSUPPORTED_GRANT_TYPE: 'POST /oauth/token only supports grant_type=client_credentials.',
  RATE_LIMITED:
    'Too many requests for this tenant, or too many wrong client secrets; retry after the Retry-After seconds.',
  INTERNAL_ERROR: 'The cloud failed unexpectedly; try again later.',
  TENANT_DISABLED:
    'The cloud operator has disabled this tenant; its credentials and tokens are refused until it is enabled again.',
  // Operators (admin API, /metrics)
  ADMIN_UNAUTHORIZED: 'The admin credential is missing or wrong.',
  TENANT_NOT_FOUND: 'No tenant with this id or client id exists.',
  TENANT_NAME_TAKEN: 'Another tenant already has this name.',
  // Platforms
  PLATFORM_NOT_FOUND: 'No platform with this id exists for this tenant.',
  PLATFORM_NAME_TAKEN: 'This tenant already has a platform with this name.',
  IDEMPOTENCY_KEY_REUSED: 'The Idempotency-Key was already used for a different request body.',
  PLATFORM_NOT_AUTHENTICATED: 'The platform has no Amazon authorization yet; sign in first.',
  // Authorizations and Amazon's redirect
  AUTHORIZATION_NOT_FOUND: 'No authorization with this id exists for this tenant.',
  AUTHORIZATION_NOT_PENDING: 'The authorization is no longer pending (completed, failed, expired or cancelled).',
  AUTHORIZATION_SUPERSEDED: 'A newer authorization was started for this platform, which cancelled this one.',
  AUTHORIZATION_EXPIRED: 'Nobody completed the consent on Amazon in time.',
  SELLER_CHANGE_NOT_OPEN: 'The authorization has no seller change waiting for a decision.',
  SELLER_CHANGE_DECIDED: 'The seller change was already decided the other way.',
  STATE_MISSING: "Amazon's redirect carries no state parameter.",
  STATE_INVALID: 'The state parameter is malformed or its signature does not verify (tampered).',
  STATE_EXPIRED: 'The state parameter has expired; start the sign-in again.',
  STATE_REPLAYED: 'The state parameter was already used; each sign-in link works once.',
  CALLBACK_PARAMS_MISSING: "Amazon's redirect lacks spapi_oauth_code or selling_partner_id.",
  AMAZON_CONSENT_DENIED: 'The seller declined or cancelled the consent on Amazon.',
  AMAZON_CALLBACK_ERROR: 'Amazon redirected back with an error instead of an authorization code.',
  SELLER_MISMATCH:
    'Amazon returned another seller than the one that started the sign-in in Seller Central; nothing was changed.',
  SELLER_ID_DISPROVEN:
    "Amazon's token belongs to another seller than the redirect's selling_partner_id names (the URL was edited); nothing was stored.",
  EXCHANGE_INTERRUPTED:
    "The cloud stopped while exchanging Amazon's code, and the code can no longer be used; start the sign-in again.",
  // Login with Amazon
  LWA_INVALID_GRANT: 'Amazon rejected the authorization code: expired (5 min), already used, or redirect URI differs.',
  LWA_INVALID_CLIENT: "Amazon rejected the cloud's LWA client id/secret (wrong or not rotated).",
  LWA_UNAVAILABLE: "Amazon's token endpoint failed or timed out after several retries.",
  LWA_ERROR: "Amazon's token endpoint rejected the request for another reason.",
  REFRESH_TOKEN_REVOKED: 'The seller revoked the app or the 365-day authorization lapsed; sign in again.',
  // SP-API
  SPAPI_ROLES_MISSING:
    'SP-API denied access with no details: the app lacks the roles, or the token predates their approval.',
  SPAPI_WRONG_REGION: "SP-API denied the token on this region's host: the account belongs to another region.",
  SPAPI_ACCESS_DENIED: 'SP-API denied access to the token for another reason.',
  SPAPI_RATE_LIMITED: 'SP-API throttled the call; retry after retryAfter seconds.',
  SPAPI_SERVER_ERROR: 'SP-API answered with a server error or an unexpected body.',
  SPAPI_UNAVAILABLE: 'SP-API could not be reached.',
} as const;

export type CloudErrorCode = keyof typeof CLOUD_ERROR_CODES;
export const CLOUD_ERROR_CODE_LIST = Object.keys(CLOUD_ERROR_CODES) as CloudErrorCode[];

const cloudErrorCodeSchema = z.enum(CLOUD_ERROR_CODE_LIST as [CloudErrorCode, ...CloudErrorCode[]]);

const errorDetailSchema = z.object({
  code: cloudErrorCodeSchema,
  message: safeText(),
  /** Seconds to wait, for RATE_LIMITED, SPAPI_RATE_LIMITED and LWA_UNAVAILABLE. */
  retryAfter: z.number().optional(),
});

/** The body of every non-2xx answer. */
export const errorBodySchema = z.object({ error: errorDetailSchema });
export type ErrorBody = z.infer<typeof errorBodySchema>;

// ------------------------------------------------------------------------------------------ cloud access

export const tokenRequestSchema = z.object({
  grant_type: safeText().max(100),
  // Accepted in the body when the client cannot send HTTP Basic (RFC 6749 §2.3.1 allows both).
  client_id: safeText().max(200).optional(),
  client_secret: safeText().max(200).optional(),
});

export const tokenResponseSchema = z.object({
  access_token: safeText(),
  token_type: z.literal('bearer'),
  expires_in: z.number().int().positive(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

export const whoamiResponseSchema = z.object({ tenantId: safeText(), name: safeText(), clientId: safeText() });

// --------------------------------------------------------------------------------------------- platforms

const regionSchema = z.enum(REGIONS);
/** One of Amazon's country codes (shared/amazon-regions.ts); the desktop's profile uses the same schema. */
export const countryCodeSchema = z.enum(COUNTRY_CODES as [string, ...string[]]);

export const createPlatformRequestSchema = z
  .object({
    type: z.literal('amazon'),
    // The shared text rule first (its message names control characters), then the one name rule.
    name: safeText().pipe(platformNameSchema),
    region: regionSchema,
    /** Picks the Seller Central host of the consent URL; must lie in `region`. */
    countryCode: countryCodeSchema,
  })
  .refine((b) => countryByCode(b.countryCode)?.region === b.region, {
    path: ['countryCode'],
    message: 'country is not in the given region',
  });
export type CreatePlatformRequest = z.infer<typeof createPlatformRequestSchema>;

/** PATCH /v1/platforms/:id: the ERP's Bezeichnung changed (unique within the tenant, 409 otherwise). */
export const renamePlatformRequestSchema = z.object({ name: safeText().pipe(platformNameSchema) });

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const idempotencyKeySchema = safeText().min(1).max(200);

/** A marketplace as the cloud's settings import reports it (the desktop's own adds the user's choice). */
export const cloudMarketplaceSchema = z.object({
  id: safeText(),
  name: safeText(),
  countryCode: safeText(),
  defaultCurrencyCode: safeText(),
  defaultLanguageCode: safeText(),
  domainName: safeText(),
  storeName: safeText(),
  isParticipating: z.boolean(),
  hasSuspendedListings: z.boolean(),
});
export type CloudMarketplace = z.infer<typeof cloudMarketplaceSchema>;

/**
 * One call the cloud made to Amazon for this platform, with Amazon's request id: Amazon's developer
 * support asks for it (docs/amazon.md §3, §4). Never a token, code or secret.
 */
const amazonRequestSchema = z.object({
  /** ISO 8601. */
  at: safeText(),
  /** LWA's token endpoint or SP-API. */
  api: z.enum(['lwa', 'spapi']),
  /** e.g. `token:authorization_code`, `token:refresh_token`, `getMarketplaceParticipations (EU)`. */
  operation: safeText(),
  httpStatus: z.number().int().optional(),
  /** `x-amzn-RequestId` (SP-API; LWA: that header, `x-amz-request-id` or the body's `request_id`). */
  requestId: safeText().optional(),
  /** `ok`, Amazon's error code, or `network:<reason>`. */
  outcome: safeText(),
});
export type AmazonRequest = z.infer<typeof amazonRequestSchema>;

/** Amazon makes sellers renew an authorization every 365 days (docs/amazon.md §1.5). */
export const AUTHORIZATION_RENEWAL_DAYS = 365;

const platformStatusSchema = z.enum(['not_authenticated', 'authenticated']);

/**
 * A rename the cloud's upgrade made (migration 2: names compared by the shared name rule; a clashing
 * one got a suffix like " (2)", surrounding blanks went). Listed until a desktop of the tenant
 * acknowledges it (POST /v1/platforms/:id/rename-notice/acknowledge).
 */
export const platformRenameNoticeSchema = z.object({
  oldName: safeText(),
  newName: safeText(),
  /** `name_clash`: another platform of the account had the same name; `normalised`: blanks or Unicode form only. */
  reason: z.enum(['name_clash', 'normalised']),
  /** ISO 8601. */
  renamedAt: safeText(),
});
export type PlatformRenameNotice = z.infer<typeof platformRenameNoticeSchema>;

/** A platform as the cloud stores it (the desktop's profile is `Platform` in shared/platform.ts). */
export const cloudPlatformSchema = z.object({
  id: safeText(),
  type: z.literal('amazon'),
  name: safeText(),
  region: regionSchema,
  countryCode: safeText(),
  status: platformStatusSchema,
  sellingPartnerId: safeText().optional(),
  /** The seller's store name from SP-API Sellers (known after a settings import or a seller change). */
  storeName: safeText().optional(),
  /** ISO 8601. */
  authorizedAt: safeText().optional(),
  /** ISO 8601: Amazon's authorization must be renewed by then (365 days after authorizedAt). */
  renewalDueAt: safeText().optional(),
  marketplaces: z.array(cloudMarketplaceSchema).optional(),
  createdAt: safeText(),
  /** The cloud's upgrade renamed this platform and no desktop has acknowledged it yet. */
  renamedByUpgrade: platformRenameNoticeSchema.optional(),
  /** GET /v1/platforms/:id only: the latest calls to Amazon for this platform, oldest first. */
  amazonRequests: z.array(amazonRequestSchema).optional(),
});
export type CloudPlatform = z.infer<typeof cloudPlatformSchema>;

export const platformListSchema = z.object({ platforms: z.array(cloudPlatformSchema) });

export const settingsImportResponseSchema = z.object({
  /** The seller's marketplaces of Amazon's table (shared/amazon-regions.ts): the ones offered. */
  marketplaces: z.array(cloudMarketplaceSchema),
  /** Entries outside the table ("Non-Amazon", undocumented ids): kept aside, never offered (docs/amazon.md §4). */
  otherMarketplaces: z.array(cloudMarketplaceSchema).optional(),
  /** The calls to Amazon this import made, with Amazon's request ids. */
  amazonRequests: z.array(amazonRequestSchema).optional(),
});

// ---------------------------------------------------------------------------------------- authorizations

const authorizationModeSchema = z.enum(['login', 'refresh']);
export type AuthorizationMode = z.infer<typeof authorizationModeSchema>;

/**
 * `seller_changed`: a refresh brought another seller account. The platform keeps its previous seller
 * and tokens; the new refresh token is held aside until POST /v1/authorizations/:id/seller-change
 * decides "keep" (dropped) or "switch" (becomes the platform's; imported marketplaces are cleared).
 */
const authorizationStatusSchema = z.enum([
  'pending',
  'authenticated',
  'seller_changed',
  'failed',
  'expired',
  'cancelled',
]);
export type AuthorizationStatus = z.infer<typeof authorizationStatusSchema>;

export const createAuthorizationRequestSchema = z.object({ mode: authorizationModeSchema });

export const createAuthorizationResponseSchema = z.object({
  id: safeText(),
  platformId: safeText(),
  status: z.literal('pending'),
  consentUrl: safeText(),
  expiresAt: safeText(),
  /** How long to wait before the first status call. */
  pollAfterMs: z.number().int().nonnegative(),
});
export type CreateAuthorizationResponse = z.infer<typeof createAuthorizationResponseSchema>;

const MAX_WAIT_SECONDS = 30;
export const authorizationQuerySchema = z.object({
  wait: z.coerce.number().int().min(0).max(MAX_WAIT_SECONDS).optional(),
});

const cloudSellerSchema = z.object({ sellingPartnerId: safeText(), storeName: safeText().optional() });
const sellerDecisionSchema = z.enum(['keep', 'switch']);
export type SellerDecision = z.infer<typeof sellerDecisionSchema>;

export const authorizationSchema = z.object({
  id: safeText(),
  platformId: safeText(),
  mode: authorizationModeSchema,
  status: authorizationStatusSchema,
  expiresAt: safeText(),
  error: z.object({ code: cloudErrorCodeSchema, message: safeText() }).optional(),
  sellingPartnerId: safeText().optional(),
  /** For mode 'refresh': Amazon returned a different seller than the platform had. */
  sellingPartnerIdChanged: z.boolean().optional(),
  /** Status `seller_changed`: both sellers, and the decision once made. */
  sellerChange: z
    .object({
      previous: cloudSellerSchema,
      next: cloudSellerSchema,
      decision: sellerDecisionSchema.optional(),
      decidedAt: safeText().optional(),
    })
    .optional(),
  completedAt: safeText().optional(),
  /** 'amazon': started on Amazon's side (Seller Central's Re-Authorize or the Appstore) at the Login URI. */
  origin: z.enum(['desktop', 'amazon']).optional(),
  /** For an authenticated authorization: Amazon's authorization must be renewed by then (365 days). */
  renewalDueAt: safeText().optional(),
  /**
   * For an authenticated authorization: the seller's store name as the platform now has it (null: not
   * known yet). With it the desktop needs no second call before it shows the sign-in as done.
   */
  storeName: safeText().nullable().optional(),
  /** Once finished: the calls to Amazon this sign-in made (the code exchange), with Amazon's request ids. */
  amazonRequests: z.array(amazonRequestSchema).optional(),
});
export type Authorization = z.infer<typeof authorizationSchema>;

/** POST /v1/authorizations/:id/seller-change: idempotent; the same decision again answers the same. */
export const sellerChangeRequestSchema = z.strictObject({ decision: sellerDecisionSchema });
/**
 * GET /v1/platforms/changes?since=<cursor>&wait=N: sign-ins that started on Amazon's side for this
 * tenant's platforms, after `since`. Without `since`: those still pending, and the current cursor.
 */
export const platformChangesQuerySchema = z.object({
  since: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional(),
  wait: z.coerce.number().int().min(0).max(MAX_WAIT_SECONDS).optional(),
});
export const platformChangesSchema = z.object({
  cursor: safeText(),
  authorizations: z.array(authorizationSchema),
});

/** POST /v1/platforms/:id/pairing-code: a short code the seller types at the Login URI (single use). */
export const pairingCodeSchema = z.object({
  code: safeText(),
  expiresAt: safeText(),
});

// ------------------------------------------------------------------------------ Amazon's redirect (ERP)

/** What the browser shows after a successful redirect (the ERP's raw JSON page). */
export const callbackSuccessSchema = z.object({
  result: z.object({
    result: z.object({
      mws_auth_token: safeText().nullable(),
      spapi_oauth_code: safeText(),
      state: safeText(),
    }),
  }),
});
export type CallbackSuccess = z.infer<typeof callbackSuccessSchema>;

export const AMAZON_CALLBACK_PATH = '/oauth/amazon/callback';

/** The Login URI registered with the app: Seller Central's Re-Authorize and the Appstore land here. */
export const AMAZON_LOGIN_PATH = '/oauth/amazon/login';

/**
 * The consent link the desktop opens: `<AMAZON_START_PATH>/<authorization id>?state=…` binds the browser to
 * the sign-in with a short-lived cookie and redirects to Seller Central's consent URL (docs/amazon.md §1.6).
 */
export const AMAZON_START_PATH = '/oauth/amazon/start';
