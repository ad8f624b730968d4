import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { gtmCollabServer } from './src/server/vite-plugin';

export default defineConfig({
  plugins: [react(), tailwindcss(), gtmCollabServer()],
  build: {
    target: 'es2022',
    // The CSP forbids inline scripts; Vite's module preload polyfill is inline.
    modulePreload: { polyfill: false },
  },
  server: { host: '127.0.0.1' },
});
