// The several-instances configuration of `npm run bench`: the database in a PostgreSQL server, not in the
// cloud process; one instance (with and without the unit's settings), then two on the same server
// (scale-out), and the two behind the shipped nginx configuration.
import { findNginx } from '../cloud/testing/nginx';
import { createDatabase, findPostgresBin, startPostgres } from '../cloud/testing/postgres-server';
import { waitingClients, type CapacityLevel } from './capacity';
import { DEPLOYED_NODE_FLAGS } from './child';
import { nginxWaiters, type NginxWaitersResult } from './nginx-waiters';
import { scaleOut, type ScaleOutResult } from './scale-out';
import { startBenchStack } from './stack';
import { HIGH_RATE_LIMIT } from './throughput';

/** Spread evenly over two instances: 10,000 each, the single-instance level. */
const SCALE_OUT_CLIENTS = 20_000;
/** Through the shipped nginx configuration to two instances (issue 22: Debian's default held 766; issue 26: 20,000). */
const NGINX_CLIENTS = 20_000;

interface PostgresFigures {
  onPostgres: CapacityLevel | undefined;
  onPostgresWithoutFlags: CapacityLevel | undefined;
  scaleOut: ScaleOutResult | undefined;
  nginx: NginxWaitersResult | undefined;
}

/** The figures on a PostgreSQL server; what cannot be measured here (no server, no nginx) is a note. */
export async function postgresFigures(
  levels: number[],
  notes: string[],
  log: (msg: string) => void,
): Promise<PostgresFigures> {
  const figures: PostgresFigures = {
    onPostgres: undefined,
    onPostgresWithoutFlags: undefined,
    scaleOut: undefined,
    nginx: undefined,
  };
  const pgBin = findPostgresBin();
  const nginxBin = findNginx();
  if (!('bin' in pgBin)) {
    notes.push(`Capacity on PostgreSQL and scale-out not measured: ${pgBin.missing}.`);
    return figures;
  }
  if (!levels.includes(10_000)) return figures;
  const server = await startPostgres(pgBin.bin);
  try {
    for (const nodeArgs of [DEPLOYED_NODE_FLAGS, []]) {
      log(
        `capacity: 10000 waiting clients, cloud on a PostgreSQL server${nodeArgs.length ? '' : ", without the unit's settings"}`,
      );
      const capStack = await startBenchStack({
        rateLimitPerMinute: HIGH_RATE_LIMIT,
        logger: true,
        nodeArgs,
        databaseUrl: await createDatabase(server.url, `bench${nodeArgs.length}`),
      });
      try {
        const level = (await waitingClients(capStack, [10_000]))[0];
        if (nodeArgs.length) figures.onPostgres = level;
        else figures.onPostgresWithoutFlags = level;
      } finally {
        await capStack.close();
      }
    }
    log(`scale-out: ${SCALE_OUT_CLIENTS} waiting clients on two instances, one PostgreSQL server`);
    figures.scaleOut = await scaleOut(
      await createDatabase(server.url, 'scaleout'),
      SCALE_OUT_CLIENTS,
      DEPLOYED_NODE_FLAGS,
    );
    if ('bin' in nginxBin) {
      log(`nginx: ${NGINX_CLIENTS} waiting clients through the shipped nginx configuration to two instances`);
      figures.nginx = await nginxWaiters(
        nginxBin.bin,
        await createDatabase(server.url, 'nginxwaiters'),
        NGINX_CLIENTS,
        DEPLOYED_NODE_FLAGS,
      );
    } else notes.push(`Waiting clients through nginx not measured: ${nginxBin.missing}.`);
  } finally {
    await server.close();
  }
  return figures;
}
