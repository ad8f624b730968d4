import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: {
    target: 'es2022',
    // The CSP forbids inline scripts; Vite's module preload polyfill is inline.
    modulePreload: { polyfill: false },
  },
  server: { host: '127.0.0.1' },
});
