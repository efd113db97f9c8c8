import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const rendererDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'renderer');
const BOOT_SOURCE = path.join(rendererDir, 'src/boot.ts');

/**
 * renderer/src/boot.ts as the page's first script: its own entry (Vite would merge every module script
 * of index.html into one), placed before the app's script tag. Module scripts without `async` run in
 * document order once the page is parsed, so it runs before the app and does not wait for the app's
 * bundle; it must import nothing the app imports, or both would wait for a shared chunk (checked here
 * and in scripts/renderer-boot-entry.test.ts).
 */
function bootFirst(): Plugin {
  return {
    name: 'boot-first',
    apply: 'build',
    buildStart() {
      this.emitFile({ type: 'chunk', id: BOOT_SOURCE, name: 'boot' });
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const boot = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.isEntry && c.facadeModuleId === BOOT_SOURCE);
        if (boot?.type !== 'chunk') throw new Error('boot-first: no chunk for renderer/src/boot.ts');
        if (boot.imports.length > 0 || boot.dynamicImports.length > 0) throw new Error(`boot-first: boot.ts must stand alone, but imports ${[...boot.imports, ...boot.dynamicImports].join(', ')}`);
        const app = html.indexOf('<script type="module"');
        if (app < 0) throw new Error('boot-first: no module script in index.html');
        return `${html.slice(0, app)}<script type="module" src="./${boot.fileName}"></script>\n    ${html.slice(app)}`;
      },
    },
  };
}

// The renderer: served from app://renderer in Electron and from 127.0.0.1 by the browser host,
// hence relative asset paths.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), bootFirst()],
  // The app runs in Chromium (Electron, or the browser host in a current browser), which supports
  // <link rel="modulepreload"> natively: no polyfill in the first bundle.
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 800, modulePreload: { polyfill: false } },
});
