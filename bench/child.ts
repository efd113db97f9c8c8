// Starts bench/cloud-child.ts as a separate Node process (compiled ahead of time and started with the
// node flags of the shipped systemd unit, as deployed; or under the tsx loader as `npm run cloud` runs
// it) and talks to it over IPC.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deployedEnvironment, deployedNodeFlags } from '../cloud/deploy/systemd-unit';
import { CLOUD_BUNDLE_OPTIONS } from '../scripts/build';
import type { ChildConfig, ChildReady, ChildStats } from './cloud-child';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface CloudChild {
  ready: ChildReady;
  pid: number;
  stats(): Promise<ChildStats>;
  gc(): Promise<void>;
  diag(): Promise<unknown>;
  stop(): Promise<void>;
}

/**
 * The node flags a deployed cloud runs with: those of the systemd unit's ExecStart (cloud/README.md,
 * "Memory"). Every cloud child gets them, and the unit's environment, unless `nodeArgs` says otherwise
 * (the bench measures the 10,000 level with and without).
 */
export const DEPLOYED_NODE_FLAGS = deployedNodeFlags();
/** The unit's runtime environment (GLIBC_TUNABLES, NODE_ENV), given to every child that runs with flags. */
const DEPLOYED_ENV = deployedEnvironment();

let compiled: Promise<string> | undefined;

/**
 * The child as a deployment would run it: our TypeScript compiled ahead of time by esbuild into one
 * ES module, as `npm run build -- cloud` compiles the cloud (dependencies stay in node_modules), started
 * by plain node without the tsx loader.
 */
function compiledChild(): Promise<string> {
  compiled ??= (async () => {
    const { build } = await import('esbuild');
    const outfile = path.join(here, '..', '.tmp', 'bench', 'cloud-child.mjs');
    await build({ ...CLOUD_BUNDLE_OPTIONS, entryPoints: [path.join(here, 'cloud-child.ts')], outfile });
    return outfile;
  })();
  return compiled;
}

export async function startChild(
  config: ChildConfig,
  opts: { nodeArgs?: string[]; loader?: 'tsx' | 'compiled' } = {},
): Promise<CloudChild> {
  const useTsx = (opts.loader ?? 'compiled') === 'tsx';
  const entry = useTsx ? path.join(here, 'cloud-child.ts') : await compiledChild();
  const nodeArgs = opts.nodeArgs ?? DEPLOYED_NODE_FLAGS;
  const child: ChildProcess = fork(entry, [], {
    execArgv: [...(useTsx ? ['--import', 'tsx'] : []), '--expose-gc', ...nodeArgs],
    // No flags (an empty list) is the cloud as `npm run cloud` starts it: none of the unit's settings.
    env: { ...process.env, ...(nodeArgs.length > 0 ? DEPLOYED_ENV : {}), BENCH_CHILD: JSON.stringify(config) },
    // The cloud's request log (logger: true) goes where `npm run cloud` sends it, stdout; here nowhere.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  let nextId = 1;
  const waiting = new Map<number, (msg: unknown) => void>();
  const ready = await new Promise<ChildReady>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('cloud child did not start in 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`cloud child exited with ${code}`)));
    child.on('message', (msg: { type: string; id?: number }) => {
      if (msg.type === 'ready') {
        clearTimeout(timer);
        resolve(msg as ChildReady);
      } else if (msg.id !== undefined) {
        waiting.get(msg.id)?.(msg);
        waiting.delete(msg.id);
      }
    });
  });
  const ask = <T>(type: string) =>
    new Promise<T>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve as (msg: unknown) => void);
      child.send({ type, id });
    });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    ready,
    pid: child.pid!,
    stats: () => ask<ChildStats>('stats'),
    gc: () => ask<void>('gc'),
    diag: () => ask<unknown>('diag'),
    async stop() {
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
