// Errors are values with a stable code (shared/cloud-api.ts); the HTTP status lives here so routes only
// say what went wrong.
import { stripUnsafeText } from '../shared/safe-text';
import { CLOUD_ERROR_CODES, type CloudErrorCode, type ErrorBody } from '../shared/cloud-api';

const STATUS: Partial<Record<CloudErrorCode, number>> = {
  INVALID_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  NOT_FOUND: 404,
  UNAUTHORIZED: 401,
  INVALID_CLIENT_CREDENTIALS: 401,
  UNSUPPORTED_GRANT_TYPE: 400,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  TENANT_DISABLED: 403,
  ADMIN_UNAUTHORIZED: 401,
  TENANT_NOT_FOUND: 404,
  TENANT_NAME_TAKEN: 409,
  PLATFORM_NOT_FOUND: 404,
  PLATFORM_NAME_TAKEN: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  PLATFORM_NOT_AUTHENTICATED: 409,
  AUTHORIZATION_NOT_FOUND: 404,
  AUTHORIZATION_NOT_PENDING: 409,
  SELLER_CHANGE_NOT_OPEN: 409,
  SELLER_CHANGE_DECIDED: 409,
  REFRESH_TOKEN_REVOKED: 409,
  LWA_UNAVAILABLE: 503,
  SPAPI_RATE_LIMITED: 429,
  SPAPI_ROLES_MISSING: 502,
  SPAPI_WRONG_REGION: 502,
  SPAPI_ACCESS_DENIED: 502,
  SPAPI_SERVER_ERROR: 502,
  SPAPI_UNAVAILABLE: 503,
};

export class CloudError extends Error {
  readonly code: CloudErrorCode;
  readonly retryAfter?: number;

  constructor(code: CloudErrorCode, message: string = CLOUD_ERROR_CODES[code], retryAfter?: number) {
    // Messages may quote Amazon or the request; they are stored and sent, so they stay clean text.
    super(stripUnsafeText(message));
    this.name = 'CloudError';
    this.code = code;
    this.retryAfter = retryAfter;
  }

  /** Callback and upstream errors not listed above are the caller's fault or Amazon's: 400 or 502. */
  get statusCode(): number {
    return STATUS[this.code] ?? (this.code.startsWith('LWA_') ? 502 : 400);
  }

  toBody(): ErrorBody {
    const detail: ErrorBody['error'] = { code: this.code, message: this.message };
    if (this.retryAfter !== undefined) detail.retryAfter = this.retryAfter;
    return { error: detail };
  }
}
