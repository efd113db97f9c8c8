// The system browser opener's outcome (issue 24): an opener that exits non-zero (xdg-open without a
// browser) or cannot be started means no browser; one that exits 0 or keeps running means it opened.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openInSystemBrowser } from './main';
import { suiteTempDir } from '../../shared/testing/temp-dir';

const dir = suiteTempDir('opener-');
let n = 0;

function script(body: string): string {
  const file = path.join(dir, `opener-${++n}.sh`);
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o700 });
  return file;
}

describe('openInSystemBrowser', () => {
  it('false when the opener exits non-zero or does not exist; true when it exits 0', async () => {
    expect(await openInSystemBrowser('https://example.com/', script('exit 3'))).toBe(false);
    expect(await openInSystemBrowser('https://example.com/', path.join(dir, 'missing'))).toBe(false);
    expect(await openInSystemBrowser('https://example.com/', script('exit 0'))).toBe(true);
  });

  it('true when the opener is still running after the grace period (it stays with the browser)', async () => {
    expect(await openInSystemBrowser('https://example.com/', script('sleep 1'), 50)).toBe(true);
  });
});
