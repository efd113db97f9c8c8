// The one name rule: normalisation, limit, locale-independent comparison, free-name suggestions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  normalizePlatformName,
  PLATFORM_NAME_MAX,
  platformNameKey,
  platformNameProblem,
  samePlatformName,
  suggestFreeName,
} from './platform-name';
import { platformNameSchema } from './platform-name-schema';

describe('platform name rule', () => {
  it('normalises to NFC and trims', () => {
    expect(normalizePlatformName('  Cafe\u0301 Amazon\t')).toBe('Caf\u00e9 Amazon');
    expect(platformNameSchema.parse(' Amazon 1 ')).toBe('Amazon 1');
  });

  it('compares case-insensitively without a locale, across whitespace and Unicode forms', () => {
    expect(samePlatformName('Amazon 123456', 'AMAZON 123456')).toBe(true);
    expect(samePlatformName('  Amazon 123456 ', 'amazon 123456')).toBe(true);
    expect(samePlatformName('Caf\u00e9', 'CAFE\u0301')).toBe(true);
    expect(samePlatformName('Straße', 'STRASSE')).toBe(true);
    expect(samePlatformName('Istanbul', 'ISTANBUL')).toBe(true);
    expect(samePlatformName('Amazon 1', 'Amazon 2')).toBe(false);
    expect(samePlatformName('Amazon a', 'Amazon ä')).toBe(false);
  });

  it('is the same key whatever the process locale would say', () => {
    // toLocaleLowerCase('tr') folds "I" to dotless "ı"; the rule must not.
    expect(platformNameKey('AMAZON IT')).toBe('amazon it');
    expect('AMAZON IT'.toLocaleLowerCase('tr')).not.toBe(platformNameKey('AMAZON IT'));
  });

  it('has one limit and names each problem', () => {
    expect(platformNameProblem('x'.repeat(PLATFORM_NAME_MAX))).toBeUndefined();
    expect(platformNameProblem('x'.repeat(PLATFORM_NAME_MAX + 1))).toBe('NAME_TOO_LONG');
    expect(platformNameProblem('   ')).toBe('NAME_REQUIRED');
    expect(platformNameProblem('Amazon\u0000')).toBe('NAME_INVALID');
    expect(platformNameSchema.safeParse('a\nb').error?.issues[0]?.message).toBe('NAME_INVALID');
    expect(platformNameSchema.safeParse('x'.repeat(10_000)).error?.issues[0]?.message).toBe('NAME_TOO_LONG');
  });

  it('suggests the first free suffix, never a taken name, within the limit', () => {
    expect(suggestFreeName('Amazon 123456', ['Amazon 123456'])).toBe('Amazon 123456 (2)');
    expect(suggestFreeName('amazon 123456', ['Amazon 123456', 'AMAZON 123456 (2)'])).toBe('amazon 123456 (3)');
    expect(suggestFreeName('Amazon 123456 (2)', ['Amazon 123456 (2)'])).toBe('Amazon 123456 (3)');
    expect(suggestFreeName('Frei', ['Amazon'])).toBe('Frei');
    const long = suggestFreeName('y'.repeat(PLATFORM_NAME_MAX), ['y'.repeat(PLATFORM_NAME_MAX)]);
    expect(long.length).toBeLessThanOrEqual(PLATFORM_NAME_MAX);
    expect(long.endsWith(' (2)')).toBe(true);
  });

  it('property: a suggestion is valid and clashes with none of the taken names', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 90 }),
        fc.array(fc.string({ maxLength: 90 }), { maxLength: 8 }),
        (wanted, others) => {
          const taken = [wanted, ...others];
          const s = suggestFreeName(wanted, taken);
          expect(taken.some((t) => samePlatformName(t, s))).toBe(false);
          expect(s.length).toBeLessThanOrEqual(PLATFORM_NAME_MAX);
        },
      ),
      { seed: 13, numRuns: 300 },
    );
  });
});
