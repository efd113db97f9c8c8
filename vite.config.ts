import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer: served from app://renderer in Electron and from 127.0.0.1 by the browser host,
// hence relative asset paths.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  // The app runs in Chromium (Electron, or the browser host in a current browser), which supports
  // <link rel="modulepreload"> natively: no polyfill in the first bundle.
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 800, modulePreload: { polyfill: false } },
});
