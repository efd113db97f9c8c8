// Fuzzer kept in `npm test` (fast-check, fixed seed, bounded): arbitrary request names and payloads
// — any JSON, oversized strings, control characters, prototype keys, near-miss shapes of the real
// requests — through the core's dispatcher (the one entry point of both hosts). Every answer must be
// a Result; every error must carry a code the UI knows and a short detail that does not echo the
// input; nothing may throw; and a refused request must leave the store file, the keychain and the
// system browser untouched — except the platform's Protokoll (timeline), which records a failed
// sign-in on purpose. Loopback only: the one cloud URL it can save is a closed port on 127.0.0.1.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Core } from './core';
import { MemoryVault } from './vault';

import { REQUEST_NAMES } from '../../shared/ipc-channels';
import { ERROR_CODES } from '../../shared/error-codes';
import { memoryCore, STORED_PLATFORM } from './testing/memory-core';
import { suiteTempDir } from '../../shared/testing/temp-dir';

const SEED = 9_2026;
const RUNS = 3_000;
const KNOWN_CODES = new Set<string>(ERROR_CODES);

const dir = suiteTempDir('acc-ipc-fuzz-');
let core: Core;
const opened: string[] = [];
let vaultWrites = 0;

class CountingVault extends MemoryVault {
  override async set(account: string, secret: string) {
    vaultWrites++;
    return super.set(account, secret);
  }
  override async delete(account: string) {
    vaultWrites++;
    return super.delete(account);
  }
}

beforeAll(async () => {
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ platforms: [STORED_PLATFORM] }));
  core = memoryCore(dir, { vault: new CountingVault(), openExternal: async (url) => void opened.push(url) });
  await core.whenReady();
});
afterAll(async () => {
  await core?.dispose();
});

/** The store file as the user's data: everything but the timelines (the Protokoll logs failures). */
function storeWithoutTimelines(file: string): string {
  const { timelines: _log, ...data } = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  return JSON.stringify(data);
}

const control = fc.constantFrom(
  '\u0000',
  '\u0001',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ud800',
  '\r\n',
  '\t',
);
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), control), { maxLength: 12 }).map((a) => a.join('')),
  fc.string({ minLength: 1, maxLength: 4 }).map((s) => s.repeat(50_000)), // up to 200 KB
  fc.constantFrom(
    'p1',
    'amazon',
    'login',
    'refresh',
    'cloud',
    'localQueue',
    'DE',
    'http://127.0.0.1:9',
    '__proto__',
    'constructor',
    '',
  ),
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  nasty,
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(undefined, null, true, 0, -1, 1e308, Number.NaN),
);
const fields = [
  'id',
  'type',
  'name',
  'mode',
  'patch',
  'url',
  'clientId',
  'clientSecret',
  'marketplaceIds',
  'active',
  'useCloud',
  'countryCode',
  '__proto__',
  'constructor',
];
// Near-miss shapes: the real field names with hostile values (these get furthest into the core).
const shaped = fc.dictionary(
  fc.constantFrom(...fields),
  fc.oneof(value, fc.dictionary(fc.constantFrom(...fields), value, { maxKeys: 4 })),
  { maxKeys: 5 },
);
const payload = fc.oneof(value, shaped, fc.array(value, { maxLength: 5 }));
const name = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...REQUEST_NAMES) },
  { weight: 1, arbitrary: nasty },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'toString', 'hasOwnProperty', 'constructor', 'invoke') },
);
// Valid requests with one hostile part: past the schema into the handlers.
const id = fc.oneof(fc.constant('p1'), fc.constant('missing-id'), nasty);
const almostValid: fc.Arbitrary<[string, unknown]> = fc.oneof(
  fc.tuple(
    fc.constantFrom('deletePlatform', 'cancelSignIn', 'reopenConsent', 'importSettings', 'getTimeline'),
    id.map((x) => ({ id: x })),
  ),
  fc.tuple(fc.constant('signIn'), fc.record({ id, mode: fc.constantFrom('login', 'refresh', 'x') })),
  fc.tuple(
    fc.constant('updatePlatform'),
    fc.record({
      id,
      patch: fc.record({ name: nasty, countryCode: fc.oneof(fc.constant('FR'), nasty) }, { requiredKeys: [] }),
    }),
  ),
  fc.tuple(fc.constant('createPlatform'), fc.record({ type: fc.constantFrom('amazon', 'ebay'), name: nasty })),
  fc.tuple(fc.constant('selectMarketplaces'), fc.record({ id, marketplaceIds: fc.array(nasty, { maxLength: 3 }) })),
  fc.tuple(
    fc.constant('saveCloudSettings'),
    fc.record(
      { url: fc.oneof(fc.constant('http://127.0.0.1:9'), nasty), clientId: nasty, clientSecret: nasty },
      { requiredKeys: ['url'] },
    ),
  ),
  fc.tuple(
    fc.constant('testCloudConnection'),
    fc.record({ url: fc.oneof(fc.constant('http://127.0.0.1:9'), nasty), clientId: nasty }, { requiredKeys: [] }),
  ),
);
const request: fc.Arbitrary<[string, unknown]> = fc.oneof(fc.tuple(name, payload), almostValid);

it(`answers ${RUNS.toLocaleString('en')} fuzzed IPC requests with Results and writes nothing for refused ones (seed ${SEED})`, async () => {
  const file = path.join(dir, 'config.json');
  const codes = new Map<string, number>();
  let accepted = 0;
  let threw = 0;
  let unknownCodes = 0;
  let writesOnError = 0;
  await fc.assert(
    fc.asyncProperty(request, async ([requestName, body]) => {
      const before = storeWithoutTimelines(file);
      const vaultBefore = vaultWrites;
      const openedBefore = opened.length;
      let result;
      try {
        result = await core.invoke(requestName, body);
      } catch {
        threw++;
        return false;
      }
      expect(typeof result.ok).toBe('boolean');
      if (result.ok) {
        accepted++;
        return true;
      }
      const code = result.error.code;
      codes.set(code, (codes.get(code) ?? 0) + 1);
      if (!KNOWN_CODES.has(code)) unknownCodes++;
      expect(KNOWN_CODES.has(code), code).toBe(true);
      expect(JSON.stringify(result.error).length, code).toBeLessThan(2_000);
      const written =
        storeWithoutTimelines(file) !== before || vaultWrites !== vaultBefore || opened.length !== openedBefore;
      if (written) writesOnError++;
      expect(written, `${requestName} wrote although refused with ${code}`).toBe(false);
      return true;
    }),
    { seed: SEED, numRuns: RUNS },
  );
  const summary = [...codes]
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => `${c}×${n}`)
    .join(', ');
  console.log(
    `ipc fuzz: ${RUNS} requests, ${accepted} accepted, refused with ${summary}; thrown: ${threw}, unknown codes: ${unknownCodes}, writes on refusal: ${writesOnError}`,
  );
  expect(threw).toBe(0);
}, 120_000);
