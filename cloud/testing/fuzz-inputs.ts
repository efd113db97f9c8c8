// fast-check generators of hostile input for the cloud's fuzzers: path segments, query pairs, header
// values and bodies with NUL and other control characters, broken percent-encoding, lone surrogates,
// oversized and Unicode text.
import fc from 'fast-check';

/** Percent-encodes, keeping lone surrogates (which encodeURIComponent refuses) as broken UTF-8 bytes. */
export function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value].map((ch) => (/[\ud800-\udfff]/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');
  }
}

const code = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCharCode(c));

/** One character, biased towards the ones that broke things: C0 and C1 controls, DEL, surrogates. */
const hostileChar: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: code(0x00, 0x1f) },
  { weight: 1, arbitrary: code(0x7f, 0x9f) },
  { weight: 1, arbitrary: code(0xd800, 0xdfff) },
  { weight: 4, arbitrary: code(0x20, 0x7e) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);

const hostileString = (maxLength = 30) => fc.string({ unit: hostileChar, maxLength });

/** Already-encoded URL text: raw percent sequences next to encoded arbitrary strings. */
export const nastyEncoded: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '%00',
      '%0a',
      '%0d%0a',
      '%1b%5b2J',
      '%7f',
      '%c2%85',
      '%zz',
      '%',
      '%c3%28',
      '%ED%A0%80',
      '%2e%2e%2f',
      '..',
      '%2F',
      'ä',
      '😀',
      '+',
      '%20',
      '',
    ),
  },
  { weight: 4, arbitrary: hostileString().map(encode) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }).map(encode) },
  { weight: 1, arbitrary: fc.integer({ min: 150, max: 5000 }).map((n) => 'x'.repeat(n)) },
);

/** Decoded text for JSON and form fields. */
const nastyText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\t',
    '\r\n',
    '\u001b[2J',
    '\u007f',
    '\u0085',
    '\ud800',
    'x\udc00y',
    'Größe ✓ 😀',
    ' ',
    '',
  ),
  hostileString(40),
  fc.integer({ min: 90, max: 20_000 }).map((n) => 'n'.repeat(n)),
);

/** Header values fetch() is willing to send: printable ASCII, tab, and Latin-1 (C1 controls included). */
export const headerValue: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 }),
  fc.constantFrom('a\tb', '\u0085', '\u00ff\u0080', 'x'.repeat(300), ''),
);

export const contentType = fc.constantFrom(
  undefined,
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'application/x-www-form-urlencoded',
  'text/plain',
  'application/xml',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  '*/*',
);

/** A body as text: JSON (well-formed or not), a form, or garbage; sometimes a near-valid request. */
export const body: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null'),
  fc
    .record({
      type: fc.constantFrom('amazon', 'ebay', 'amazon\u0000'),
      name: nastyText,
      region: fc.constantFrom('EU', 'NA', 'FE', 'XX'),
      countryCode: fc.constantFrom('DE', 'US', 'JP', 'XX'),
    })
    .map((v) => JSON.stringify(v)),
  fc.record({ name: nastyText }).map((v) => JSON.stringify(v)),
  fc.record({ mode: fc.oneof(fc.constantFrom('login', 'refresh'), nastyText) }).map((v) => JSON.stringify(v)),
  fc
    .record({
      grant_type: fc.oneof(fc.constant('client_credentials'), nastyText),
      client_id: nastyText,
      client_secret: nastyText,
    })
    .map((v) => new URLSearchParams(v).toString()),
  fc
    .array(fc.tuple(nastyEncoded, nastyEncoded), { maxLength: 4 })
    .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&')),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('{"type":', '[]', 'null', '""', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}'),
);
