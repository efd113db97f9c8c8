// The command line as an operator uses it: the cloud running as one process, admin commands run as
// another on the same data directory. A second process must never open the embedded database while
// the cloud has it open (two PGlite instances on one directory overwrite each other's writes: a
// tenant created next to a running cloud vanished). Admin commands talk to the running cloud instead,
// and open the database directly only when it is stopped — with the same output either way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { startSandbox, type SandboxHandle } from '../sandbox';
import { parseKeyValues, runCli, startCliCloud, type CliCloud } from './testing/cli-process';
import { requestToken } from './testing/stack';
import { LOCK_FILE } from './db/data-dir-lock';
import { suiteTempDir } from '../shared/testing/temp-dir';
import { buildCommit } from '../scripts/build';
import packageJson from '../package.json' with { type: 'json' };

let sandbox: SandboxHandle;
const dataDir = suiteTempDir('acc-cli-');
let cloud: CliCloud | undefined;

const token = requestToken;

/** `tenant disable <ref>`: succeeds and names the tenant as disabled. */
async function disable(tenant: Record<string, string>, ref: string) {
  const disabled = await cli('tenant', 'disable', ref);
  expect(disabled.code, disabled.stderr).toBe(0);
  expect(parseKeyValues(disabled.stdout)).toEqual({
    tenant_id: tenant.tenant_id,
    client_id: tenant.client_id,
    status: 'disabled',
  });
  return disabled;
}

const startCloud = () => startCliCloud(['--port', '0', '--data-dir', dataDir, '--sandbox', sandbox.url]);
const cli = (...args: string[]) => runCli([...args, '--data-dir', dataDir]);

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await cloud?.stop();
  await sandbox?.close();
});

describe('cloud CLI on one data directory', () => {
  let tenant: Record<string, string>;

  it('a tenant created from a second process while the cloud runs works at once and after a restart', async () => {
    cloud = await startCloud();
    const created = await cli('tenant', 'create', 'Zweiter Prozess GmbH');
    expect(created.code, created.stderr).toBe(0);
    tenant = parseKeyValues(created.stdout);
    expect(tenant.client_id).toBeTruthy();
    expect((await token(cloud.url, tenant.client_id!, tenant.client_secret!)).status).toBe(200);
    // Logged by the running cloud, without the secret.
    expect(cloud.output()).toContain('"action":"tenant.create"');
    expect(cloud.output()).not.toContain(tenant.client_secret!);
    expect(fs.statSync(path.join(dataDir, 'admin-token')).mode & 0o777).toBe(0o600);

    expect(await cloud.stop()).toBe(0);
    cloud = await startCloud();
    expect((await token(cloud.url, tenant.client_id!, tenant.client_secret!)).status).toBe(200);
  }, 90_000);

  it("the built cloud names its commit in cloud_build_info (package.json's version is the same for every build)", async () => {
    const adminToken = fs.readFileSync(path.join(dataDir, 'admin-token'), 'utf8').trim();
    const text = await (
      await fetch(`${cloud!.url}/metrics`, { headers: { authorization: `Bearer ${adminToken}` } })
    ).text();
    const commit = buildCommit();
    expect(commit).toMatch(/^[\w.-]{1,64}$/);
    expect(text).toContain(
      `cloud_build_info{version="${packageJson.version}",commit="${commit}",node="${process.version}"} 1`,
    );
  }, 60_000);

  it('a second cloud on the same data directory exits non-zero naming the owner’s pid', async () => {
    const second = await runCli(['--port', '0', '--data-dir', dataDir, '--sandbox', sandbox.url]);
    expect(second.code).not.toBe(0);
    expect(second.stderr).toContain(
      `in use by another cloud process (pid ${cloud!.child.pid}, listening on http://127.0.0.1:`,
    );
    // The first one is unharmed.
    expect((await token(cloud!.url, tenant.client_id!, tenant.client_secret!)).status).toBe(200);
  }, 60_000);

  it('disable on the running cloud: 403 TENANT_DISABLED at /oauth/token and for tokens already issued; enable restores', async () => {
    const issued = (await token(cloud!.url, tenant.client_id!, tenant.client_secret!)).body.access_token!;
    const whoami = () => fetch(`${cloud!.url}/v1/whoami`, { headers: { authorization: `Bearer ${issued}` } });
    expect((await whoami()).status).toBe(200);

    await disable(tenant, tenant.client_id!);
    expect(await token(cloud!.url, tenant.client_id!, tenant.client_secret!)).toMatchObject({
      status: 403,
      body: { error: { code: 'TENANT_DISABLED' } },
    });
    const refused = await whoami();
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('TENANT_DISABLED');

    const list = await cli('tenant', 'list');
    expect(list.stdout).toMatch(new RegExp(`${tenant.tenant_id}\\t${tenant.client_id}\\tdisabled\\t`));

    expect((await cli('tenant', 'enable', tenant.tenant_id!)).code).toBe(0);
    expect((await whoami()).status).toBe(200);
  }, 60_000);

  it('rotate-secret on the running cloud: the old secret stops working, the new one works', async () => {
    const rotated = await cli('tenant', 'rotate-secret', tenant.tenant_id!);
    expect(rotated.code, rotated.stderr).toBe(0);
    const next = parseKeyValues(rotated.stdout);
    expect(next).toMatchObject({ tenant_id: tenant.tenant_id, client_id: tenant.client_id });
    expect(next.client_secret).not.toBe(tenant.client_secret);
    expect((await token(cloud!.url, tenant.client_id!, tenant.client_secret!)).status).toBe(401);
    expect((await token(cloud!.url, tenant.client_id!, next.client_secret!)).status).toBe(200);
    expect(cloud!.output()).not.toContain(next.client_secret!);
    tenant = { ...tenant, ...next };
  }, 60_000);

  it('the same commands on the stopped cloud work on the database directly, with the same output, logged on stderr', async () => {
    const runningList = (await cli('tenant', 'list')).stdout;
    expect(await cloud!.stop()).toBe(0);
    cloud = undefined;
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
    expect((await cli('tenant', 'list')).stdout).toBe(runningList);

    const disabled = await disable(tenant, tenant.tenant_id!);
    expect(disabled.stderr).toContain('"action":"tenant.disable"');
    expect(disabled.stderr).toContain('"via":"cli"');

    const created = await cli('tenant', 'create', 'Offline GmbH');
    const offline = parseKeyValues(created.stdout);
    expect(created.stderr).not.toContain(offline.client_secret!);

    // A lock left behind by a process that died (kill -9) does not block anyone.
    fs.writeFileSync(
      path.join(dataDir, LOCK_FILE),
      JSON.stringify({ pid: 2 ** 22 + 12345, startedAt: new Date().toISOString() }),
    );
    cloud = await startCloud();
    expect(await token(cloud.url, tenant.client_id!, tenant.client_secret!)).toMatchObject({
      status: 403,
      body: { error: { code: 'TENANT_DISABLED' } },
    });
    expect((await token(cloud.url, offline.client_id!, offline.client_secret!)).status).toBe(200);
  }, 120_000);

  it('bad input: unknown tenant and a missing name are clear errors with a non-zero exit', async () => {
    const unknown = await cli('tenant', 'disable', 'cli_unknown');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('TENANT_NOT_FOUND');
    const usage = await cli('tenant', 'create');
    expect(usage.code).not.toBe(0);
    expect(usage.stderr).toContain('usage: npm run cloud -- tenant create <name>');
  }, 60_000);
});
