import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const rendererDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'renderer');
const BOOT_SOURCE = path.join(rendererDir, 'src/boot.ts');

/**
 * renderer/src/boot.ts as the page's first script: built on its own (esbuild, one file with nothing to
 * import) and placed before the app's script tag. Module scripts without `async` run in document order
 * once the page is parsed, so it runs before the app without waiting for the app's bundle. Built apart
 * from the app's bundle rather than as a second entry of it, which would split the app's shared modules
 * into one more chunk for the first screen to fetch (checked in scripts/renderer-boot-entry.test.ts).
 */
function bootFirst(): Plugin {
  let bootFile = '';
  return {
    name: 'boot-first',
    apply: 'build',
    async generateBundle() {
      const { build } = await import('esbuild');
      const out = await build({
        entryPoints: [BOOT_SOURCE],
        bundle: true,
        write: false,
        format: 'esm',
        minify: true,
        target: 'chrome120',
        logLevel: 'silent',
      });
      const code = out.outputFiles[0]!.text;
      bootFile = this.getFileName(this.emitFile({ type: 'asset', name: 'boot.js', source: code }));
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (!bootFile) throw new Error('boot-first: boot.ts was not built');
        const app = html.indexOf('<script type="module"');
        if (app < 0) throw new Error('boot-first: no module script in index.html');
        return `${html.slice(0, app)}<script type="module" src="./${bootFile}"></script>\n    ${html.slice(app)}`;
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
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 800,
    modulePreload: { polyfill: false },
  },
});
