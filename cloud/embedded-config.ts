// The embedded default: the cloud talks to the project's sandbox as its production app, with signing
// and encryption keys generated on first start and kept in a 0600 file: <dataDir>/keys.json unless a
// keys file outside the data directory is named (CLOUD_KEYS_FILE) or the keys come from the environment
// (CLOUD_SIGNING_KEY + CLOUD_ENCRYPTION_KEY), which is what anything beyond development should do.
// The app's ids and LWA credentials (public test values) come from the running sandbox's own API, over
// HTTP like everything else the cloud knows about Amazon's stand-in: the cloud imports nothing from sandbox/.
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { parseConfig, readKeysFile, type CloudConfig } from './config';
import { writeSecretFile } from './tenants/dev-tenant';

interface KeyFile {
  signingKey: string;
  encryptionKey: string;
}

/** Reads the keys from `file`, or generates and stores them there the first time. */
export function loadOrCreateKeys(file: string): KeyFile {
  if (existsSync(file)) return readKeysFile(file) as KeyFile;
  const keys: KeyFile = {
    signingKey: randomBytes(32).toString('base64'),
    encryptionKey: randomBytes(32).toString('base64'),
  };
  writeSecretFile(file, JSON.stringify(keys, null, 2));
  return keys;
}

export type SandboxAppKind = 'production' | 'draft' | 'unlisted';

const appsSchema = z.object({
  apps: z.array(
    z.object({
      status: z.enum(['production', 'draft']),
      appstoreListing: z.enum(['listed', 'unlisted']).optional(),
      applicationId: z.string().min(1),
      clientId: z.string().min(1),
      clientSecret: z.string().min(1),
    }),
  ),
});
type SandboxApp = z.infer<typeof appsSchema>['apps'][number];

const isKind = (kind: SandboxAppKind) => (a: SandboxApp) =>
  kind === 'draft'
    ? a.status === 'draft'
    : kind === 'unlisted'
      ? a.status === 'production' && a.appstoreListing === 'unlisted'
      : a.status === 'production';

/** The sandbox app of this kind, read from GET <sandbox>/sandbox/api/apps. */
export async function fetchSandboxApp(sandboxOrigin: string, kind: SandboxAppKind = 'production'): Promise<SandboxApp> {
  const url = `${sandboxOrigin}/sandbox/api/apps`;
  let body: unknown;
  try {
    body = await getJson(url);
  } catch (error) {
    throw new Error(
      `the Amazon sandbox at ${sandboxOrigin} did not answer (${error instanceof Error ? error.message : String(error)}); start it first (npm run sandbox) or pass --sandbox URL`,
    );
  }
  const app = appsSchema.parse(body).apps.find(isKind(kind));
  if (!app) throw new Error(`the Amazon sandbox at ${sandboxOrigin} has no ${kind} app`);
  return app;
}

/**
 * One retry after a network error: a sandbox restarted on the same port leaves this process's
 * keep-alive connection to the old one in fetch's pool, and the first request on it fails.
 */
async function getJson(url: string): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    let res: Response;
    try {
      res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    } catch (error) {
      if (attempt >= 2) throw error;
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return res.json();
  }
}

interface EmbeddedKeyOptions {
  /** Where the keys live (default `<dataDir>/keys.json`, which the cloud warns about). */
  keysFile?: string;
  /** CLOUD_SIGNING_KEY + CLOUD_ENCRYPTION_KEY here mean no key file at all; CLOUD_KEYS_FILE names one. */
  env?: NodeJS.ProcessEnv;
}

function embeddedKeys(dataDir: string, opts: EmbeddedKeyOptions): KeyFile & { keysFile?: string } {
  const env = opts.env ?? {};
  if (env.CLOUD_SIGNING_KEY && env.CLOUD_ENCRYPTION_KEY)
    return { signingKey: env.CLOUD_SIGNING_KEY, encryptionKey: env.CLOUD_ENCRYPTION_KEY };
  const keysFile = opts.keysFile ?? (env.CLOUD_KEYS_FILE || join(dataDir, 'keys.json'));
  return { ...loadOrCreateKeys(keysFile), keysFile };
}

export async function embeddedDefaultConfig(
  dataDir: string,
  sandboxOrigin: string,
  opts: { app?: SandboxAppKind } & EmbeddedKeyOptions = {},
): Promise<CloudConfig> {
  const app = await fetchSandboxApp(sandboxOrigin, opts.app);
  return parseConfig({
    amazon: {
      mode: 'sandbox',
      sandboxOrigin,
      applicationId: app.applicationId,
      draftApp: app.status === 'draft',
      lwaClientId: app.clientId,
      lwaClientSecret: app.clientSecret,
    },
    ...embeddedKeys(dataDir, opts),
    devTenantFile: join(dataDir, 'dev-tenant.json'),
    registerRedirectUriWithSandbox: true,
  });
}
