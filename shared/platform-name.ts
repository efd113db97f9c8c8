// The one rule for a platform's name (the ERP's "Bezeichnung"), used by the renderer, the desktop core
// and the cloud alike:
//   - normalisation: Unicode NFC, then leading/trailing white space removed. What is stored and shown.
//   - limit: PLATFORM_NAME_MAX characters (UTF-16 code units, what an <input maxLength> counts).
//   - comparison: two names clash when their keys are equal. The key is the normalised name, case-folded
//     without a locale: toUpperCase() then toLowerCase(), both locale-independent in ECMAScript (Unicode's
//     default case mapping), so "ß" and "SS" clash like "Straße"/"STRASSE", and a Turkish or German
//     system locale never changes the result ("I" always folds to "i"; toLocaleLowerCase('tr') would
//     give "ı"). NFC again after folding, because case mapping can leave decomposed sequences.
//     The cloud stores the key in its own column with a unique index, computed by this same function,
//     so the database never needs to agree with JavaScript on collation.
// No zod here: the renderer's first screen uses the limit and the checks, and zod is ~40 KiB gzipped
// (issue 15); the schema every boundary parses a name with is in platform-name-schema.ts.

export const PLATFORM_NAME_MAX = 80;

/** The stored form of a name: NFC, trimmed. */
export function normalizePlatformName(name: string): string {
  return name.normalize('NFC').trim();
}

/** The comparison key: two names clash when their keys are equal. */
export function platformNameKey(name: string): string {
  return normalizePlatformName(name).toUpperCase().toLowerCase().normalize('NFC');
}

export function samePlatformName(a: string, b: string): boolean {
  return platformNameKey(a) === platformNameKey(b);
}

/** Error codes of the name rule; the renderer has a German and an English sentence for each. */
export type PlatformNameError = 'NAME_REQUIRED' | 'NAME_TOO_LONG' | 'NAME_INVALID';

/** Checks a name as typed; returns the first problem, or undefined when it is fine. */
export function platformNameProblem(name: string): PlatformNameError | undefined {
  const n = normalizePlatformName(name);
  if (n.length === 0) return 'NAME_REQUIRED';
  if (n.length > PLATFORM_NAME_MAX) return 'NAME_TOO_LONG';
  // Control characters (C0, C1, DEL) and lone surrogates have no place in a name shown in lists.
  if (/\p{Cc}/u.test(n) || /\p{Cs}/u.test(n)) return 'NAME_INVALID';
  return undefined;
}

const SUFFIX = /\s*\((\d{1,4})\)$/;

/**
 * A free name close to `wanted`: "Amazon 123456" → "Amazon 123456 (2)", "(3)", … — never one whose key
 * is in `taken`, always within the limit (the base is shortened to make room for the suffix).
 */
export function suggestFreeName(wanted: string, taken: Iterable<string>): string {
  const keys = new Set([...taken].map(platformNameKey));
  const normalized = normalizePlatformName(wanted);
  if (!keys.has(platformNameKey(normalized)) && !platformNameProblem(normalized)) return normalized;
  const base = normalized.replace(SUFFIX, '') || 'Amazon';
  for (let n = 2; n < 10_000; n++) {
    const suffix = ` (${n})`;
    const candidate = `${base.slice(0, PLATFORM_NAME_MAX - suffix.length).trimEnd()}${suffix}`;
    if (!keys.has(platformNameKey(candidate))) return candidate;
  }
  return `${base.slice(0, PLATFORM_NAME_MAX - 15)} (${Date.now()})`;
}
