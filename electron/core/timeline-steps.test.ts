// Every step the core writes to the Protokoll has a German and an English text.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detailText, stepText, TIMELINE_STEP_PREFIXES, TIMELINE_STEPS } from '../../shared/timeline-steps';

function coreSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'testing' ? [] : coreSources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('Protokoll steps', () => {
  it('every step written by the core has a text in both languages', () => {
    const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
    const steps = new Set<string>();
    for (const file of coreSources(root)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/timeline\.add\(\s*[\w.]+,\s*(['`])((?:(?!\1).)*)\1/g)) {
        const literal = m[2]!;
        // Template steps: every value the placeholder takes.
        if (literal.includes('${mode}')) ['login', 'refresh'].forEach((v) => steps.add(literal.replace('${mode}', v)));
        else if (literal.includes('${status}')) ['failed', 'expired', 'cancelled'].forEach((v) => steps.add(literal.replace('${status}', v)));
        else if (literal.includes('${')) {
          // A variable tail: its fixed prefix must be translated.
          const prefix = literal.slice(0, literal.indexOf('${'));
          expect(Object.keys(TIMELINE_STEP_PREFIXES), `template step in ${file}`).toContain(prefix);
        } else steps.add(literal);
      }
    }
    expect(steps.size).toBeGreaterThan(15);
    for (const step of steps) {
      expect(TIMELINE_STEPS[step]?.de, step).toBeTruthy();
      expect(TIMELINE_STEPS[step]?.en, step).toBeTruthy();
    }
  });

  it('an unknown step is shown as written', () => {
    expect(stepText('authenticated', 'de')).toBe('Authentifiziert');
    expect(stepText('something old', 'de')).toBe('something old');
    expect(stepText('constructor', 'de')).toBe('constructor');
    expect(stepText('Amazon request: SP-API getMarketplaceParticipations (EU)', 'de')).toBe('Anfrage an Amazon: SP-API getMarketplaceParticipations (EU)');
  });
});

// Issue 24: the Protokoll's details ("3 marketplaces", "region DE", "expires …Z" in UTC) read in the
// viewer's language, with timestamps in local time.
describe('Protokoll details', () => {
  const local = (iso: string) => `<${iso.slice(11, 16)} local>`;
  it('known phrases in both languages, every UTC timestamp through the local formatter, the rest as written', () => {
    expect(detailText('8 marketplaces', 'de', local)).toBe('8 Marktplätze');
    expect(detailText('8 marketplaces', 'en', local)).toBe('8 marketplaces');
    expect(detailText('region EU', 'de', local)).toBe('Region EU');
    expect(detailText('expires 2026-12-07T14:39:00.000Z', 'de', local)).toBe('läuft ab <14:39 local>');
    expect(detailText('login, expires 2026-12-07T14:39:00Z', 'en', local)).toBe('login, expires <14:39 local>');
    expect(detailText('seller A2EUMUSTER7H1K', 'de', local)).toBe('Händler-ID A2EUMUSTER7H1K');
    expect(detailText('LWA_ERROR: something', 'de', local)).toBe('LWA_ERROR: something');
  });
});
