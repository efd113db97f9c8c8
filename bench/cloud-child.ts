// Runs in its own process so that its memory is measured alone: the real cloud (startCloud, in-memory
// PGlite, against the sandbox at BENCH_CHILD.sandboxUrl) or the bare Fastify route. Talks to the bench
// over IPC: 'ready' once listening; answers 'stats' (memory, CPU time, requests in flight) and 'stop'.
import { subscribe } from 'node:diagnostics_channel';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import v8 from 'node:v8';
import { startCloud } from '../cloud/start-cloud';
import { testConfig } from '../cloud/testing/stack';
import { issueAccessToken } from '../cloud/tenants/access-token';
import { buildBareServer } from './bare-server';

export interface ChildConfig {
  mode: 'cloud' | 'bare' | 'bare-auth';
  port: number;
  sandboxUrl?: string;
  /** PGlite data directory (file-backed, as `npm run cloud` runs); omitted = in memory. */
  dataDir?: string;
  logger: boolean;
  rateLimitPerMinute: number;
  /** A PostgreSQL server instead of PGlite (the several-instances configuration). */
  databaseUrl?: string;
  /** Shared by several instances on one database (tokens and stored secrets valid on each); default random. */
  keys?: { signingKey: string; encryptionKey: string };
}

export interface ChildReady {
  type: 'ready';
  url: string;
  clientId?: string;
  clientSecret?: string;
  /** bare-auth: a valid bearer token for its hook. */
  token?: string;
}

export interface ChildStats {
  type: 'stats';
  id: number;
  memory: NodeJS.MemoryUsage;
  cpuMicros: number;
  started: number;
  finished: number;
}

let started = 0;
let finished = 0;
subscribe('http.server.request.start', () => void started++);
subscribe('http.server.response.finish', () => void finished++);

/** Resident memory by kind (anonymous, file-backed, shared) from /proc, in MB; empty where there is no /proc. */
function residentByKind(): Record<string, number> {
  try {
    const status = fs.readFileSync('/proc/self/status', 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { rssAnonMB: kb('RssAnon') / 1024, rssFileMB: kb('RssFile') / 1024, threads: kb('Threads') };
  } catch {
    return {};
  }
}

const config = JSON.parse(process.env.BENCH_CHILD ?? '{}') as ChildConfig;
const send = (msg: unknown) => process.send!(msg);

async function main(): Promise<() => Promise<void>> {
  if (config.mode === 'cloud') {
    const cloud = await startCloud({
      port: config.port,
      ...(config.dataDir ? { dataDir: config.dataDir } : {}),
      config: testConfig(config.sandboxUrl!, {
        rateLimitPerMinute: config.rateLimitPerMinute,
        ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
        ...(config.keys ?? {}),
      }),
      logger: config.logger,
    });
    // Tenant names are unique: the scale-out's instances share one database, one tenant each.
    const tenant = await cloud.createTenant(`Bench GmbH ${process.pid}`);
    send({
      type: 'ready',
      url: cloud.url,
      clientId: tenant.clientId,
      clientSecret: tenant.clientSecret,
    } satisfies ChildReady);
    return () => cloud.close();
  }
  const signingKey = new Uint8Array(randomBytes(32));
  const app = await buildBareServer({
    logger: config.logger,
    rateLimitPerMinute: config.rateLimitPerMinute,
    ...(config.mode === 'bare-auth' ? { auth: { signingKey } } : {}),
  });
  await app.listen({ port: config.port, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const token =
    config.mode === 'bare-auth' ? await issueAccessToken(signingKey, 'tenant-bench', Date.now(), 3600) : undefined;
  send({ type: 'ready', url: `http://127.0.0.1:${port}`, ...(token ? { token } : {}) } satisfies ChildReady);
  return () => app.close();
}

const close = await main();
process.on('message', (msg: { type: string; id?: number }) => {
  if (msg.type === 'stats') {
    const cpu = process.cpuUsage();
    send({
      type: 'stats',
      id: msg.id!,
      memory: process.memoryUsage(),
      cpuMicros: cpu.user + cpu.system,
      started,
      finished,
    } satisfies ChildStats);
  } else if (msg.type === 'gc') {
    (globalThis as { gc?: () => void }).gc?.();
    send({ type: 'gc', id: msg.id });
  } else if (msg.type === 'diag') {
    // Diagnostics for profiling a capacity level (BENCH_DIAG): heap spaces, then live memory after a GC.
    const spaces = v8.getHeapSpaceStatistics().map((s) => ({
      space: s.space_name,
      sizeMB: s.space_size / 2 ** 20,
      usedMB: s.space_used_size / 2 ** 20,
      residentMB: s.physical_space_size / 2 ** 20,
    }));
    const beforeGc = { ...process.memoryUsage(), ...residentByKind() };
    (globalThis as { gc?: () => void }).gc?.();
    const afterGc = { ...process.memoryUsage(), ...residentByKind() };
    const snapshot = process.env.BENCH_SNAPSHOT ? v8.writeHeapSnapshot(process.env.BENCH_SNAPSHOT) : undefined;
    send({ type: 'diag', id: msg.id, spaces, beforeGc, afterGc, snapshot });
  } else if (msg.type === 'stop') {
    // Bounded: a stuck close must not keep the bench alive.
    setTimeout(() => process.exit(0), 3000).unref();
    void close().finally(() => process.exit(0));
  }
});
