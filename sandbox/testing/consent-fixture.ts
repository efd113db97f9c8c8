// What the Seller Central tests (sandbox/consent*.integration.test.ts) share: the seed's apps and sellers,
// the Production app's consent URL, and the error key a URL leads to.
import { expect } from 'vitest';
import { draftApp, productionApp, seedAccount } from '../seed';
import { Browser, EU_HOST, consentPath, errorKey, pageKind } from './test-client';

export const PROD = productionApp();
export const DRAFT = draftApp();
export const EU = seedAccount('eu.haendler@example.com')!;
export const FE = seedAccount('fe.seller@example.com')!;
export const NA = seedAccount('na.seller@example.com')!;

const prodQuery = { application_id: PROD.applicationId, state: 'state-123' };

/** The Production app's consent URL on a Seller Central host, with extra or replaced parameters. */
export const prodUrl = (host = EU_HOST, extra: Record<string, string> = {}) =>
  consentPath(host, { ...prodQuery, ...extra });

/** The error key of Seller Central's error page a URL leads to (shown with status 200, as Amazon does). */
export async function errorFor(sandboxUrl: string, path: string): Promise<string | undefined> {
  const page = await new Browser(sandboxUrl).get(path);
  expect(page.status).toBe(200);
  expect(pageKind(page.text)).toBe('error');
  return errorKey(page.text);
}

// The browser and the steps to the consent page and past it, beside the constants: fewer imports per test.
export { Browser, EU_HOST, confirmConsent, reachConsent } from './test-client';
