// Every SQL statement of the retention job (ops/retention.ts) outside `authorizations`: old idempotency
// keys, and platforms deleted long ago with what still refers to them. The job runs on every instance;
// an advisory lock held for its transaction lets one of them do the work at a time.
import type { Queryable } from '../db/queryable';
import { deleteAuthorizationsOfPlatformsDeletedBefore } from './authorizations/lifecycle';

/** Any fixed number other than the migrations' lock. */
const RETENTION_LOCK = 7_236_116;

/** false: another instance runs the job right now (this transaction then does nothing). */
export async function takeRetentionLock(q: Queryable): Promise<boolean> {
  const { rows } = await q.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [RETENTION_LOCK]);
  return rows[0]?.ok === true;
}

export async function deleteIdempotencyKeysCreatedBefore(q: Queryable, before: Date): Promise<number> {
  const { affectedRows } = await q.query('DELETE FROM idempotency_keys WHERE created_at < $1', [before]);
  return affectedRows ?? 0;
}

/** Platforms deleted (tombstoned) before `before`, for good: their calls, sign-ins, codes, renames and keys first. */
export async function purgePlatformsDeletedBefore(q: Queryable, before: Date): Promise<number> {
  const gone = 'SELECT id FROM platforms WHERE deleted_at < $1';
  await q.query(`DELETE FROM amazon_requests WHERE platform_id IN (${gone})`, [before]);
  await deleteAuthorizationsOfPlatformsDeletedBefore(q, before);
  await q.query(`DELETE FROM pairing_codes WHERE platform_id IN (${gone})`, [before]);
  await q.query(`DELETE FROM platform_renames WHERE platform_id IN (${gone})`, [before]);
  await q.query(`DELETE FROM idempotency_keys WHERE platform_id IN (${gone})`, [before]);
  const { affectedRows } = await q.query('DELETE FROM platforms WHERE deleted_at < $1', [before]);
  return affectedRows ?? 0;
}
