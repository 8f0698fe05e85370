// Engine vs jax-js in headless Chromium (Debian's), where the lab actually runs: its V8 is newer than
// Node 20's, which changes both the engine's JavaScript and the WebAssembly code generation.
// The page is not cross-origin isolated (no SharedArrayBuffer), so jax-js runs single-threaded as in Node.
//   node scripts/run-ts.mjs bench/chromium.ts [W3,W4] [rounds=9] [ms=400]
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { chromium } from '@playwright/test';
import { serveStatic } from '../scripts/serve-static.mjs';

export async function main(args: string[]): Promise<number> {
  const names = (args[0] ?? 'W3,W4').split(','), rounds = Number(args[1] ?? 9), ms = Number(args[2] ?? 400);
  const out = mkdtempSync(join(tmpdir(), 'bench-chromium-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    build: { outDir: out, emptyOutDir: true, lib: { entry: resolve('bench/chromium-entry.ts'), formats: ['es'], fileName: 'entry' } },
  });
  writeFileSync(join(out, 'index.html'), '<!doctype html><title>bench</title><script type="module" src="./entry.js"></script>');
  const server = await serveStatic(out, '/bench/');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(server.url);
    await page.waitForFunction(() => typeof window.benchPair === 'function');
    console.log(`Chromium ${browser.version()}, median of ${rounds} alternating rounds of ${ms} ms`);
    for (const name of names) {
      const r = await page.evaluate(([n, k, t]) => window.benchPair!(n as string, k as number, t as number), [name, rounds, ms] as const);
      const q = [...r.ratios].sort((a, b) => a - b);
      console.log(`${name}: engine ${r.engine.toFixed(1)} steps/s, jax-js ${r.jax.toFixed(1)} steps/s, engine ÷ jax ${(r.engine / r.jax).toFixed(2)}× (rounds ${q[Math.floor(q.length / 4)].toFixed(2)}–${q[Math.floor((3 * q.length) / 4)].toFixed(2)})`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return 0;
}
