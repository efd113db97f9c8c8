// What the start-up bench builds and measures before it launches anything: the renderer as `npm run
// build` makes it, the empty Vite + React page of its baseline, their gzipped sizes, and the profiles
// of the 1,000-profile launch.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { platformSchema, type Platform } from '../shared/platform';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Gzipped bytes (level 9) of the build's index.html, JS and CSS; with `only`, of those files (relative paths). */
export function gzippedSize(dir: string, only?: string[]): number {
  let total = 0;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f);
      else if (/\.(html|js|css)$/.test(e.name) && (!only || only.includes(path.relative(dir, f))))
        total += zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length;
    }
  };
  walk(dir);
  return total;
}

export async function buildRenderer(outDir: string): Promise<void> {
  await build({
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}

export async function buildEmptyPage(outDir: string): Promise<void> {
  // Inside the project, so that react and react-dom resolve from its node_modules.
  const src = fs.mkdtempSync(path.join(root, 'bench', '.empty-page-'));
  try {
    fs.writeFileSync(
      path.join(src, 'index.html'),
      '<!doctype html><html><head><meta charset="utf-8"><title>Empty</title></head><body><div id="root"></div><script type="module" src="./main.tsx"></script></body></html>',
    );
    fs.writeFileSync(
      path.join(src, 'main.tsx'),
      "import { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')!).render(<h1>Leer</h1>);\n",
    );
    await build({
      configFile: false,
      root: src,
      base: './',
      logLevel: 'warn',
      plugins: [react()],
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    fs.rmSync(src, { recursive: true, force: true });
  }
}

/** n valid profiles (checked against the store's schema, so none is dropped as unreadable). */
export function profiles(n: number): Platform[] {
  const at = new Date().toISOString();
  return Array.from({ length: n }, (_, i): Platform =>
    platformSchema.parse({
      id: randomUUID(),
      type: 'amazon',
      name: `Amazon ${100000 + i}`,
      active: i % 4 !== 0,
      useCloud: true,
      countryCode: (['DE', 'FR', 'IT', 'ES', 'UK'] as const)[i % 5]!,
      createdAt: at,
      auth:
        i % 2 === 0
          ? { status: 'authenticated', sellingPartnerId: `A${String(i).padStart(13, '0')}`, authorizedAt: at }
          : { status: 'not_authenticated' },
    }),
  );
}
