// The built page (vite.config.ts, plugin boot-first): boot.ts is its own script, placed before the
// app's, with no imports, so it runs as soon as the page is parsed and does not wait for the app's
// bundle; the app's bundle does not contain it again.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { build } from 'vite';
import { suiteTempDir } from '../shared/testing/temp-dir';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = suiteTempDir('acc-boot-entry-');

beforeAll(async () => {
  await build({
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir: out, emptyOutDir: true },
  });
}, 120_000);

it('puts boot.ts first, as a script of its own that imports nothing', () => {
  const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b([^>]*)><\/script>/g)].map((m) => m[1]!);
  expect(scripts).toHaveLength(2);
  const [boot, app] = scripts.map((attrs) => /src="\.\/(assets\/[^"]+\.js)"/.exec(attrs)?.[1]);
  expect(boot).toMatch(/^assets\/boot-[\w-]+\.js$/);
  expect(app).toMatch(/^assets\/index-[\w-]+\.js$/);
  // Both plain module scripts: run in document order once the page is parsed (not async, not deferred by other means).
  for (const attrs of scripts) {
    expect(attrs).toContain('type="module"');
    expect(attrs).not.toMatch(/\basync\b/);
  }

  const code = fs.readFileSync(path.join(out, boot!), 'utf8');
  expect(code).not.toMatch(/\bimport\s*[("'{*]|\bfrom\s*["']|\bexport\b/);
  expect(Buffer.byteLength(code)).toBeLessThan(2048);
  expect(fs.readFileSync(path.join(out, app!), 'utf8')).not.toContain('acc.browserHostToken');
});
