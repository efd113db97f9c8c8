import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The page's entry (renderer/src/boot.ts) starts the host connection, then imports main.tsx. So that
 * the main chunk is not fetched only after the entry ran, index.html preloads it (and the chunks it
 * imports statically, and its CSS) next to the entry: all arrive in parallel (issue 15).
 */
function preloadMainChunk(): Plugin {
  return {
    name: 'preload-main-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk');
        const main = chunks.find((c) => c.facadeModuleId?.endsWith('/renderer/src/main.tsx'));
        if (!main) throw new Error('preload-main-chunk: no chunk for renderer/src/main.tsx');
        const entry = chunks.find((c) => c.isEntry)?.fileName;
        const scripts = [main.fileName, ...main.imports].filter((f) => f !== entry);
        const styles = [...(main.viteMetadata?.importedCss ?? [])];
        return [
          ...styles.map((f) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const })),
          ...scripts.map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}

// The renderer: served from app://renderer in Electron and from 127.0.0.1 by the browser host,
// hence relative asset paths.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), preloadMainChunk()],
  // The app runs in Chromium (Electron, or the browser host in a current browser), which supports
  // <link rel="modulepreload"> natively: no polyfill in the first bundle.
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 800, modulePreload: { polyfill: false } },
});
