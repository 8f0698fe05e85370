// `npm run bench:soak`: the 3-minute soak (bench/soak.spec.ts) on the built app in Debian's Chromium,
// with the e2e suite's browser and server settings. A benchmark with a bound, kept out of `npm test`.
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import base from '../playwright.config.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'soak.spec.ts',
  outputDir: '../test-results/soak',
  reporter: [['list']],
  // The server runs from the project's root (a config's own folder is the default), where dist/ is.
  webServer: base.webServer && !Array.isArray(base.webServer) ? { ...base.webServer, cwd: root } : base.webServer,
});
