// A small translator in place of i18next (issue 15: i18next + react-i18next were a fifth of the first
// screen's bytes). What the app uses, and nothing more: dotted keys, `{{name}}` interpolation without
// escaping (React escapes), `_one`/`_other` plurals chosen by `count`, German as the fallback, English
// loaded on demand, the German texts of other screens and the error texts loaded after the first screen.
// Types come from keys.ts; this file is the run-time half.
import { de, type Messages } from './de';
import type { LooseParams, TFunction } from './keys';

import { isUiLanguage, UI_LANGUAGES, type UiLanguage } from '../../../shared/ui-language';

// The UI's languages are the core's too (its notifications follow them): one list, in shared/.
export const LANGUAGES = UI_LANGUAGES;
export type Language = UiLanguage;
const isLanguage = isUiLanguage;

type Tree = { readonly [key: string]: string | Tree };
type Translation = Messages | typeof import('./en').en;
type GermanRest = typeof import('./de.rest').deRest;

/*
 * The German texts of the other screens and the error texts (de.rest.ts) are a chunk of their own (the
 * first screen needs none of them; they were two thirds of the German texts' bytes): fetched once the
 * list is shown (App's preloadRest), with a lazy screen's chunk (lazy-component.ts), or as soon as an
 * error text is asked for before that. Until they are there, errorText shows `app.errorLoading`; every
 * translator re-renders its components when they arrive. Module-wide, like the chunk itself.
 */
let germanRest: GermanRest | undefined;
let germanRestPending: Promise<void> | undefined;
const germanRestListeners = new Set<() => void>();

/** For tests: the rest of the German texts at once. */
export function provideGermanRest(rest: GermanRest): void {
  germanRest = rest;
  for (const listener of [...germanRestListeners]) listener();
}

/**
 * For tests: back to before the rest of the German texts arrived (nothing loaded, nothing loading, no
 * translator waiting), as in a fresh renderer. A test that needs them absent says so with this, rather
 * than relying on a fresh module in its worker (the unit tier shares modules between files).
 */
export function forgetGermanRest(): void {
  germanRest = undefined;
  germanRestPending = undefined;
  germanRestListeners.clear();
}

export function loadGermanRest(
  load: () => Promise<GermanRest> = async () => (await import('./de.rest')).deRest,
): Promise<void> {
  if (germanRest) return Promise.resolve();
  germanRestPending ??= load().then(provideGermanRest, (error: unknown) => {
    germanRestPending = undefined; // asked again the next time a text or screen needs it
    throw error;
  });
  return germanRestPending;
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/**
 * A text that names a button says `{{btnSignIn}}` etc.: filled from the button's own key, so a message
 * always names the button as the screen shows it in the current language (issue 24: English messages
 * named ANMELDEN while the button read SIGN IN). Keys.ts leaves these params out of the typed ones.
 */
const BUTTON_KEYS = {
  btnSignIn: 'cred.signIn',
  btnRefresh: 'cred.refresh',
  btnExport: 'timeline.export',
  btnImport: 'market.import',
  btnTest: 'cloudDialog.test',
} as const;

function buttonNames(raw: (key: string) => string | undefined): LooseParams {
  const out: LooseParams = {};
  for (const [param, key] of Object.entries(BUTTON_KEYS)) {
    const text = raw(key);
    if (text !== undefined) out[param] = text;
  }
  return out;
}

/** One Intl.PluralRules per language (making one costs far more than asking it). */
const plurals = new Map<Language, Intl.PluralRules>();
function pluralRules(lng: Language): Intl.PluralRules {
  let rules = plurals.get(lng);
  if (!rules) plurals.set(lng, (rules = new Intl.PluralRules(lng)));
  return rules;
}

function find(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * Like i18next: a placeholder whose param is absent stays as it is (errorText relies on that to pick a
 * `_generic` variant), a param present but undefined/null becomes '' and anything else its string.
 */
export function interpolate(text: string, params: LooseParams | undefined): string {
  if (!params) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name] ?? '') : whole,
  );
}

export interface Translator {
  readonly language: Language;
  /** Changes whenever texts change (a language switch, the German error texts arriving). */
  readonly revision: number;
  readonly t: TFunction;
  /** Loads the language's texts if needed, then switches and tells subscribers; an unknown one is ignored. */
  changeLanguage(language: string): Promise<void>;
  /** Resolves once the current language's texts are there (at once for German). */
  ready(): Promise<void>;
  subscribe(listener: () => void): () => void;
}

type EnglishLoader = () => Promise<Translation>;

const loadEnglishChunk: EnglishLoader = async () => (await import('./en')).en;

/**
 * German is in the first bundle; English is a chunk of its own, fetched when chosen (or chosen last time),
 * so a German start does not load it. `preloaded`: texts available at once (tests render English
 * synchronously).
 */
export function createTranslator(
  initial: Language,
  preloaded: Partial<Record<Language, Translation>> = {},
  loadEnglish = loadEnglishChunk,
): Translator {
  const loaded: Partial<Record<Language, Tree>> = { de, ...preloaded };
  const listeners = new Set<() => void>();
  // One function per language, so a component's `t` changes (and memos recompute) when the texts do.
  const tFunctions: Partial<Record<Language, TFunction>> = {};
  let revision = 0;
  const notify = () => {
    for (const lng of LANGUAGES) delete tFunctions[lng];
    revision++;
    for (const listener of [...listeners]) listener();
  };
  // German as given, plus the rest of its texts once they are there (English is one chunk, all of it).
  let germanTree: Tree = preloaded.de ?? de;
  const withGermanRest = () => {
    if (germanRest && germanTree === de) germanTree = { ...de, ...germanRest };
  };
  withGermanRest();
  if (germanTree === de) {
    const arrived = () => {
      withGermanRest();
      germanRestListeners.delete(arrived);
      notify();
    };
    germanRestListeners.add(arrived);
  }
  let language: Language = initial;
  let pending: Promise<void> | undefined;
  let wanted: Language = initial;

  const load = (lng: Language): Promise<void> => {
    if (loaded[lng]) return Promise.resolve();
    pending ??= loadEnglish().then(
      (texts) => {
        loaded.en = texts;
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };

  const resolve = (tree: Tree | undefined, lng: Language, key: string, count: unknown): string | undefined => {
    if (!tree) return undefined;
    if (typeof count === 'number') {
      const form = find(tree, `${key}_${pluralRules(lng).select(count)}`);
      if (form !== undefined) return form;
    }
    return find(tree, key);
  };

  const tFor = (lng: Language): TFunction => {
    const existing = tFunctions[lng];
    if (existing) return existing;
    const raw = (key: string, count?: unknown) =>
      resolve(lng === 'de' ? germanTree : loaded[lng], lng, key, count) ?? resolve(germanTree, 'de', key, count);
    const lookup = (key: string, params?: LooseParams): string | undefined => {
      const text = raw(key, params?.count);
      return text === undefined ? undefined : interpolate(text, { ...buttonNames(raw), ...params });
    };
    // The types guarantee the key exists; should a text still be missing at run time, the key shows.
    const t = ((key: string, params?: LooseParams) => lookup(key, params) ?? key) as TFunction;
    t.lookup = lookup;
    return (tFunctions[lng] = t);
  };

  return {
    get language() {
      return language;
    },
    get revision() {
      return revision;
    },
    get t() {
      return tFor(language);
    },
    async changeLanguage(next) {
      if (!isLanguage(next)) return;
      wanted = next;
      await load(next);
      // A later choice made while English was loading wins.
      if (wanted !== next || language === next) return;
      language = next;
      notify();
    },
    ready: () => load(language),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
