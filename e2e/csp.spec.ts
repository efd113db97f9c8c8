// The renderer under the strict CSP without style-src 'unsafe-inline': the whole journey in Chromium
// with every CSP violation collected (console messages and securitypolicyviolation events). React's
// style props go through the CSSOM, which the CSP does not govern; inline <style> elements and style
// attributes in markup are blocked, and a control at the end proves that such a block is noticed.
import { expect, test, type Page } from '@playwright/test';
import { testHostPerFile } from './support/browser-host';
import { runAmazonFlow } from './support/flow';
import { newPlatformOnCredentials } from './support/support-steps';

const host = testHostPerFile({ embedded: true });

async function watchCsp(page: Page) {
  const messages: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) messages.push(m.text());
  });
  // Runs in the page (this project's e2e code is typed without the DOM library, hence a string).
  await page.addInitScript(`
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sample));
  `);
  return {
    all: async () => [...messages, ...((await page.evaluate('window.__cspViolations')) as string[])],
  };
}

test('the UI needs nothing the CSP blocks (no inline styles or scripts)', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const response = await page.request.get(host.origin + '/');
  const csp = response.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("style-src 'self'");
  expect(csp).not.toContain('unsafe-inline');

  const csp$ = await watchCsp(page);
  await page.goto(host.url);
  await runAmazonFlow({
    page,
    browser,
    shot: async () => {},
    nextUrl: async (count) => {
      await expect.poll(() => host.opened.length, { timeout: 15_000 }).toBeGreaterThan(count);
      return host.opened.at(-1)!;
    },
  });
  // The dialogs and tabs the journey does not open.
  await page.getByRole('button', { name: 'Cloud-Zugangsdaten' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await newPlatformOnCredentials(page, 'Amazon CSP');
  await page.getByRole('tab', { name: 'Protokoll' }).click();
  await expect(page.getByRole('tabpanel')).toBeVisible();

  // The stylesheet applies (it is 'self'), so the page is styled at all.
  const styled = (await page.evaluate('document.styleSheets.length')) as number;
  expect(styled).toBeGreaterThan(0);
  expect(await csp$.all()).toEqual([]);

  // Control: an inline style attribute in markup is blocked and noticed.
  await page.evaluate(`document.body.insertAdjacentHTML('beforeend', '<span style="color: rgb(255, 0, 0)">x</span>')`);
  await expect.poll(async () => (await csp$.all()).length).toBeGreaterThan(0);
});
