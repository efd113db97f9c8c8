// Admin commands reach the deployment the operator means (issue 22, item 3): with the unit's files
// (`--config` and `--env-file`, read as systemd reads them) the `tenant` commands work on the instances'
// PostgreSQL server, never on a PGlite database in --data-dir; and a command pointed at nothing — a
// data directory without a database, or a PostgreSQL database no instance has run on — is refused
// with a message instead of creating a database nothing serves. Real processes throughout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startSandbox, type SandboxHandle } from '../sandbox';
import { parseKeyValues, runCli, startCliCloud, type CliCloud } from './testing/cli-process';
import { requestToken } from './testing/stack';
import { createDatabase, findPostgresBin, startPostgres, type PostgresServer } from './testing/postgres-server';
import { suiteTempDir } from '../shared/testing/temp-dir';
import { parseEnvFile } from './admin/env-file';

const tmp = suiteTempDir('acc-cli-deploy-');

const tokenStatus = async (url: string, clientId: string, clientSecret: string) =>
  (await requestToken(url, clientId, clientSecret)).status;

describe('the unit’s environment file, read as systemd reads it', () => {
  it('keeps an inline # as part of the value, unquotes quoted values, names a bad line by number only', () => {
    expect(parseEnvFile('# comment\n\nA=1\nB = "two words"\nC=x # not a comment\n; also a comment\nD=\'q\'\n')).toEqual(
      { A: '1', B: 'two words', C: 'x # not a comment', D: 'q' },
    );
    expect(() => parseEnvFile('A=1\nsecret-value-without-key\n', 'cloud.env')).toThrow(
      /^cloud\.env: line 2 is not KEY=VALUE$/,
    );
  });
});

describe('tenant commands without a database to serve them', () => {
  it('refuse for a data directory without a cloud database, and create nothing there', async () => {
    const empty = path.join(tmp, 'nothing-here');
    const run = await runCli(['tenant', 'create', 'Muster GmbH', '--data-dir', empty], { CLOUD_DATABASE_URL: '' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${empty} has no cloud schema: no cloud instance has run on it`);
    expect(run.stdout).not.toContain('client_secret=');
    expect(fs.existsSync(empty)).toBe(false);
  }, 60_000);
});

const bin = findPostgresBin();
describe.skipIf('missing' in bin)('tenant commands with the unit’s --config and --env-file (PostgreSQL)', () => {
  let server: PostgresServer;
  let sandbox: SandboxHandle;
  let cloud: CliCloud | undefined;
  let databaseUrl: string;
  const configFile = path.join(tmp, 'cloud.json');
  const envFile = path.join(tmp, 'cloud.env');
  const instanceDir = path.join(tmp, 'instance');
  // What the operator passes, as in cloud/README.md; --data-dir names a directory with nothing in it.
  const otherDir = path.join(tmp, 'operator-cwd-data');
  const deployment = ['--config', configFile, '--env-file', envFile, '--data-dir', otherDir];
  const cli = (...args: string[]) =>
    runCli([...args, ...deployment], { CLOUD_DATABASE_URL: '', CLOUD_ADMIN_TOKEN: '', CLOUD_OPERATOR: 'alice' });

  beforeAll(async () => {
    server = await startPostgres((bin as { bin: string }).bin);
    databaseUrl = await createDatabase(server.url, 'cloud_cli_deployment');
    sandbox = await startSandbox({ port: 0 });
    fs.writeFileSync(
      configFile,
      JSON.stringify({
        signingKey: randomBytes(32).toString('base64'),
        encryptionKey: randomBytes(32).toString('base64'),
      }),
      { mode: 0o600 },
    );
    fs.writeFileSync(
      envFile,
      `# as in cloud/README.md\nCLOUD_DATABASE_URL=${databaseUrl}\nCLOUD_ADMIN_TOKEN=${randomBytes(32).toString('base64url')}\n`,
      { mode: 0o600 },
    );
  }, 120_000);
  afterAll(async () => {
    await cloud?.stop();
    await sandbox?.close();
    await server?.close();
  });

  it('before any instance ran on the database: refused, the database left empty', async () => {
    const run = await cli('tenant', 'create', 'Muster GmbH');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/PostgreSQL database 127\.0\.0\.1:\d+\/cloud_cli_deployment has no cloud schema/);
    expect(run.stderr).not.toContain(databaseUrl);
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      expect((await db.query(`SELECT to_regclass('schema_migrations')::text AS t`)).rows).toEqual([{ t: null }]);
    } finally {
      await db.end();
    }
  }, 60_000);

  it('with an instance running from the same files: create, name clash, rename, delete — on its database, never PGlite', async () => {
    cloud = await startCliCloud([
      '--port',
      '0',
      '--data-dir',
      instanceDir,
      '--config',
      configFile,
      '--env-file',
      envFile,
      '--sandbox',
      sandbox.url,
    ]);
    const created = await cli('tenant', 'create', 'Muster GmbH');
    expect(created.code, created.stderr).toBe(0);
    const tenant = parseKeyValues(created.stdout);
    expect(await tokenStatus(cloud.url, tenant.client_id!, tenant.client_secret!)).toBe(200);
    expect(fs.existsSync(path.join(otherDir, 'PG_VERSION'))).toBe(false);
    expect(fs.existsSync(path.join(instanceDir, 'PG_VERSION'))).toBe(false);

    const clash = await cli('tenant', 'create', ' muster gmbh');
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain('Another tenant already has this name.');

    const renamed = await cli('tenant', 'rename', tenant.client_id!, 'Muster AG');
    expect(renamed.code, renamed.stderr).toBe(0);
    expect(renamed.stdout).toContain('name=Muster AG');
    expect((await cli('tenant', 'list')).stdout).toMatch(
      new RegExp(`${tenant.tenant_id}\\t${tenant.client_id}\\tactive\\t\\S+\\tMuster AG`),
    );

    const deleted = await cli('tenant', 'delete', tenant.tenant_id!);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(parseKeyValues(deleted.stdout)).toMatchObject({
      tenant_id: tenant.tenant_id,
      status: 'deleted',
      deleted_platforms: '0',
    });
    expect(await tokenStatus(cloud.url, tenant.client_id!, tenant.client_secret!)).toBe(403);
    expect((await cli('tenant', 'list')).stdout).not.toContain(tenant.tenant_id!);
    // Its name is free again.
    expect((await cli('tenant', 'create', 'Muster AG')).code).toBe(0);

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const actions = (
        await db.query<{ action: string; via: string; operator: string }>(
          'SELECT action, via, operator FROM admin_actions WHERE tenant_id = $1 ORDER BY id',
          [tenant.tenant_id],
        )
      ).rows;
      expect(actions).toEqual(
        ['tenant.create', 'tenant.rename', 'tenant.delete'].map((action) => ({
          action,
          via: 'cli',
          operator: 'alice',
        })),
      );
    } finally {
      await db.end();
    }
  }, 120_000);

  it('--url to the running instance records the operator through the admin API', async () => {
    const created = await runCli(['tenant', 'create', 'Über API GmbH', '--url', cloud!.url, '--env-file', envFile], {
      CLOUD_ADMIN_TOKEN: '',
      CLOUD_OPERATOR: 'bob',
    });
    expect(created.code, created.stderr).toBe(0);
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query(
        "SELECT via, operator FROM admin_actions WHERE tenant_id = $1 AND action = 'tenant.create'",
        [parseKeyValues(created.stdout).tenant_id],
      );
      expect(rows).toEqual([{ via: 'admin-api', operator: 'bob' }]);
    } finally {
      await db.end();
    }
  }, 60_000);
});
