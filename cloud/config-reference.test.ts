// cloud/README.md's configuration table lists exactly the schema's keys, each with its environment
// variable and default, so the documentation cannot drift from the code.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { configReference } from './config-reference';

const readme = fs.readFileSync(path.join(import.meta.dirname, 'README.md'), 'utf8');

/** Rows of the table under "### Configuration reference": key, env, default. */
function documentedRows(): { key: string; env?: string; default?: string }[] {
  const start = readme.indexOf('### Configuration reference');
  expect(start, 'cloud/README.md has a "### Configuration reference" section').toBeGreaterThan(-1);
  const rows = readme
    .slice(start)
    .split('\n')
    .filter((l) => /^\| `[^`]+` \|/.test(l));
  const tableEnd = readme
    .slice(start)
    .split('\n')
    .findIndex((l, i) => i > 2 && l.trim() === '');
  const table = readme.slice(start).split('\n').slice(0, tableEnd);
  return rows
    .filter((r) => table.includes(r))
    .map((row) => {
      const cells = row
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim());
      const code = (cell: string) => /^`([^`]+)`$/.exec(cell)?.[1];
      return {
        key: code(cells[0]!)!,
        ...(code(cells[1]!) ? { env: code(cells[1]!) } : {}),
        ...(cells[2] !== '–' ? { default: code(cells[2]!) ?? cells[2] } : {}),
      };
    });
}

describe('configuration reference', () => {
  it('documents every key of the schema with its environment variable and default, and nothing else', () => {
    const expected = configReference();
    const documented = documentedRows();
    const missing = expected.filter((e) => !documented.some((d) => d.key === e.key)).map((e) => e.key);
    expect(
      missing,
      'keys missing from the README table (add a row: | `key` | `ENV` or – | `default`, required or – | meaning |)',
    ).toEqual([]);
    expect(
      documented.map((d) => d.key).filter((k) => !expected.some((e) => e.key === k)),
      'rows for keys the schema does not have',
    ).toEqual([]);
    for (const e of expected)
      expect(
        documented.find((d) => d.key === e.key),
        e.key,
      ).toEqual(e);
  });
});
