// Pairing codes: when Amazon's selling_partner_id does not name exactly one platform (a new seller from
// the Appstore, or one seller in two tenants), the seller types the code the desktop shows under
// ZUGANGSDATEN. Short enough to type (8 characters from an alphabet without look-alikes, shown as
// XXXX-XXXX, 30^8 ≈ 6.6·10^11 values), short-lived (10 minutes), single use, and stored as a hash only.
// Guessing is bounded by the limits of the form that takes it (the callback's page, authorizations/callback-routes.ts).
import { createHash, randomInt } from 'node:crypto';
import type { Database, Queryable } from '../db/queryable';
import { getPlatform } from './platform-service';
import { findPlatform, type PlatformRow } from '../repositories/platforms';
import { deleteStalePairingCodes, insertPairingCode, livePairingCode } from '../repositories/pairing-codes';

/** No 0/O, 1/I/L, U: what a seller reads off a screen is what they type. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 8;
const PAIRING_CODE_TTL_MS = 10 * 60_000;

function newCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Upper case, separators dropped: "abcd efgh", "ABCD-EFGH" and "abcdefgh" are one code. */
function normalizePairingCode(input: string): string | undefined {
  const plain = input.toUpperCase().replace(/[\s-]/g, '');
  if (plain.length !== LENGTH || [...plain].some((c) => !ALPHABET.includes(c))) return undefined;
  return plain;
}

const hash = (normalized: string) => createHash('sha256').update(`pairing:${normalized}`, 'utf8').digest('hex');

/** A new code for the platform; older unused codes of the platform stop working. */
export async function createPairingCode(
  db: Database,
  tenantId: string,
  platformId: string,
  now: Date,
): Promise<{ code: string; expiresAt: Date }> {
  return db.transaction(async (tx) => {
    await getPlatform(tx, tenantId, platformId, true);
    await deleteStalePairingCodes(tx, platformId, now);
    const code = newCode();
    const expiresAt = new Date(now.getTime() + PAIRING_CODE_TTL_MS);
    await insertPairingCode(tx, {
      code_hash: hash(normalizePairingCode(code)!),
      tenant_id: tenantId,
      platform_id: platformId,
      expires_at: expiresAt,
      created_at: now,
    });
    return { code, expiresAt };
  });
}

/** The code's live platform without using the code up, or undefined when unknown, expired, used, or the platform is gone. */
export async function findPairingCodePlatform(
  db: Queryable,
  input: string,
  now: Date,
): Promise<PlatformRow | undefined> {
  return pairedPlatform(db, input, now, false);
}

/**
 * Uses the code up once the sign-in it names may start (a refusal — region, disabled tenant — leaves it
 * usable): its live platform, or undefined when unknown, expired, used, or the platform is gone.
 */
export async function consumePairingCode(db: Queryable, input: string, now: Date): Promise<PlatformRow | undefined> {
  return pairedPlatform(db, input, now, true);
}

async function pairedPlatform(db: Queryable, input: string, now: Date, use: boolean): Promise<PlatformRow | undefined> {
  const normalized = normalizePairingCode(input);
  if (!normalized) return undefined;
  const hit = await livePairingCode(db, hash(normalized), now, use);
  return hit ? findPlatform(db, hit.tenant_id, hit.platform_id) : undefined;
}

/** The form of a code the limits count it under ("abcd efgh" and "ABCD-EFGH" are one), or the raw text bounded. */
export const pairingCodeKey = (input: string): string => normalizePairingCode(input) ?? input.slice(0, 32);
