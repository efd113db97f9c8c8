// The cloud's stable error codes, one entry each: the HTTP status the cloud answers with and a one-line
// English meaning (the desktop shows its own German and English texts, renderer/src/i18n/errors.*.ts).
// An entry without a status, or with one that is no error status, does not compile.
import { z } from 'zod';
import { safeText } from './safe-text';

/** The statuses an error answer may have. */
type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 502 | 503;

export interface CloudErrorEntry {
  readonly status: ErrorStatus;
  readonly meaning: string;
}

/** An entry: the code's HTTP status and meaning. */
const status = <S extends ErrorStatus>(answered: S, meaning: string) => ({ status: answered, meaning }) as const;

export const CLOUD_ERROR_CODES = {
  // Cloud access and request shape
  INVALID_REQUEST: status(400, 'The request body, query or parameters do not match the schema.'),
  PAYLOAD_TOO_LARGE: status(413, 'The request body is larger than the cloud accepts.'),
  UNSUPPORTED_MEDIA_TYPE: status(415, 'The request body has a content type the cloud does not accept.'),
  NOT_FOUND: status(404, 'No such route.'),
  UNAUTHORIZED: status(401, 'The bearer token is missing, malformed or expired; get a new one at POST /oauth/token.'),
  INVALID_CLIENT_CREDENTIALS: status(401, 'The cloud Client-ID or Client-Secret is wrong.'),
  UNSUPPORTED_GRANT_TYPE: status(400, 'POST /oauth/token only supports grant_type=client_credentials.'),
  RATE_LIMITED: status(
    429,
    'Too many requests for this tenant, or too many wrong client secrets; retry after the Retry-After seconds.',
  ),
  INTERNAL_ERROR: status(500, 'The cloud failed unexpectedly; try again later.'),
  TENANT_DISABLED: status(
    403,
    'The cloud operator has disabled this tenant; its credentials and tokens are refused until it is enabled again.',
  ),
  // Operators (admin API, /metrics)
  ADMIN_UNAUTHORIZED: status(401, 'The admin credential is missing or wrong.'),
  TENANT_NOT_FOUND: status(404, 'No tenant with this id or client id exists.'),
  TENANT_NAME_TAKEN: status(409, 'Another tenant already has this name.'),
  // Platforms
  PLATFORM_NOT_FOUND: status(404, 'No platform with this id exists for this tenant.'),
  PLATFORM_NAME_TAKEN: status(409, 'This tenant already has a platform with this name.'),
  IDEMPOTENCY_KEY_REUSED: status(422, 'The Idempotency-Key was already used for a different request body.'),
  PLATFORM_NOT_AUTHENTICATED: status(409, 'The platform has no Amazon authorization yet; sign in first.'),
  // Authorizations and Amazon's redirect
  AUTHORIZATION_NOT_FOUND: status(404, 'No authorization with this id exists for this tenant.'),
  AUTHORIZATION_NOT_PENDING: status(
    409,
    'The authorization is no longer pending (completed, failed, expired or cancelled).',
  ),
  AUTHORIZATION_SUPERSEDED: status(
    400,
    'A newer authorization was started for this platform, which cancelled this one.',
  ),
  AUTHORIZATION_EXPIRED: status(400, 'Nobody completed the consent on Amazon in time.'),
  SELLER_CHANGE_NOT_OPEN: status(409, 'The authorization has no seller change waiting for a decision.'),
  SELLER_CHANGE_DECIDED: status(409, 'The seller change was already decided the other way.'),
  STATE_MISSING: status(400, "Amazon's redirect carries no state parameter."),
  STATE_INVALID: status(400, 'The state parameter is malformed or its signature does not verify (tampered).'),
  STATE_EXPIRED: status(400, 'The state parameter has expired; start the sign-in again.'),
  STATE_REPLAYED: status(400, 'The state parameter was already used; each sign-in link works once.'),
  CALLBACK_PARAMS_MISSING: status(400, "Amazon's redirect lacks spapi_oauth_code or selling_partner_id."),
  AMAZON_CONSENT_DENIED: status(400, 'The seller declined or cancelled the consent on Amazon.'),
  AMAZON_CALLBACK_ERROR: status(400, 'Amazon redirected back with an error instead of an authorization code.'),
  SELLER_MISMATCH: status(
    400,
    'Amazon returned another seller than the one that started the sign-in in Seller Central; nothing was changed.',
  ),
  SELLER_ID_DISPROVEN: status(
    400,
    "Amazon's token belongs to another seller than the redirect's selling_partner_id names (the URL was edited); nothing was stored.",
  ),
  EXCHANGE_INTERRUPTED: status(
    400,
    "The cloud stopped while exchanging Amazon's code, and the code can no longer be used; start the sign-in again.",
  ),
  // Login with Amazon
  LWA_INVALID_GRANT: status(
    502,
    'Amazon rejected the authorization code: expired (5 min), already used, or redirect URI differs.',
  ),
  LWA_INVALID_CLIENT: status(502, "Amazon rejected the cloud's LWA client id/secret (wrong or not rotated)."),
  LWA_UNAVAILABLE: status(503, "Amazon's token endpoint failed or timed out after several retries."),
  LWA_ERROR: status(502, "Amazon's token endpoint rejected the request for another reason."),
  REFRESH_TOKEN_REVOKED: status(409, 'The seller revoked the app or the 365-day authorization lapsed; sign in again.'),
  // SP-API
  SPAPI_ROLES_MISSING: status(
    502,
    'SP-API denied access with no details: the app lacks the roles, or the token predates their approval.',
  ),
  SPAPI_WRONG_REGION: status(
    502,
    "SP-API denied the token on this region's host: the account belongs to another region.",
  ),
  SPAPI_ACCESS_DENIED: status(502, 'SP-API denied access to the token for another reason.'),
  SPAPI_RATE_LIMITED: status(429, 'SP-API throttled the call; retry after retryAfter seconds.'),
  SPAPI_SERVER_ERROR: status(502, 'SP-API answered with a server error or an unexpected body.'),
  SPAPI_UNAVAILABLE: status(503, 'SP-API could not be reached.'),
} as const satisfies Record<string, CloudErrorEntry>;

export type CloudErrorCode = keyof typeof CLOUD_ERROR_CODES;
export const CLOUD_ERROR_CODE_LIST = Object.keys(CLOUD_ERROR_CODES) as CloudErrorCode[];

export const cloudErrorCodeSchema = z.enum(CLOUD_ERROR_CODE_LIST as [CloudErrorCode, ...CloudErrorCode[]]);

const errorDetailSchema = z.object({
  code: cloudErrorCodeSchema,
  message: safeText(),
  /** Seconds to wait, for RATE_LIMITED, SPAPI_RATE_LIMITED and LWA_UNAVAILABLE. */
  retryAfter: z.number().optional(),
});

/** The body of every non-2xx answer. */
export const errorBodySchema = z.object({ error: errorDetailSchema });
export type ErrorBody = z.infer<typeof errorBodySchema>;
