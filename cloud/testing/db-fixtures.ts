// Unit-test fixtures on a real (in-memory PGlite) database: a platform to hang authorizations on, a
// pending sign-in made by the real rules, and the database wrapped to count the statements it runs.
import type { Database } from '../db/database';
import { createPlatform } from '../platforms/platform-service';
import { createAuthorization } from '../authorizations/authorization-service';
import type { AuthorizationRow } from '../repositories/authorizations/row';

let platforms = 0;

/** A new platform of this tenant (a fresh name each time); its id. */
export async function newPlatformId(db: Database, tenantId: string): Promise<string> {
  const body = { type: 'amazon', name: `Amazon ${++platforms}`, region: 'EU', countryCode: 'DE' } as const;
  return (await createPlatform(db, tenantId, body, undefined, new Date())).row.id;
}

/** A pending desktop sign-in (10 minutes to go) of a new platform of this tenant. */
export async function pendingAuthorization(db: Database, tenantId: string): Promise<AuthorizationRow> {
  return (await createAuthorization(db, tenantId, await newPlatformId(db, tenantId), 'login', new Date(), 600)).row;
}

/** `db` that counts the statements `counts` picks (all by default); `reads` is their number so far. */
export function countingDatabase(
  db: Database,
  counts: (sql: string, params?: unknown[], name?: string) => boolean = () => true,
) {
  const counter = { reads: 0, db: undefined as unknown as Database };
  counter.db = {
    ...db,
    query: (sql: string, params?: unknown[], name?: string) => {
      if (counts(sql, params, name)) counter.reads++;
      return db.query(sql, params, name);
    },
  } as Database;
  return counter;
}
