// The product end to end in the browser host, against the embedded sandbox and cloud, with the
// secrets in the private gnome-keyring session of `npm test`. A second page plays the default
// browser: it receives the URL the core opened. One screenshot per step (e2e/artifacts/flow-*.png).
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { CloudClient } from '../cloud/testing/stack';
import { startTestHost } from './support/browser-host';
import { runAmazonFlow } from './support/flow';

let host: Awaited<ReturnType<typeof startTestHost>>;
let step = 0;
const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/artifacts/flow-${String(++step).padStart(2, '0')}-${name}.png` });

test.beforeAll(async () => {
  host = await startTestHost({ embedded: true });
});
test.afterAll(async () => {
  await host?.close();
});

test('Amazon platform: ANMELDEN through Seller Central, Authentifiziert, import, AKTUALISIEREN, delete', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  await runAmazonFlow({
    page,
    browser,
    shot,
    nextUrl: async (count) => {
      await expect.poll(() => host.opened.length, { timeout: 15_000 }).toBeGreaterThan(count);
      return host.opened.at(-1)!;
    },
  });
  // Deleted in the cloud too.
  const tenant = JSON.parse(fs.readFileSync(host.services!.env.ACC_DEV_TENANT_FILE, 'utf8')) as { clientId: string; clientSecret: string };
  const cloud = new CloudClient(host.services!.cloud.url, tenant);
  expect((await cloud.raw('GET', '/v1/platforms')).body.platforms).toEqual([]);
});
