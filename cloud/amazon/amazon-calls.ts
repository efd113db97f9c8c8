// Every HTTP call the cloud makes to LWA or SP-API, with Amazon's request id: Amazon's developer
// support asks for it first (docs/amazon.md §3, §4). The clients add to a call log handed in by the
// caller, which stores it with the platform and the authorization (cloud/repositories/amazon-requests.ts).
import type { AmazonRequest } from '../../shared/cloud-api';
import type { HttpOutcome, ResponseHeaders } from './http-call';

export interface AmazonCall {
  at: Date;
  api: AmazonRequest['api'];
  /** e.g. `token:authorization_code`, `getMarketplaceParticipations`. */
  operation: string;
  httpStatus?: number;
  requestId?: string;
  /** `ok`, Amazon's error code (`invalid_grant`, `Unauthorized`, …) or `network:<reason>`. */
  outcome: string;
}

export class AmazonCallLog {
  readonly calls: AmazonCall[] = [];
  constructor(private readonly now: () => number = Date.now) {}

  add(api: AmazonCall['api'], operation: string, res: HttpOutcome): void {
    if (res.kind === 'network') {
      this.calls.push({ at: new Date(this.now()), api, operation, outcome: `network:${res.reason}` });
      return;
    }
    const requestId = amazonRequestId(res.headers, res.body);
    this.calls.push({
      at: new Date(this.now()),
      api,
      operation,
      httpStatus: res.status,
      ...(requestId ? { requestId } : {}),
      outcome: res.status >= 200 && res.status < 300 ? 'ok' : (errorName(res.body) ?? `HTTP ${res.status}`),
    });
  }
}

/** Amazon's ids are UUID-like; anything else from the wire (control characters, megabytes) is dropped. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._:/+=-]{0,127}$/;
const SAFE_NAME = /^[A-Za-z0-9_.:-]{1,64}$/;

/**
 * SP-API sends `x-amzn-RequestId` on every answer. LWA's token endpoint is documented with neither;
 * we read `x-amzn-RequestId`, then `x-amz-request-id`, then the body's `request_id` (newer LWA error
 * bodies carry one), whichever comes first.
 */
function amazonRequestId(headers: ResponseHeaders, body: unknown): string | undefined {
  const fromBody = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).request_id : undefined;
  const candidates = [
    headers.get('x-amzn-requestid'),
    headers.get('x-amz-request-id'),
    typeof fromBody === 'string' ? fromBody : undefined,
  ];
  return candidates.find((c): c is string => typeof c === 'string' && SAFE_ID.test(c));
}

/** LWA's `error` or SP-API's `errors[0].code`, when it looks like a code. */
function errorName(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as { error?: unknown; errors?: Array<{ code?: unknown }> };
  const name = typeof b.error === 'string' ? b.error : Array.isArray(b.errors) ? b.errors[0]?.code : undefined;
  return typeof name === 'string' && SAFE_NAME.test(name) ? name : undefined;
}
