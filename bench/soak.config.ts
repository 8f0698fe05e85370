// `npm run bench:soak`: the 3-minute soak (bench/soak.spec.ts) on the built app in Debian's Chromium,
// with the e2e suite's browser and server settings. A benchmark with a bound, kept out of `npm test`.
import { defineConfig } from '@playwright/test';
import base from '../playwright.config.ts';

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'soak.spec.ts',
  outputDir: '../test-results/soak',
  reporter: [['list']],
});
