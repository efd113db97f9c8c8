// Stores the calls to Amazon (AmazonCallLog) with their platform and authorization, and reads them
// back for the status API. Only the latest calls per platform are kept: support needs the recent ids,
// not a history that grows with every settings import.
import type { AmazonRequest } from '../../shared/cloud-api';
import type { Queryable } from '../db/queryable';
import type { AmazonCall } from '../amazon/amazon-calls';

/** Per platform; older rows are deleted when new ones arrive. */
const KEPT_PER_PLATFORM = 50;
/** Batches of up to this many calls are inserted by a prepared statement, one per size. */
const PREPARED_BATCHES = 4;
/** What GET /v1/platforms/:id returns. */
const SHOWN_PER_PLATFORM = 20;

interface Row {
  api: AmazonRequest['api'];
  operation: string;
  http_status: number | null;
  request_id: string | null;
  outcome: string;
  at: Date;
}

/** Stores the calls and keeps only the platform's latest KEPT_PER_PLATFORM. */
export async function recordAmazonCalls(...batch: Parameters<typeof insertAmazonCalls>): Promise<void> {
  const [db, platformId, , calls] = batch;
  if (calls.length === 0) return;
  await insertAmazonCalls(...batch);
  await trimAmazonCalls(db, platformId);
}

/** Stores the calls in one statement, without dropping older ones (trimAmazonCalls does that). */
export async function insertAmazonCalls(
  db: Queryable,
  platformId: string,
  authorizationId: string | null,
  calls: AmazonCall[],
): Promise<void> {
  if (calls.length === 0) return;
  const values: string[] = [];
  const params: unknown[] = [platformId, authorizationId];
  for (const c of calls) {
    const at = params.length;
    values.push(`($1, $2, $${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6})`);
    params.push(c.api, c.operation, c.httpStatus ?? null, c.requestId ?? null, c.outcome, c.at);
  }
  // Prepared (db/queryable.ts) for the usual batches: a sign-in's token exchange and seller-id proof.
  const name = calls.length <= PREPARED_BATCHES ? `amazon_calls_insert_${calls.length}` : undefined;
  await db.query(
    `INSERT INTO amazon_requests (platform_id, authorization_id, api, operation, http_status, request_id, outcome, at)
     VALUES ${values.join(', ')}`,
    params,
    name,
  );
}

/** Keeps only the platform's latest KEPT_PER_PLATFORM calls. */
export async function trimAmazonCalls(db: Queryable, platformId: string): Promise<void> {
  await db.query(
    `DELETE FROM amazon_requests WHERE platform_id = $1 AND id < (
       SELECT min(id) FROM (SELECT id FROM amazon_requests WHERE platform_id = $1 ORDER BY id DESC LIMIT $2) AS latest)`,
    [platformId, KEPT_PER_PLATFORM],
    'amazon_calls_trim',
  );
}

const toApi = (r: Row): AmazonRequest => ({
  at: r.at.toISOString(),
  api: r.api,
  operation: r.operation,
  ...(r.http_status !== null ? { httpStatus: r.http_status } : {}),
  ...(r.request_id ? { requestId: r.request_id } : {}),
  outcome: r.outcome,
});

export function callsToApi(calls: AmazonCall[]): AmazonRequest[] {
  return calls.map((c) =>
    toApi({
      api: c.api,
      operation: c.operation,
      http_status: c.httpStatus ?? null,
      request_id: c.requestId ?? null,
      outcome: c.outcome,
      at: c.at,
    }),
  );
}

/** The latest calls of a platform, oldest first. */
export async function platformAmazonRequests(
  db: Queryable,
  platformId: string,
  limit = SHOWN_PER_PLATFORM,
): Promise<AmazonRequest[]> {
  const { rows } = await db.query<Row>(
    `SELECT api, operation, http_status, request_id, outcome, at FROM amazon_requests WHERE platform_id = $1 ORDER BY id DESC LIMIT $2`,
    [platformId, limit],
  );
  return rows.reverse().map(toApi);
}

export async function authorizationAmazonRequests(db: Queryable, authorizationId: string): Promise<AmazonRequest[]> {
  const { rows } = await db.query<Row>(
    `SELECT api, operation, http_status, request_id, outcome, at FROM amazon_requests WHERE authorization_id = $1 ORDER BY id`,
    [authorizationId],
  );
  return rows.map(toApi);
}
