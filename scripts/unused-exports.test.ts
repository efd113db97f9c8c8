// Every export is imported somewhere else (issue 14: unused exports had piled up). A name only one file
// needs is module-local; dead code is deleted. `npx tsx scripts/unused-exports.ts` lists offenders.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { unusedExports } from './unused-exports';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('exports', () => {
  it('no file exports a name that no other file imports', () => {
    expect(unusedExports(root)).toEqual([]);
  }, 60_000);
});
