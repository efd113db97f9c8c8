// The tenant gate's answer from memory (checkKnown, the promise-free hot path of every /v1 call) agrees
// with assertActive: nothing before the first read, the remembered answer until the TTL ends or a change
// is published, and the same refusals.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/database';
import { createLocalNotifier } from '../authorizations/notifier';
import { createTenant } from './tenant-service';
import { setTenantDisabled } from '../repositories/tenants';
import { createTenantGate } from './tenant-gate';

let db: Database;
beforeAll(async () => {
  db = await openDatabase();
});
afterAll(() => db?.close());

it('checkKnown: false until read, then the remembered answer until a change or the TTL', async () => {
  let clock = Date.now();
  const gate = createTenantGate(db, createLocalNotifier(), () => clock, 5_000);
  const { tenantId } = await createTenant(db, 'Gate GmbH', new Date());
  expect(gate.checkKnown(tenantId, 0)).toBe(false);
  await gate.assertActive(tenantId, 0);
  expect(gate.checkKnown(tenantId, 0)).toBe(true);
  // A token of another secret generation: refused from memory as by assertActive.
  expect(() => gate.checkKnown(tenantId, 1)).toThrow(expect.objectContaining({ code: 'UNAUTHORIZED' }));

  await setTenantDisabled(db, tenantId, true, new Date());
  gate.changed(tenantId);
  expect(gate.checkKnown(tenantId, 0)).toBe(false);
  await expect(gate.assertActive(tenantId, 0)).rejects.toMatchObject({ code: 'TENANT_DISABLED' });
  expect(() => gate.checkKnown(tenantId, 0)).toThrow(expect.objectContaining({ code: 'TENANT_DISABLED' }));

  clock += 5_000;
  expect(gate.checkKnown(tenantId, 0)).toBe(false);
  expect(gate.checkKnown('ten_unknown', 0)).toBe(false);
});
