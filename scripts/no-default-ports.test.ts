// `npm test` passes while `npm start` runs: no test helper, Playwright spec or the Playwright config may
// name the ports `npm start` takes (sandbox 4100, cloud 4200, browser host 4300, Vite 5173) or fall
// back to a localhost URL; every server a test starts listens on a free port.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HELPER_DIRS = [
  'cloud/testing',
  'electron/core/testing',
  'electron/browser-host/testing',
  'sandbox/testing',
  'shared/testing',
  'e2e',
];
const DEFAULT_PORT =
  /(?<![\d.])(4100|4200|4300|5173)(?!\d)|localhost:\d|127\.0\.0\.1:\d|DEFAULT_REDIRECT_URI|DEFAULT_BROWSER_HOST_PORT/;
const COMMENT = /^\s*(\/\/|\*|\/\*)/;

function files(): string[] {
  const out = ['playwright.config.ts'];
  for (const dir of HELPER_DIRS)
    for (const f of fs.readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }))
      if (/\.ts$/.test(f)) out.push(path.posix.join(dir, f.split(path.sep).join('/')));
  return out;
}

/** `file:line: text` of each code line naming a default port or a fixed loopback address. */
function defaultPortLines(file: string, text: string): string[] {
  return text
    .split('\n')
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => !COMMENT.test(line) && DEFAULT_PORT.test(line))
    .map(({ line, n }) => `${file}:${n}: ${line.trim()}`);
}

it('finds a default port or a fixed loopback URL on a code line, not in a comment', () => {
  expect(defaultPortLines('x.ts', "const url = 'http://127.0.0.1:4200';")).toHaveLength(1);
  expect(defaultPortLines('x.ts', 'const sandboxPort = 4100;')).toHaveLength(1);
  expect(defaultPortLines('x.ts', '// the seed registers 127.0.0.1:4200')).toEqual([]);
  expect(defaultPortLines('x.ts', 'const waitMs = 41000; // not a port')).toEqual([]);
});

it('no test helper, spec or the Playwright config depends on a port npm start takes', () => {
  const found = files().flatMap((f) => defaultPortLines(f, fs.readFileSync(path.join(root, f), 'utf8')));
  expect(found, 'listen on port 0 and pass the URL on').toEqual([]);
});
