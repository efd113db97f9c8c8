// The shipped deployment files (issue 22, item 9 and the request id of item 8): the unit's hardening,
// and the nginx site in front of a real cloud — /openapi.json not public, nginx's request id passed to
// the cloud and returned, HSTS for the cloud's own host only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent } from 'undici';
import { startStack, type Stack } from '../testing/stack';
import { freePort } from '../testing/stack';
import { findNginx, selfSignedCertificate, startNginx, type Nginx } from '../testing/nginx';

const UNIT = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'amazon-cloud@.service'), 'utf8');

describe('the systemd unit', () => {
  it('runs without capabilities, devices or unusual system calls and address families', () => {
    const lines = new Set(UNIT.split('\n').map((l) => l.trim()));
    for (const line of [
      'CapabilityBoundingSet=',
      'AmbientCapabilities=',
      'PrivateDevices=true',
      'SystemCallFilter=@system-service',
      'SystemCallErrorNumber=EPERM',
      'RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6',
      'NoNewPrivileges=true',
      'ProtectSystem=strict',
    ]) {
      expect(lines.has(line), line).toBe(true);
    }
    // V8's JIT needs writable-executable memory.
    expect(UNIT).not.toMatch(/^MemoryDenyWriteExecute=/m);
    expect(UNIT).toMatch(/^# +useradd --system .* amazon-cloud$/m);
  });
});

const nginxBin = findNginx();
describe.skipIf('missing' in nginxBin)('the nginx site in front of a cloud', () => {
  let stack: Stack;
  let nginx: Nginx;
  let dispatcher: Agent;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'acc-site-'));
  beforeAll(async () => {
    stack = await startStack({ overrides: { trustProxy: '127.0.0.1' } });
    const cert = await selfSignedCertificate(tmp);
    nginx = await startNginx((nginxBin as { bin: string }).bin, {
      port: await freePort(),
      cert,
      upstreams: [Number(new URL(stack.cloud.url).port)],
    });
    dispatcher = new Agent({ connect: { ca: cert.pem } });
  }, 60_000);
  afterAll(async () => {
    await nginx?.close({ fast: true });
    await stack?.close();
    await dispatcher?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });
  const viaNginx = (p: string, headers: Record<string, string> = {}) =>
    fetch(`${nginx.url}${p}`, { dispatcher, headers } as RequestInit);

  it('does not publish /openapi.json (the instance itself serves it)', async () => {
    expect((await viaNginx('/openapi.json')).status).toBe(404);
    expect((await fetch(`${stack.cloud.url}/openapi.json`)).status).toBe(200);
  });

  it('passes nginx’s request id to the cloud, which returns it; HSTS without includeSubDomains', async () => {
    const res = await viaNginx('/v1/whoami', { 'x-request-id': 'chosen-by-the-client' });
    expect(res.status).toBe(401);
    // nginx replaces what the client sent with its own $request_id (32 hex digits).
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });
});
