import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLOUD_ERROR_CODES, type CloudErrorCode, type CloudErrorEntry } from '../shared/cloud-error-codes';
import { CloudError } from './cloud-error';

/** The `| code | HTTP | meaning |` table of cloud/README.md's "Error codes", as code → status. */
function readmeStatuses(): Record<string, number> {
  const readme = readFileSync(join(__dirname, 'README.md'), 'utf8');
  const section = readme.slice(
    readme.indexOf('## Error codes'),
    readme.indexOf('\n## ', readme.indexOf('## Error codes') + 1),
  );
  return Object.fromEntries([...section.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1]!, Number(m[2])]));
}

describe('the error catalogue', () => {
  it('gives each code its status and meaning in one entry', () => {
    for (const code of Object.keys(CLOUD_ERROR_CODES) as CloudErrorCode[]) {
      const error = new CloudError(code);
      expect(error.statusCode, code).toBe(CLOUD_ERROR_CODES[code].status);
      expect(error.message, code).toBe(CLOUD_ERROR_CODES[code].meaning);
    }
  });

  it('does not compile an entry without a status', () => {
    // @ts-expect-error -- `status` is missing
    const missing = { X: { meaning: 'm' } } satisfies Record<string, CloudErrorEntry>;
    // @ts-expect-error -- 200 is no error status
    const success = { X: { status: 200, meaning: 'm' } } satisfies Record<string, CloudErrorEntry>;
    expect([missing, success]).toHaveLength(2);
  });

  it('is the table of cloud/README.md, code by code', () => {
    const documented = readmeStatuses();
    const catalogue = Object.fromEntries(Object.entries(CLOUD_ERROR_CODES).map(([code, e]) => [code, e.status]));
    expect(documented).toEqual(catalogue);
  });
});
