// Every step the core writes to the Protokoll has a German and an English text.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stepText, TIMELINE_STEP_PREFIXES, TIMELINE_STEPS } from '../../shared/timeline-steps';

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
