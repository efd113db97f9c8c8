// A throw-away PostgreSQL server for tests: initdb into a temp folder, started on a free loopback port
// with pg_ctl, stopped and removed afterwards. As root (CI) it runs as the `postgres` system user,
// because PostgreSQL refuses to run as root. Needs Debian's `postgresql` package (.ci/run installs it).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { freePort } from './stack';

const run = promisify(execFile);

export type PostgresServer = {
  url: string;
  /** Stops the server (fast: every connection is closed) and starts it again on the same port. */
  restart(): Promise<void>;
  close(): Promise<void>;
};

/** The server binaries' folder, or why there is none. */
export function findPostgresBin(): { bin: string } | { missing: string } {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions[0]
    ? { bin: path.join(root, versions[0], 'bin') }
    : { missing: 'PostgreSQL server binaries not found in /usr/lib/postgresql (apt-get install postgresql)' };
}

export async function startPostgres(bin: string): Promise<PostgresServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acc-pg-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    fs.chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const as = (cmd: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args]) : run(path.join(bin, cmd), args);
  await as('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -h 127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  await as('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const probe = new pg.Client({ connectionString: url });
  await probe.connect();
  await probe.end();
  return {
    url,
    async restart() {
      await as('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']);
      await as('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
    },
    async close() {
      await as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh database on the server, so each test file starts empty. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name.replace(/[^a-z0-9_]/g, '')}`);
  } finally {
    await admin.end();
  }
  return serverUrl.replace(/\/[^/]*$/, `/${name}`);
}

/**
 * Inside a `describe`: one server for its tests (started in beforeAll, closed in afterAll), one database
 * `<prefix>` made with it, and a fresh database `<prefix>_<n>` per call of freshDatabase().
 */
export function postgresForDescribe(
  bin: string,
  prefix: string,
): { readonly server: PostgresServer; readonly url: string; freshDatabase(): Promise<string> } {
  let server: PostgresServer | undefined;
  let url: string | undefined;
  let n = 0;
  beforeAll(async () => {
    server = await startPostgres(bin);
    url = await createDatabase(server.url, prefix);
  }, 120_000);
  afterAll(async () => server?.close());
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the PostgreSQL server starts in beforeAll');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get url() {
      return started(url);
    },
    freshDatabase: () => createDatabase(started(server).url, `${prefix}_${++n}`),
  };
}
