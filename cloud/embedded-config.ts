// The embedded default: the cloud talks to the project's sandbox as its production app, with signing
// and encryption keys generated on first start and kept in <dataDir>/keys.json (mode 0600). The app's
// ids and LWA credentials (public test values) come from the running sandbox's own API, over HTTP like
// everything else the cloud knows about Amazon's stand-in: the cloud imports nothing from sandbox/.
import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { parseConfig, type CloudConfig } from './config';
import { writeSecretFile } from './dev-tenant';

interface KeyFile {
  signingKey: string;
  encryptionKey: string;
}

/** Reads the keys, or generates and stores them the first time. */
export function loadOrCreateKeys(dataDir: string): KeyFile {
  const file = join(dataDir, 'keys.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as KeyFile;
  const keys: KeyFile = { signingKey: randomBytes(32).toString('base64'), encryptionKey: randomBytes(32).toString('base64') };
  writeSecretFile(file, JSON.stringify(keys, null, 2));
  return keys;
}

export type SandboxAppKind = 'production' | 'draft';

const appsSchema = z.object({
  apps: z.array(
    z.object({
      status: z.enum(['production', 'draft']),
      applicationId: z.string().min(1),
      clientId: z.string().min(1),
      clientSecret: z.string().min(1),
    }),
  ),
});

/** The sandbox app of this kind, read from GET <sandbox>/sandbox/api/apps. */
export async function fetchSandboxApp(sandboxOrigin: string, kind: SandboxAppKind = 'production'): Promise<z.infer<typeof appsSchema>['apps'][number]> {
  const url = `${sandboxOrigin}/sandbox/api/apps`;
  let body: unknown;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    body = await res.json();
  } catch (error) {
    throw new Error(`the Amazon sandbox at ${sandboxOrigin} did not answer (${error instanceof Error ? error.message : String(error)}); start it first (npm run sandbox) or pass --sandbox URL`);
  }
  const app = appsSchema.parse(body).apps.find((a) => a.status === kind);
  if (!app) throw new Error(`the Amazon sandbox at ${sandboxOrigin} has no ${kind} app`);
  return app;
}

export async function embeddedDefaultConfig(dataDir: string, sandboxOrigin: string, opts: { app?: SandboxAppKind } = {}): Promise<CloudConfig> {
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
    ...loadOrCreateKeys(dataDir),
    devTenantFile: join(dataDir, 'dev-tenant.json'),
    registerRedirectUriWithSandbox: true,
  });
}
