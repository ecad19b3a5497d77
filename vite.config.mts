import { defineConfig } from 'vite';

// The renderer is served from app://transit (Electron) or 127.0.0.1 (browser mode) under a CSP of
// script-src 'self': relative asset paths, and no inline module-preload polyfill.
export default defineConfig({
  root: 'renderer',
  base: './',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    sourcemap: false,
    // The bundle is loaded from the local disk (or loopback), never over a network: its size warning does not apply.
    chunkSizeWarningLimit: 2000,
  },
});
