import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The bare React Flow page `npm run bench` measures the app against: the same React and React
 * Flow, built the same way as the app (production, es2022, no inline preload polyfill for the
 * CSP), with nothing of ours in it.
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  logLevel: 'warn',
  build: {
    target: 'es2022',
    outDir: resolve(import.meta.dirname, '../../.tmp/bench-bare'),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
  },
});
