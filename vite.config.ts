import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer: served from app://renderer in Electron and from 127.0.0.1 by the browser host,
// hence relative asset paths.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 800 },
});
