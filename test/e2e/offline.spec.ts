// Offline after the first visit, from a sub-path: the first visit registers the service worker; with
// the browser offline a reload still loads the lab, lazy parts and the other language included, and
// it trains. A newer build is offered with a reload, and until then the page keeps the build it has.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { serveStatic, type StaticServer } from '../../scripts/serve-static.mjs';

const DIST = resolve(process.env.LAB_DIST ?? 'dist');

let dir: string;
let server: StaticServer;
test.beforeEach(async () => {
  // A copy of the build, so the update test can deploy a "newer" one in place.
  dir = mkdtempSync(join(tmpdir(), 'reglab-sw-'));
  cpSync(DIST, dir, { recursive: true });
  server = await serveStatic(dir, '/courses/ml/lab/');
});
test.afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return errors;
}

async function stepOf(page: Page): Promise<number> {
  const text = (await page.getByTestId('status-line').textContent()) ?? '';
  return Number(text.match(/Step ([\d,]+)/)?.[1].replace(/,/g, '') ?? -1);
}

/** Waits for the service worker of the page's folder to be active. */
async function swActive(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    const w = reg.active!;
    if (w.state !== 'activated') await new Promise((ok) => w.addEventListener('statechange', () => w.state === 'activated' && ok(undefined)));
    return `${w.state} ${reg.scope}`;
  });
}

test('the first visit registers a service worker; offline, a reload loads the lab and it trains', async ({ page, context }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto(`${server.url}?lang=en&seed=3`);
  await expect(page.getByTestId('status-line')).toContainText('Step 0', { timeout: 20_000 });
  expect(await swActive(page)).toBe(`activated ${server.url}`);

  await context.setOffline(true);
  // Without the service worker this reload fails with ERR_INTERNET_DISCONNECTED.
  await page.reload();
  await expect(page.getByTestId('status-line')).toContainText('Step 0', { timeout: 20_000 });
  // The browser really is offline: a request that only the network could answer (outside the service
  // worker's scope) fails. (navigator.onLine is no witness: after an offline reload Chromium 150 reads
  // true there while every request fails.) Asked from another tab, so its failure is not this page's.
  const probe = await context.newPage();
  const outside = new URL('/outside-the-lab', server.url).href;
  expect(await probe.evaluate((u) => fetch(u, { mode: 'no-cors' }).then(() => 'answered', () => 'failed'), outside)).toBe('failed');
  await probe.close();
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => stepOf(page), { timeout: 20_000 }).toBeGreaterThan(20);
  await page.getByRole('button', { name: 'Pause' }).click();
  // Lazy parts come from the cache too: the lessons, and the other language's strings.
  await page.getByRole('tab', { name: 'Lessons' }).click();
  await expect(page.getByRole('heading', { name: 'Lessons', level: 2 })).toBeVisible({ timeout: 10_000 });
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '한국어' }).click();
  await expect(page.getByRole('heading', { name: '레슨', level: 2 })).toBeVisible({ timeout: 10_000 });
  expect(errors).toEqual([]);
});

test('a newer build is offered with a reload; until then the page keeps its own build', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto(`${server.url}?lang=en`);
  await expect(page.getByTestId('status-line')).toContainText('Step 0', { timeout: 20_000 });
  await swActive(page);
  // A controlled page: from now on the build comes from the service worker's cache.
  await page.reload();
  await expect(page.getByTestId('status-line')).toContainText('Step 0', { timeout: 20_000 });
  const title = await page.title();
  await expect(page.getByRole('button', { name: 'Reload' })).toHaveCount(0);

  // Deploy a newer build over the old one: another page title and another service worker version.
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  writeFileSync(join(dir, 'index.html'), html.replace(/<title>([^<]*)<\/title>/, '<title>$1 (v2)</title>'));
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  writeFileSync(join(dir, 'sw.js'), sw.replace(/"version":"(\w+)"/, '"version":"$1v2"'));
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));

  await expect(page.getByText('A new version of the lab is ready')).toBeVisible({ timeout: 20_000 });
  // Nothing switched under the running page.
  expect(await page.title()).toBe(title);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => stepOf(page), { timeout: 20_000 }).toBeGreaterThan(5);

  await Promise.all([page.waitForEvent('load', { timeout: 20_000 }), page.getByRole('button', { name: 'Reload' }).click()]);
  await expect(page).toHaveTitle(`${title} (v2)`);
  await expect(page.getByTestId('status-line')).toContainText('Step 0', { timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Reload' })).toHaveCount(0);
  expect(errors).toEqual([]);
});
