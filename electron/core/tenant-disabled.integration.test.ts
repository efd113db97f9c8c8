// The cloud's operator disables the tenant while the desktop waits for Amazon: the wait stops with
// TENANT_DISABLED (a German sentence with a next step, not "cloud unreachable" retried for ever), and
// TESTEN says the same until the tenant is enabled again.
import { describe, expect, it } from 'vitest';
import type { Stack } from '../../cloud/testing/stack';
import { errorsDe } from '../../renderer/src/i18n/errors.de';
import type { Desktop } from './testing/desktop';
import { useDesktopStack } from './testing/desktop-stack';

let stack: Stack;
let desk: Desktop;
let tenantId: string;

async function admin(action: 'disable' | 'enable') {
  const res = await fetch(`${stack.cloud.url}/admin/tenants/${tenantId}/${action}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.cloud.adminToken}` },
  });
  expect(res.status).toBe(200);
}

useDesktopStack(
  'Gesperrt GmbH',
  (started) =>
    void ({
      stack,
      desk,
      tenant: { tenantId },
    } = started),
);

describe('tenant disabled by the cloud operator', () => {
  it('stops the waiting sign-in with TENANT_DISABLED; TESTEN reports it until enabled', async () => {
    const p = await desk.newPlatform('Amazon Gesperrt');
    await desk.call('signIn', { id: p.id, mode: 'login' });
    await admin('disable');
    const failed = await desk.until(p.id, (x) => x.auth.status === 'failed');
    expect(failed.auth).toMatchObject({ status: 'failed', error: { code: 'TENANT_DISABLED' } });
    expect(errorsDe.TENANT_DISABLED).toContain('Anbieter der Cloud');
    expect(await desk.failureCode('testCloudConnection', {})).toBe('TENANT_DISABLED');

    await admin('enable');
    expect(await desk.call('testCloudConnection', {})).toMatchObject({ tenantName: 'Gesperrt GmbH' });
  });
});
