// The operator's credential for /admin and /metrics: from the configuration (adminToken), or created
// on first start into <dataDir>/admin-token (mode 0600, readable only by the cloud's user) — the CLI
// reads the same file to talk to a running cloud. Without a data directory (in-memory tests) it lives
// in memory only.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const ADMIN_TOKEN_FILE = 'admin-token';

export function adminTokenPath(dataDir: string): string {
  return path.join(dataDir, ADMIN_TOKEN_FILE);
}

export function readAdminToken(dataDir: string): string | undefined {
  try {
    return fs.readFileSync(adminTokenPath(dataDir), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

export function loadOrCreateAdminToken(dataDir: string | undefined): string {
  if (!dataDir) return randomBytes(32).toString('base64url');
  const existing = readAdminToken(dataDir);
  if (existing) return existing;
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const token = randomBytes(32).toString('base64url');
  try {
    // O_EXCL: two instances sharing a directory agree on the first one's token.
    fs.writeFileSync(adminTokenPath(dataDir), token + '\n', { flag: 'wx', mode: 0o600 });
    return token;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readAdminToken(dataDir) ?? token;
    throw err;
  }
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Constant-time comparison of a presented credential with the expected one. */
export function adminTokenMatches(presented: string | undefined, expected: string): boolean {
  return presented !== undefined && timingSafeEqual(digest(presented), digest(expected));
}
