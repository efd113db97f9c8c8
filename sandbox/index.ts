// In-process entry point: tests and the other parts start the sandbox with startSandbox({ port: 0 }).
import { createSandbox } from './server';

interface SandboxOptions {
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Millisecond clock, injectable for expiry tests. */
  now?: () => number;
  /** Appended to the registered redirect URIs of both seeded apps. */
  extraRedirectUris?: string[];
  /** The Login URI of every seeded app, kept across reset (default: the seed's http://127.0.0.1:4200/oauth/amazon/login). */
  loginUri?: string;
  logger?: boolean;
  /** Keep tokens, authorizations and scenarios across restarts in this JSON file (0600, atomic). */
  stateFile?: string;
}

export interface SandboxHandle {
  /** e.g. http://127.0.0.1:4100, no trailing slash. */
  url: string;
  close(): Promise<void>;
  /** Restores the seed: accounts, apps, sessions, codes, tokens, SMS, scenarios. */
  reset(): void;
  /** The saved state file was damaged and kept aside at this path (stateFile only). */
  stateWarning?: string;
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<SandboxHandle> {
  const { app, state } = await createSandbox(opts);
  const host = opts.host ?? '127.0.0.1';
  await app.listen({ port: opts.port ?? 4100, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    close: () => app.close(),
    reset: () => state.reset(),
    ...(state.stateWarning ? { stateWarning: state.stateWarning } : {}),
  };
}

export { SCENARIOS, SCENARIO_IDS, type ScenarioId } from './scenarios';
export { totp } from './totp';
export {
  SEED,
  productionApp,
  draftApp,
  unlistedApp,
  seedAccounts,
  seedAccount,
  type SeedAccount,
  type SeedApp,
} from './seed';
