// The sign-in's outcome is shown before it is written (issue 26): `platformsChanged` goes out first,
// then one file write holds the platform and its timeline entries. A crash between the two loses
// nothing: the file still says "waiting", a restart resumes the wait, and the cloud answers again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedAccount } from '../../sandbox/seed';
import { startStack, type Stack } from '../../cloud/testing/stack';
import { confirmConsent, SellerBrowser, signInToConsent } from '../../cloud/testing/seller-browser';
import type { Platform } from '../../shared/platform';
import { startDesktop } from './testing/desktop';

const EU = seedAccount('eu.haendler@example.com')!;
let stack: Stack;
let tenant: { clientId: string; clientSecret: string };

beforeAll(async () => {
  stack = await startStack();
  tenant = await stack.cloud.createTenant('Abschluss GmbH');
});
afterAll(async () => stack?.close());

async function desktop(dir?: string) {
  const d = await startDesktop({ sandboxUrl: stack.sandbox.url, ...(dir ? { dir } : {}) });
  await d.call('saveCloudSettings', {
    url: stack.cloud.url,
    clientId: tenant.clientId,
    clientSecret: tenant.clientSecret,
  });
  return d;
}

interface StoreFile {
  platforms: Platform[];
  timelines?: Record<string, Array<{ stepId: string }>>;
}

/** The platform's status and timeline steps in the store file's text. */
function onDisk(text: string, id: string) {
  const file = JSON.parse(text) as StoreFile;
  return {
    status: file.platforms.find((x) => x.id === id)?.auth.status,
    steps: (file.timelines?.[id] ?? []).map((e) => e.stepId),
  };
}

it('emits the outcome before writing it, and a crash in between loses nothing', async () => {
  const first = await desktop();
  const p = await first.newPlatform('Amazon Abschluss');
  await first.call('signIn', { id: p.id, mode: 'login' });
  const url = first.opened.at(-1)!;
  // What a crash right after the event would leave on disk.
  let atEvent: string | undefined;
  const off = first.core.onEvent((name, payload) => {
    const mine = (payload as Platform[]).find((x) => x.id === p.id);
    if (name === 'platformsChanged' && mine?.auth.status === 'authenticated') atEvent ??= first.storeText();
  });
  const browser = new SellerBrowser();
  await confirmConsent(browser, await signInToConsent(browser, url, EU, stack.sandbox.url));
  await first.until(p.id, (x) => x.auth.status === 'authenticated');
  off();
  expect(onDisk(atEvent!, p.id).status).toBe('waiting');
  // Afterwards one write holds the platform and its timeline entries.
  const written = onDisk(first.storeText(), p.id);
  expect(written.status).toBe('authenticated');
  expect(written.steps).toEqual(expect.arrayContaining(['amazonRequest', 'authenticated']));
  await first.close();

  // The crash: the app starts again on the file as it was when the event went out.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acc-crashed-'));
  fs.writeFileSync(path.join(dir, 'config.json'), atEvent!, { mode: 0o600 });
  const second = await desktop(dir);
  try {
    const done = await second.until(p.id, (x) => x.auth.status === 'authenticated');
    expect(done.auth).toMatchObject({ sellingPartnerId: EU.sellingPartnerId });
    const steps = (await second.call('getTimeline', { id: p.id })).map((e) => e.stepId);
    expect(steps).toEqual(expect.arrayContaining(['waitingResumed', 'amazonRequest', 'authenticated']));
    expect(onDisk(second.storeText(), p.id).status).toBe('authenticated');
  } finally {
    await second.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
