// The compile-time shape of a translation call, derived from the German texts (`de.ts`, `as const`):
// every key is the dotted path to a text, a plural pair `x_one`/`x_other` is also reachable as `x`
// (and then needs `count`), and the params are the `{{name}}` placeholders of the text. So a misspelt key,
// a missing param or a param the text does not have is a compile error (`keys.test.ts` keeps it honest).
import type { Messages } from './de';

/** The shape of the German texts with any string: what another language's texts must fill, key for key. */
export type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

type Join<P extends string, K extends string> = P extends '' ? K : `${P}.${K}`;

/** Every text as `{ key: 'list.count_one'; text: '{{count}} Plattform' }`. */
type Entries<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? { key: Join<P, K>; text: T[K] } : Entries<T[K], Join<P, K>>;
}[keyof T & string];

type Texts = { [E in Entries<Messages> as E['key']]: E['text'] };
type PluralForm = 'one' | 'other';
type PluralBase<K> = K extends `${infer B}_${PluralForm}` ? B : never;

/** A key a component may ask for: a text's own key, or the base of a plural pair. */
export type TranslationKey = keyof Texts | PluralBase<keyof Texts>;

type TextsOf<K extends string> = Texts[Extract<K | `${K}_${PluralForm}`, keyof Texts>];
type Trim<S extends string> = S extends ` ${infer R}` ? Trim<R> : S extends `${infer R} ` ? Trim<R> : S;
/** `{{btn…}}` names a button and is filled by the translator itself (translator.ts BUTTON_KEYS). */
type Placeholders<S> = S extends `${string}{{${infer N}}}${infer Rest}`
  ? Exclude<Trim<N>, `btn${string}`> | Placeholders<Rest>
  : never;
type IsPlural<K extends string> = Extract<`${K}_${PluralForm}`, keyof Texts> extends never ? false : true;

type ParamValue = string | number;
type ParamsOf<K extends string> = { [P in Placeholders<TextsOf<K>>]: ParamValue } & (IsPlural<K> extends true
  ? { count: number }
  : unknown);

/** No second argument for a text without placeholders; exactly its params otherwise. */
type ParamsArg<K extends string> = [Placeholders<TextsOf<K>>] extends [never]
  ? IsPlural<K> extends true
    ? [params: { count: number }]
    : []
  : [params: ParamsOf<K>];

/** Loose params, for texts looked up by a key only known at run time (error codes, ids from outside). */
export type LooseParams = Record<string, ParamValue | boolean | undefined | null>;

export interface TFunction {
  <K extends TranslationKey>(key: K, ...params: ParamsArg<K>): string;
  /** A text by a key known only at run time, or undefined when there is none (the caller falls back). */
  lookup(key: string, params?: LooseParams): string | undefined;
}
