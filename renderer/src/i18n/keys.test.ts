// The translator's compile-time guarantees, kept honest: each `@ts-expect-error` below fails the type
// check (`tsc -p tsconfig.web.json`, part of `npm test`) if the line it marks ever compiles, e.g. when the
// keys widen to string because `de.ts` lost its `as const`. The run-time half checks what types cannot.
import { describe, expect, it } from 'vitest';
import { createTranslator, forgetGermanRest, interpolate, loadGermanRest } from './translator';
import { errorText } from '.';
import { errorsDe } from './errors.de';
import { de } from './de';
import { deRest } from './de.rest';
import { en } from './en';

type Tree = { readonly [key: string]: string | Tree };
const leaves = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[prefix + k, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('translator', () => {
  // All German texts at once (the app fetches the rest after the first screen: see the last case).
  const { t } = createTranslator('de', { de: { ...de, ...deRest } });

  it('rejects a wrong key, a missing param and an unknown param at compile time', () => {
    // @ts-expect-error a misspelt key
    const misspelt = t('list.cont', { count: 1 });
    // @ts-expect-error a plural needs its count
    const noCount = t('list.count');
    // @ts-expect-error a text with a placeholder needs its param
    const noParam = t('deleteDialog.question');
    // @ts-expect-error a param the text does not have
    const extra = t('app.title', { name: 'x' });
    // @ts-expect-error a param of the wrong name
    const wrongName = t('deleteDialog.question', { nam: 'x' });
    // @ts-expect-error an error code that does not exist
    const noCode = t('errors.NO_SUCH_CODE');
    expect([misspelt, noCount, noParam, extra, wrongName, noCode]).toEqual([
      'list.cont',
      'list.count',
      'Soll die Plattform „{{name}}“ wirklich gelöscht werden?',
      'E-COMMERCE – PLATTFORMEN',
      'Soll die Plattform „{{name}}“ wirklich gelöscht werden?',
      'errors.NO_SUCH_CODE',
    ]);
  });

  it('interpolates, picks plurals by count and looks up run-time keys', () => {
    expect(t('deleteDialog.question', { name: 'Amazon DE' })).toBe(
      'Soll die Plattform „Amazon DE“ wirklich gelöscht werden?',
    );
    expect(t('list.count', { count: 1 })).toBe('1 Plattform');
    expect(t('list.count', { count: 0 })).toBe('0 Plattformen');
    expect(t('renewal.soon', { count: 1, date: '1.2.2027' })).toContain('(noch 1 Tag)');
    expect(t('renewal.soon', { count: 3, date: '1.2.2027' })).toContain('(noch 3 Tage)');
    expect(t.lookup('regions.EU')).toBe('Europa (EU)');
    expect(t.lookup('regions.XX')).toBeUndefined();
    expect(t.lookup('regions')).toBeUndefined();
    expect(t.lookup('toString')).toBeUndefined();
    // Like i18next: an absent param keeps its placeholder, a present but empty one becomes ''.
    expect(interpolate('a {{x}} b {{ y }}', { y: undefined })).toBe('a {{x}} b ');
  });

  it('switches to English (loaded on demand), falls back to German, ignores an unknown language', async () => {
    let load = 0;
    const translator = createTranslator('de', {}, async () => (load++, en));
    const seen: string[] = [];
    translator.subscribe(() => seen.push(translator.language));
    await translator.changeLanguage('fr');
    expect(translator.language).toBe('de');
    await translator.changeLanguage('en');
    await translator.changeLanguage('en');
    expect([translator.language, load, seen]).toEqual(['en', 1, ['en']]);
    expect(translator.t('list.count', { count: 2 })).toBe('2 platforms');
    expect(translator.t).not.toBe(t);
  });

  it('a later choice wins over one still loading', async () => {
    let release!: () => void;
    const translator = createTranslator('de', {}, () => new Promise((r) => (release = () => r(en))));
    const english = translator.changeLanguage('en');
    await translator.changeLanguage('de');
    release();
    await english;
    expect(translator.language).toBe('de');
  });

  it('English texts have the same placeholders as the German ones', () => {
    const english = new Map(leaves(en as Tree));
    for (const [key, text] of leaves({ ...de, ...deRest } as Tree))
      expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('fetches the rest of the German texts when an error text is first needed, with a short note meanwhile, then re-renders', async () => {
    forgetGermanRest(); // as in a fresh renderer, whatever another test file of this worker loaded
    const translator = createTranslator('de');
    let renders = 0;
    translator.subscribe(() => renders++);
    const before = translator.t;
    expect(errorText(translator.t, { code: 'HOST_UNREACHABLE' })).toBe(
      'Fehler HOST_UNREACHABLE – die Beschreibung wird geladen …',
    );
    expect(translator.t('list.count', { count: 2 })).toBe('2 Plattformen');
    expect(translator.t.lookup('deleteDialog.question')).toBeUndefined();
    await loadGermanRest();
    expect(renders).toBe(1);
    expect(translator.t).not.toBe(before);
    expect(errorText(translator.t, { code: 'HOST_UNREACHABLE' })).toBe(errorsDe.HOST_UNREACHABLE);
    expect(translator.t('deleteDialog.question', { name: 'X' })).toBe(
      'Soll die Plattform „X“ wirklich gelöscht werden?',
    );
    // A translator made afterwards has them at once.
    expect(errorText(createTranslator('de').t, { code: 'HOST_UNREACHABLE' })).toBe(errorsDe.HOST_UNREACHABLE);
  });
});
