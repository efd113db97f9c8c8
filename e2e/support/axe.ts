// axe on what the page shows now: every violation listed by rule and target, none expected. The app's
// screens are checked in each UI language (switched in the title bar), the seller's pages as they are.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(
    violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on "${screen}"`,
  ).toEqual([]);
}

/** The app's screen in each language, in this order (the last one stays chosen). */
export async function axeInEachLanguage(
  page: Page,
  screen: string,
  languages: readonly ('de' | 'en')[] = ['en', 'de'],
): Promise<void> {
  for (const lng of languages) {
    await page.locator('.titlebar select').selectOption(lng);
    await expect(page.locator('html')).toHaveAttribute('lang', lng);
    await expectNoAxeViolations(page, `${screen} (${lng})`);
  }
}
