// The built folder on a plain static host under a sub-path: it loads and trains from
// /courses/ml/lab/, asks nothing of any other origin or path, runs under its own
// Content-Security-Policy (no eval), ships every asset it uses, and keeps the initial JS in budget.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { serveStatic, type StaticServer } from '../../scripts/serve-static.mjs';
import { BUDGET_BYTES, initialJs } from '../../scripts/check-size.mjs';

const DIST = resolve(process.env.LAB_DIST ?? 'dist');
const BASE = '/courses/ml/lab/';

let server: StaticServer;
test.beforeAll(async () => {
  server = await serveStatic(DIST, BASE);
});
test.afterAll(async () => {
  await server.close();
});

function cspOf(html: string): string {
  const m = html.match(/<meta\s+http-equiv=["']Content-Security-Policy["']\s+content=(["'])(.*?)\1/i);
  return m ? m[2] : '';
}

test('the initial JavaScript is within budget (scripts/check-size.mjs)', () => {
  const r = initialJs(DIST);
  console.log(`initial JS: ${(r.gzip / 1000).toFixed(1)} kB gzipped in ${r.files.length} file(s) (budget ${BUDGET_BYTES / 1000} kB)`);
  expect(r.gzip).toBeLessThanOrEqual(BUDGET_BYTES);
});

test('index.html carries a Content-Security-Policy without eval or inline scripts', () => {
  const csp = cspOf(readFileSync(join(DIST, 'index.html'), 'utf8'));
  expect(csp).not.toBe('');
  const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map((d) => [d[0], d.slice(1)]));
  expect(directives.get('default-src')).toEqual(["'self'"]);
  const scripts = directives.get('script-src') ?? directives.get('default-src')!;
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(csp).not.toContain("'unsafe-eval'");
  expect(csp).not.toMatch(/https?:\/\//);
});

test('every url() in the shipped CSS is inside the folder or a data: URL', () => {
  const assets = join(DIST, 'assets');
  for (const name of readdirSync(assets).filter((f) => f.endsWith('.css'))) {
    const css = readFileSync(join(assets, name), 'utf8');
    for (const m of css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
      const u = m[1];
      if (u.startsWith('data:') || u.startsWith('#')) continue;
      expect(u, `${name}: ${u}`).not.toMatch(/^([a-z]+:)?\/\//i);
      expect(u, `${name}: ${u}`).not.toMatch(/^\//);
      expect(existsSync(resolve(dirname(join(assets, name)), u.split(/[?#]/)[0])), `${name}: ${u}`).toBe(true);
    }
  }
});

test('from a sub-path: loads, trains, stays on its own origin and path, under its CSP, with no errors', async ({ page, context }) => {
  const outside: string[] = [];
  const failed: string[] = [];
  const errors: string[] = [];
  context.on('request', (r) => {
    const u = r.url();
    if (u.startsWith('data:') || u.startsWith('blob:')) return;
    if (!u.startsWith(server.url)) outside.push(u);
  });
  context.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
  context.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.url()} ${r.status()}`);
  });
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });

  await page.goto(`${server.url}?lang=en`);
  const status = page.getByTestId('status-line');
  await expect(status).toContainText('Step 0', { timeout: 15_000 });
  // The policy the page runs under is the built one.
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toBe(cspOf(readFileSync(join(DIST, 'index.html'), 'utf8')));

  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(((await status.textContent()) ?? '').match(/Step ([\d,]+)/)?.[1].replace(/,/g, '') ?? 0), { timeout: 15_000 }).toBeGreaterThan(20);
  await page.getByRole('button', { name: 'Pause' }).click();
  // Lazily loaded parts (lessons, code) come from the same folder.
  await page.getByRole('tab', { name: 'Lessons' }).click();
  await expect(page.getByRole('heading', { name: 'Lessons', level: 2 })).toBeVisible();
  await page.getByRole('tab', { name: 'Code' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Code' })).toBeVisible();
  await page.waitForTimeout(300);

  expect(outside).toEqual([]);
  expect(failed).toEqual([]);
  expect(server.requested.every((p) => p.startsWith(BASE))).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  expect(errors).toEqual([]);
});
