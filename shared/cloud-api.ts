// The contract between the desktop and the vendor's cloud (cloud/): every request and response body as a
// zod schema plus its TypeScript type, and the stable error codes both sides agree on. The cloud parses
// requests with these schemas; the desktop may parse responses with them.
import { z } from 'zod';
import { COUNTRY_CODES, REGIONS, countryByCode } from './amazon-regions';
import { platformNameSchema } from './platform-name-schema';
import { safeText } from './safe-text';
import { cloudErrorCodeSchema } from './cloud-error-codes';

// ---------------------------------------------------------------------------------------------- errors

export {
  CLOUD_ERROR_CODES,
  CLOUD_ERROR_CODE_LIST,
  errorBodySchema,
  type CloudErrorCode,
  type ErrorBody,
} from './cloud-error-codes';

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
