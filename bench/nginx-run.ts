// The nginx figure alone: `npx tsx bench/nginx-run.ts [clients]` (default 20,000; `npm run bench` runs
// it with the rest). Needs Debian's nginx and postgresql packages; loopback only.
import { createDatabase, findPostgresBin, startPostgres } from '../cloud/testing/postgres-server';
import { findNginx } from '../cloud/testing/nginx';
import { DEPLOYED_NODE_FLAGS } from './child';
import { nginxWaiters } from './nginx-waiters';

const clients = Number(process.argv[2] ?? 20_000);
if (!Number.isInteger(clients) || clients < 2 || clients > 30_000) throw new Error('clients: 2 to 30,000');
const pgBin = findPostgresBin();
const nginxBin = findNginx();
if (!('bin' in pgBin) || !('bin' in nginxBin))
  throw new Error('missing' in pgBin ? pgBin.missing : (nginxBin as { missing: string }).missing);
const server = await startPostgres(pgBin.bin);
try {
  const result = await nginxWaiters(
    nginxBin.bin,
    await createDatabase(server.url, 'nginxwaiters'),
    clients,
    DEPLOYED_NODE_FLAGS,
  );
  console.log(JSON.stringify(result, null, 2));
} finally {
  await server.close();
}
