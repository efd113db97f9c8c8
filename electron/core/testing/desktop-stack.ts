// The set-up of most core integration suites: the sandbox and cloud (cloud/testing/stack), one tenant,
// and the real core connected to that cloud with the tenant's credentials (saved as the user would in
// Cloud-Zugangsdaten).
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { TestCloudHttp, startStack, type Stack } from '../../../cloud/testing/stack';
import { confirmConsent, SellerBrowser, signInToConsent } from '../../../cloud/testing/seller-browser';
import type { SeedAccount } from '../../../sandbox/seed';
import type { Platform } from '../../../shared/platform';
import { startDesktop, type Desktop, type DesktopOptions } from './desktop';

export interface DesktopStack {
  stack: Stack;
  desk: Desktop;
  tenant: Awaited<ReturnType<Stack['cloud']['createTenant']>>;
  /** The tenant's own client, for what the desktop cannot show (the cloud's view of a platform). */
  client: TestCloudHttp;
  /** The desktop first, then the cloud and sandbox. */
  close(): Promise<void>;
}

/**
 * A desktop whose Cloud-Zugangsdaten are saved as the user would: the tenant's credentials and the
 * cloud's address (`cloudUrl`: the cloud, or a proxy in front of it).
 */
export async function connectedDesktop(
  cloudUrl: string,
  tenant: { clientId: string; clientSecret: string },
  opts: DesktopOptions,
): Promise<Desktop> {
  const desk = await startDesktop(opts);
  try {
    await desk.call('saveCloudSettings', {
      url: cloudUrl,
      clientId: tenant.clientId,
      clientSecret: tenant.clientSecret,
    });
    return desk;
  } catch (err) {
    await desk.close();
    throw err;
  }
}

async function startDesktopStack(
  tenantName: string,
  opts: { stack?: Parameters<typeof startStack>[0]; desktop?: Omit<DesktopOptions, 'sandboxUrl'> } = {},
): Promise<DesktopStack> {
  const stack = await startStack(opts.stack);
  let desk: Desktop | undefined;
  try {
    const tenant = await stack.cloud.createTenant(tenantName);
    desk = await connectedDesktop(stack.cloud.url, tenant, { sandboxUrl: stack.sandbox.url, ...opts.desktop });
    const started = desk;
    return {
      stack,
      desk: started,
      tenant,
      client: new TestCloudHttp(stack.cloud.url, tenant),
      async close() {
        await started.close();
        await stack.close();
      },
    };
  } catch (err) {
    await desk?.close();
    await stack.close();
    throw err;
  }
}

/** Scenarios, sessions, codes and tokens back to the seed (the sandbox's own admin API). */
async function resetSandbox(stack: Stack): Promise<void> {
  const res = await fetch(`${stack.sandbox.url}/sandbox/api/reset`, { method: 'POST' });
  if (!res.ok) throw new Error(`sandbox reset answered ${res.status}`);
}

/**
 * Registers the suite's hooks: one DesktopStack for the file (`assign` receives it once started), closed
 * after the file; with freshSandbox, the sandbox back to the seed before each test.
 */
export function useDesktopStack(
  tenantName: string,
  assign: (started: DesktopStack) => void,
  opts: Parameters<typeof startDesktopStack>[1] & { freshSandbox?: boolean } = {},
): void {
  let started: DesktopStack | undefined;
  beforeAll(async () => {
    started = await startDesktopStack(tenantName, opts);
    assign(started);
  });
  afterAll(async () => started?.close());
  if (opts.freshSandbox) beforeEach(() => resetSandbox(started!.stack));
}

/**
 * ANMELDEN on a new platform, then the seller signs in and confirms in the browser the desktop opened;
 * resolves with the platform once it is Authentifiziert.
 */
export async function signedInPlatform(
  desk: Desktop,
  sandboxUrl: string,
  name: string,
  seller: SeedAccount,
): Promise<Platform> {
  const p = await desk.newPlatform(name);
  await desk.call('signIn', { id: p.id, mode: 'login' });
  await sellerConfirms(desk.opened.at(-1)!, seller, sandboxUrl);
  return desk.until(p.id, (x) => x.auth.status === 'authenticated');
}

/** The seller's browser: sign-in, one-time code and consent on a URL the core opened; the page it ends on. */
export async function sellerConfirms(url: string, seller: SeedAccount, sandboxUrl: string) {
  const browser = new SellerBrowser();
  return confirmConsent(browser, await signInToConsent(browser, url, seller, sandboxUrl));
}

/** The countries "Einstellungen importieren" lists for a seed seller, sorted (SP-API says GB for UK). */
export function importedCountries(seller: SeedAccount): string[] {
  return seller.marketplaces.map((m) => (m.country === 'UK' ? 'GB' : m.country)).sort();
}
