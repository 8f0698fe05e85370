/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { i18nSplit } from './scripts/vite-i18n-split.ts';
import { serviceWorker } from './scripts/vite-service-worker.ts';

// base './' so the built folder works from any sub-path of any static host.
export default defineConfig({
  base: './',
  plugins: [react(), i18nSplit(), serviceWorker()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 600,
    // One stylesheet, linked by index.html, and no <link rel=modulepreload> for lazy chunks' imports:
    // Vite's preload helper otherwise appends a <link> per dependency (stylesheets and modulepreloads)
    // as each lazy panel starts loading — measured at 80 ms of main-thread work in one task during the
    // first load, just when the first screen is being built. The lazy panels' CSS is 24 kB raw more.
    cssCodeSplit: false,
    modulePreload: false,
    // Everything the first screen imports statically in one chunk: split across many small chunks (as
    // automatic splitting does once lazy chunks share modules with it) it costs more requests and
    // compresses worse. Lazy chunks still load on their own.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] } } },
  },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['test/setup.ts', 'test/setup-messages.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    testTimeout: 60_000,
  },
});
