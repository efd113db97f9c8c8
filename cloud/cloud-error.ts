// Errors are values with a stable code; the code's catalogue entry (shared/cloud-error-codes.ts) gives
// its HTTP status and default message, so the code says what went wrong and nothing else.
import { stripUnsafeText } from '../shared/safe-text';
import { CLOUD_ERROR_CODES, type CloudErrorCode, type ErrorBody } from '../shared/cloud-error-codes';

export class CloudError extends Error {
  readonly code: CloudErrorCode;
  readonly retryAfter?: number;

  constructor(code: CloudErrorCode, message: string = CLOUD_ERROR_CODES[code].meaning, retryAfter?: number) {
    // Messages may quote Amazon or the request; they are stored and sent, so they stay clean text.
    super(stripUnsafeText(message));
    this.name = 'CloudError';
    this.code = code;
    this.retryAfter = retryAfter;
  }

  get statusCode(): number {
    return CLOUD_ERROR_CODES[this.code].status;
  }

  toBody(): ErrorBody {
    const detail: ErrorBody['error'] = { code: this.code, message: this.message };
    if (this.retryAfter !== undefined) detail.retryAfter = this.retryAfter;
    return { error: detail };
  }
}
