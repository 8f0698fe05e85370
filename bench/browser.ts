// The built app served from a sub-path, and a headless Chromium (Debian's) to open it: what the page
// benchmarks share. Needs a build (`npm run build`); LAB_DIST points at another one.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { serveStatic } from '../scripts/serve-static.mjs';

export interface BuiltApp {
  /** The app's address (ends with '/'). */
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function openBuiltApp(): Promise<BuiltApp> {
  const dist = resolve(process.env.LAB_DIST ?? 'dist');
  if (!existsSync(resolve(dist, 'index.html'))) throw new Error(`no build at ${dist}: run npm run build first`);
  const server = await serveStatic(dist, '/lab/');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    url: server.url,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
