// Issue 16, points 8 and 9: forced colours keep "which one is selected" visible and the network's words
// readable; reduced motion starts Play in slow motion and repaints the canvases less often.
import { expect, test, type Page } from '@playwright/test';

async function ready(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('status-line')).toContainText('Step 0', { timeout: 15_000 });
}

const look = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => {
    const cs = getComputedStyle(el);
    return { bg: cs.backgroundColor, color: cs.color, border: `${cs.borderTopWidth} ${cs.borderTopColor}` };
  });

test('forced colours: the selected mode and tab stand out in system colours, the network’s words in CanvasText', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await ready(page, './?lang=en');
  expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
  const pairs = [
    ['.transport .mode-switch button[aria-checked="true"], .mode-switch button[aria-checked="true"]', '.mode-switch button[aria-checked="false"]'],
    ['.sidebar-tabs [role="tab"][aria-selected="true"]', '.sidebar-tabs [role="tab"][aria-selected="false"]'],
  ];
  for (const [on, off] of pairs) {
    const [a, b] = [await look(page, on), await look(page, off)];
    console.log(`forced colours: selected ${JSON.stringify(a)}, not selected ${JSON.stringify(b)}`);
    expect(a.bg).not.toBe(b.bg);
    expect(a.color).not.toBe(b.color);
    expect(a.border).not.toBe(b.border);
  }
  // The network's column words are drawn in the system's text colour (what CanvasText resolves to).
  const canvas = page.locator('canvas.network-canvas');
  await expect(canvas).toHaveAttribute('data-ink', /rgb/, { timeout: 10_000 });
  const [ink, canvasText] = await Promise.all([
    canvas.getAttribute('data-ink'),
    page.evaluate(() => {
      const probe = document.createElement('span');
      probe.style.color = 'CanvasText';
      document.body.append(probe);
      const c = getComputedStyle(probe).color;
      probe.remove();
      return c;
    }),
  ]);
  expect(ink).toBe(canvasText);
});

test('without forced colours the network’s words keep the page’s own colours', async ({ page }) => {
  await ready(page, './?lang=en');
  await expect(page.locator('canvas.network-canvas')).toHaveAttribute('data-ink', '', { timeout: 10_000 });
});

/** Counts repaints of the 2-D output canvas (its data-step changes with each paint) over `ms`. */
const repaints = (page: Page, ms: number) =>
  page.evaluate(
    (ms) =>
      new Promise<number>((done) => {
        const canvas = document.querySelector('canvas.output-canvas[role="img"]')!;
        let n = 0;
        const mo = new MutationObserver((records) => (n += records.filter((r) => r.attributeName === 'data-step').length));
        mo.observe(canvas, { attributes: true });
        setTimeout(() => {
          mo.disconnect();
          done(n);
        }, ms);
      }),
    ms,
  );

test('reduced motion: Play starts in slow motion, and the canvases repaint at most 4 times a second', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await ready(page, './?lang=en');
  const speed = page.getByRole('combobox', { name: 'Speed' });
  await expect(speed).toHaveValue('2');
  await expect(page.getByTestId('status-line')).toContainText('Slow');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.waitForTimeout(1500);
  const slow = await page.getByTestId('status-line').textContent();
  expect(Number(slow?.match(/Step ([\d,]+)/)?.[1].replace(/,/g, ''))).toBeLessThanOrEqual(6);
  // The learner's own choice wins: at full speed, steps fly by, and the pictures still change at most 4 times a second.
  await speed.selectOption({ label: 'Full speed' });
  await page.waitForTimeout(500);
  const n = await repaints(page, 3000);
  console.log(`reduced motion: ${slow}; output canvas repainted ${n} times in 3 s at full speed`);
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThanOrEqual(13);
});

test('without reduced motion Play starts at the usual pace and the canvases repaint more often', async ({ page }) => {
  await ready(page, './?lang=en');
  await expect(page.getByRole('combobox', { name: 'Speed' })).toHaveValue('30');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption({ label: 'Full speed' });
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.waitForTimeout(500);
  const n = await repaints(page, 3000);
  console.log(`no reduced motion: output canvas repainted ${n} times in 3 s at full speed`);
  expect(n).toBeGreaterThan(13);
});
