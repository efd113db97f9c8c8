// The desktop's configuration from the environment, checked once at start like the cloud's
// (cloud/config.ts): the launcher (`npm start`, scripts/embedded-services.ts) sets the first three; a
// merchant's installed app sets none and talks to the real Amazon.
//   ACC_SANDBOX_ORIGIN              the Amazon sandbox's origin; empty or absent = the real Amazon
//   ACC_CLOUD_URL                   the embedded cloud's URL, and ACC_DEV_TENANT_FILE its development
//   ACC_DEV_TENANT_FILE             tenant's credentials (a 0600 JSON file the cloud writes)
//   ACC_INSECURE_PLAINTEXT_SECRETS  1 = allow plain-text secrets when no keychain exists
//   ACC_USER_DATA_DIR               the Electron profile folder (tests)
import { z } from 'zod';
import { safeText } from '../shared/safe-text';

const httpUrl = (what: string) =>
  safeText()
    .max(2048)
    .refine((s) => {
      try {
        const u = new URL(s);
        return (
          (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password && !u.search && !u.hash
        );
      } catch {
        return false;
      }
    }, `must be ${what}, e.g. http://127.0.0.1:4100`);

/** Unset and empty mean the same: the launcher clears a variable by setting it to ''. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const desktopEnvSchema = z.object({
  ACC_SANDBOX_ORIGIN: optional(
    httpUrl('an http(s) origin without path, query or credentials').refine(
      (s) => ['', '/'].includes(new URL(s).pathname),
      'must be an origin without a path',
    ),
  ),
  ACC_CLOUD_URL: optional(httpUrl('an http(s) URL without query or credentials')),
  ACC_DEV_TENANT_FILE: optional(safeText().max(4096)),
  ACC_INSECURE_PLAINTEXT_SECRETS: optional(z.enum(['0', '1'], { message: 'must be 1 (allow) or 0' })),
  ACC_USER_DATA_DIR: optional(safeText().max(4096)),
});

export type DesktopEnv = z.infer<typeof desktopEnvSchema>;

export class DesktopConfigError extends Error {
  override name = 'DesktopConfigError';
}

/** The ACC_* variables of `env`, checked; throws one error naming every wrong variable (never its value). */
export function readDesktopEnv(env: NodeJS.ProcessEnv): DesktopEnv {
  const known = Object.fromEntries(Object.keys(desktopEnvSchema.shape).map((k) => [k, env[k]]));
  const parsed = desktopEnvSchema.safeParse(known);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new DesktopConfigError(`Invalid desktop configuration (environment):\n${lines.join('\n')}`);
}

const devTenantSchema = z.object({ clientId: safeText().min(1).max(256), clientSecret: safeText().min(1).max(1024) });

/** The embedded cloud's development tenant file, or why it cannot be used. */
export function parseDevTenant(text: string): { clientId: string; clientSecret: string } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: 'not JSON' };
  }
  const parsed = devTenantSchema.safeParse(json);
  return parsed.success ? parsed.data : { error: 'needs clientId and clientSecret' };
}
