// `npx tsx bench/capacity-run.ts [pglite|postgres|scale-out] [clients] [--no-flags] [--node-flag=…]`: one capacity figure (--no-flags: without the systemd unit's node flags and environment)
// of `npm run bench` alone (minutes instead of the whole bench), printed as JSON — for profiling the
// memory of waiting long-polls (with BENCH_DIAG=1 BENCH_SNAPSHOT=file the child writes a heap snapshot).
import { createDatabase, findPostgresBin, startPostgres } from '../cloud/testing/postgres-server';
import { waitingClients } from './capacity';
import { DEPLOYED_NODE_FLAGS } from './child';
import { scaleOut } from './scale-out';
import { startBenchStack } from './stack';

const [where = 'pglite', count = '10000'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
// --node-flag=<flag> (repeatable): a node flag in addition to the unit's (a later one of the same name wins).
const extraFlags = process.argv.filter((a) => a.startsWith('--node-flag=')).map((a) => a.slice('--node-flag='.length));
const nodeArgs = [...(process.argv.includes('--no-flags') ? [] : DEPLOYED_NODE_FLAGS), ...extraFlags];
const clients = Number(count);
if (!['pglite', 'postgres', 'scale-out'].includes(where) || !Number.isInteger(clients) || clients < 1) {
  console.error('usage: bench/capacity-run.ts [pglite|postgres|scale-out] [clients] [--no-flags] [--node-flag=…]');
  process.exit(2);
}

async function onPostgres<T>(fn: (serverUrl: string) => Promise<T>): Promise<T> {
  const pgBin = findPostgresBin();
  if (!('bin' in pgBin)) throw new Error(pgBin.missing);
  const server = await startPostgres(pgBin.bin);
  try {
    return await fn(server.url);
  } finally {
    await server.close();
  }
}

async function level(databaseUrl?: string) {
  const stack = await startBenchStack({
    rateLimitPerMinute: 1_000_000_000,
    logger: true,
    nodeArgs,
    ...(databaseUrl ? { databaseUrl } : {}),
  });
  try {
    return (await waitingClients(stack, [clients]))[0];
  } finally {
    await stack.close();
  }
}

const result =
  where === 'pglite'
    ? await level()
    : where === 'postgres'
      ? await onPostgres(async (url) => level(await createDatabase(url, 'capacity')))
      : await onPostgres(async (url) => scaleOut(await createDatabase(url, 'scaleout'), clients, nodeArgs));
console.log(JSON.stringify({ where, clients, nodeArgs, ...result }, null, 2));
