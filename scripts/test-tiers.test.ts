// Keeps `npm run test:fast` fast: a unit-tier test file that starts a server, a process, a database,
// a keychain or a browser belongs in INTEGRATION_TESTS (vitest.config.ts). And correct: the unit tier
// shares modules between files (no isolation), where a module mock would leak into later files.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FUZZ_TESTS, INTEGRATION_TESTS, STARTS_SOMETHING } from '../vitest.config';

const MOCKS_A_MODULE = /\bvi\.(mock|doMock|unmock|doUnmock)\(/;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('test tiers', () => {
  it('no unit-tier file starts anything', () => {
    const files = unitFiles();
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((f) => STARTS_SOMETHING.test(fs.readFileSync(path.join(root, f), 'utf8')));
    expect(offenders, 'add these to INTEGRATION_TESTS in vitest.config.ts').toEqual([]);
  });

  it('no unit-tier file mocks a module', () => {
    // A module that imported the mock stays cached with it for the next file of the worker. Pass the
    // dependency in, or set the module's state (e.g. forgetGermanRest) instead.
    const mocking = unitFiles().filter((f) => MOCKS_A_MODULE.test(fs.readFileSync(path.join(root, f), 'utf8')));
    expect(mocking).toEqual([]);
  });
});

function unitFiles(): string[] {
  const out: string[] = [];
  for (const dir of ['electron', 'renderer', 'shared', 'cloud', 'sandbox', 'scripts']) {
    for (const f of fs.readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })) {
      const rel = path.posix.join(dir, f.split(path.sep).join('/'));
      if (/\.test\.tsx?$/.test(rel) && !isIntegrationOrFuzz(rel) && !rel.includes('node_modules')) out.push(rel);
    }
  }
  return out;
}

const isIntegrationOrFuzz = (file: string) =>
  [...INTEGRATION_TESTS, ...FUZZ_TESTS].some((glob) => path.matchesGlob(file, glob));
