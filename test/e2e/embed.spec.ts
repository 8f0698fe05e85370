// One panel in a course page's iframe: ?embed=loss at 640×420 shows the Loss and accuracy panel alone
// with the compact transport and the mode switch, no tabs and no sideways scrolling, keeps the link's
// other settings, and trains; "Embed this panel" gives the iframe for the settings in force.
import { expect, test } from '@playwright/test';

test.use({ viewport: { width: 640, height: 420 } });

test('?embed=loss at 640×420: the loss panel alone, with Play, no tabs, no horizontal scroll', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('/?lang=en&embed=loss&p=0.3&seed=7');
  const status = page.getByTestId('status-line');
  await expect(status).toContainText('Step 0', { timeout: 20_000 });
  const sections = page.locator('section[aria-labelledby]');
  await expect(sections).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([/^Loss and accuracy/]);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Step' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reset' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /Inference/ })).toBeVisible();
  await expect(page.getByRole('tab')).toHaveCount(0);
  await expect(page.getByRole('tablist')).toHaveCount(0);
  // The link's other settings apply: seed 7 in the status line, p = 0.3 kept in the address.
  await expect(status).toContainText('seed 7');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect
    .poll(async () => Number(((await status.textContent()) ?? '').match(/Step ([\d,]+)/)?.[1].replace(/,/g, '') ?? 0), { timeout: 20_000 })
    .toBeGreaterThan(20);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.locator('.loss-panel svg, section[aria-labelledby] svg').first()).toBeVisible();
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(widths[0]).toBeLessThanOrEqual(widths[1]);
  expect(new URL(page.url()).searchParams.get('embed')).toBe('loss');
  expect(new URL(page.url()).searchParams.get('p')).toBe('0.3');
  expect(errors).toEqual([]);
});

test('every embeddable panel fits 640 px without sideways scrolling', async ({ page }) => {
  test.setTimeout(120_000);
  for (const panel of ['network', 'output', 'batchnorm', 'activations', 'inference', 'compare']) {
    await page.goto(`/?lang=en&embed=${panel}`);
    await expect(page.getByTestId('status-line')).toContainText('Step 0', { timeout: 20_000 });
    await expect(page.locator('section[aria-labelledby]').first()).toBeVisible({ timeout: 10_000 });
    await page.waitForTimeout(300);
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scroll, panel).toBeLessThanOrEqual(client);
    await expect(page.getByRole('tab')).toHaveCount(0);
  }
});

test('"Embed this panel" gives the iframe for the current settings', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/?lang=en&p=0.3&seed=7');
  await expect(page.getByTestId('status-line')).toContainText('Step 0', { timeout: 20_000 });
  await page.getByRole('tab', { name: 'Files' }).click();
  const section = page.getByRole('region', { name: 'Embed this panel' });
  await section.getByRole('combobox', { name: 'Panel' }).selectOption('batchnorm');
  const html = await section.getByRole('textbox', { name: 'HTML for the course page' }).inputValue();
  const src = html.match(/<iframe src="([^"]+)"/)?.[1].replace(/&amp;/g, '&');
  expect(html).toMatch(/width="640" height="420"/);
  const url = new URL(src!);
  expect(url.searchParams.get('embed')).toBe('batchnorm');
  expect(url.searchParams.get('p')).toBe('0.3');
  expect(url.searchParams.get('seed')).toBe('7');
  // The snippet's address opens the panel alone.
  await page.goto(url.pathname + url.search);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([/^Batch normalization/], { timeout: 20_000 });
});
