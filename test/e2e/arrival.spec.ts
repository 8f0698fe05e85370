// The first screen of a plain link (issue 10): at 1280 × 800 the four panels that show the point, the
// sliders and the mode switch are in view; Play runs at a pace a person can follow with live masks;
// the Speed control slows it to single steps; old links with settings keep their meaning; a first
// visit offers lesson 1 without hiding the lab.
import { expect, test, type Page } from '@playwright/test';
import { onScreen } from './viewport.ts';

const PANELS = ['Network', 'Output', 'Loss and accuracy', 'Batch normalization'];

async function currentStep(page: Page): Promise<number> {
  const text = (await page.getByTestId('status-line').textContent()) ?? '';
  const m = text.match(/Step ([\d,]+)/);
  return m ? Number(m[1].replace(/,/g, '')) : -1;
}

const panel = (page: Page, name: string) => page.locator('section[aria-labelledby]').filter({ has: page.getByRole('heading', { level: 2, name, exact: true }) });

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

test('1280 × 800, plain link: four panels, the sliders and the mode switch on the first screen', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?lang=en');
  await expect(page.getByTestId('status-line')).toContainText('Step 0', { timeout: 15_000 });
  // The Loss and accuracy section is in the page at load.
  await expect(panel(page, 'Loss and accuracy')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 2, name: 'Batch normalization', exact: true })).toBeVisible({ timeout: 10_000 });
  for (const name of PANELS) expect(await onScreen(panel(page, name)), name).toBeGreaterThanOrEqual(220);
  for (const name of ['Dropout p', 'γ', 'β']) {
    const slider = page.getByRole('slider', { name });
    await expect(slider).toHaveCount(1);
    expect(await onScreen(slider), name).toBeGreaterThan(20);
  }
  for (const name of ['Training', 'Inference']) expect(await onScreen(page.getByRole('radio', { name })), name).toBeGreaterThan(20);
  await expect(page.getByRole('combobox', { name: 'Speed' })).toBeVisible();
  // Nothing scrolled to get there.
  expect(await page.evaluate(() => scrollY)).toBe(0);
  // Once the learner changes something, the link names the arrival's settings too, so a copy reproduces them.
  await page.getByRole('slider', { name: 'Dropout p' }).press('ArrowRight');
  await expect.poll(() => page.evaluate(() => location.search)).toContain('norm=bn,bn');
  expect(await page.evaluate(() => location.search)).toContain('drop=1');
  expect(errors).toEqual([]);
});

test('Play runs at a watchable pace with a new mask each step; Inference changes the pictures', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?lang=en');
  await expect(page.getByTestId('status-line')).toContainText('Step 0', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => currentStep(page), { timeout: 15_000 }).toBeGreaterThan(5);
  const s0 = await currentStep(page), t0 = Date.now();
  await page.waitForTimeout(3000);
  const rate = ((await currentStep(page)) - s0) / ((Date.now() - t0) / 1000);
  expect(rate).toBeGreaterThanOrEqual(5);
  expect(rate).toBeLessThanOrEqual(400);
  await expect(page.getByTestId('status-line')).toContainText('speed: 30 steps/s');
  const canvas = page.locator('canvas.network-canvas');
  await expect.poll(async () => Number(await canvas.getAttribute('data-dropped'))).toBeGreaterThan(0);

  // Inference: no unit dropped, the boundary drawn by the whole network.
  await page.getByRole('radio', { name: 'Inference' }).click();
  await expect(canvas).toHaveAttribute('data-mode', 'inference');
  expect(Number(await canvas.getAttribute('data-dropped'))).toBe(0);
  await expect(page.locator('.output-canvas[role="img"]')).toHaveAttribute('data-mode', 'inference');
  await page.getByRole('radio', { name: 'Training' }).click();
  await expect.poll(async () => Number(await canvas.getAttribute('data-dropped'))).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test('Speed: slow motion shows every step, one mask at a time; full speed lifts the cap', async ({ page }) => {
  await page.goto('./?lang=en');
  await expect(page.getByTestId('status-line')).toContainText('Step 0', { timeout: 15_000 });
  const speed = page.getByRole('combobox', { name: 'Speed' });
  await speed.selectOption({ label: 'Slow: 2 steps/s' });
  // Each step is drawn: the drawing's step goes 1, 2, 3 without skipping, a few a second.
  const watch = page.evaluate(
    () =>
      new Promise<{ steps: number[]; ms: number }>((done) => {
        const canvas = document.querySelector('canvas.network-canvas') as HTMLCanvasElement;
        const steps: number[] = [];
        let t0 = 0;
        const obs = new MutationObserver(() => {
          const s = Number(canvas.dataset.step);
          if (s > 0 && steps.at(-1) !== s) steps.push(s);
          if (steps.length === 1 && t0 === 0) t0 = performance.now();
          if (steps.length >= 5) {
            obs.disconnect();
            done({ steps, ms: performance.now() - t0 });
          }
        });
        obs.observe(canvas, { attributes: true, attributeFilter: ['data-step'] });
      }),
  );
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  const { steps, ms } = await watch;
  expect(steps).toEqual([1, 2, 3, 4, 5]);
  // Four steps at 2 a second: about 2 s (never faster than the cap allows).
  expect(ms).toBeGreaterThan(1500);
  await expect(page.getByTestId('status-line')).toContainText('speed: Slow: 2 steps/s');

  await speed.selectOption({ label: 'Full speed' });
  const s0 = await currentStep(page);
  await expect.poll(() => currentStep(page), { timeout: 15_000 }).toBeGreaterThan(s0 + 400);
});

test('old links keep their meaning: any setting starts from the old defaults (no BN, no dropout)', async ({ page }) => {
  await page.goto('./?lang=en&seed=1');
  await expect(page.getByTestId('status-line')).toContainText('Step 0', { timeout: 15_000 });
  // The Controls tab opens on a link with settings; the quick controls step aside (no duplicate names).
  await expect(page.getByRole('tab', { name: 'Controls' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('slider', { name: 'Dropout p' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  const canvas = page.locator('canvas.network-canvas');
  await expect(canvas).toHaveAttribute('data-step', '1');
  expect(Number(await canvas.getAttribute('data-dropped'))).toBe(0);
  await expect(page.getByRole('checkbox', { name: 'After layer 2' })).not.toBeChecked();
  expect(await page.evaluate(() => location.search)).not.toContain('norm=');
});

test('a first visit offers lesson 1 beside the lab, not over it; the choice is remembered', async ({ page }) => {
  await page.goto('./?lang=en');
  await expect(page.getByTestId('status-line')).toContainText('Step 0', { timeout: 15_000 });
  const start = page.getByRole('button', { name: 'Start with lesson 1' });
  await expect(start).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // The lab stays usable with the offer shown.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => currentStep(page)).toBe(1);
  await start.click();
  await expect(page.getByRole('tab', { name: 'Lessons' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Lessons' }).getByRole('heading', { name: /Overfitting/ }).first()).toBeVisible();
  await expect(start).toHaveCount(0);
  await page.goto('./?lang=en');
  await expect(page.getByTestId('status-line')).toContainText('Step 0', { timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Start with lesson 1' })).toHaveCount(0);
});

test('no offer in presentation mode', async ({ page }) => {
  await page.goto('./?lang=en&present');
  await expect(page.getByTestId('status-line')).toContainText('Step 0', { timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Exit presentation' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start with lesson 1' })).toHaveCount(0);
});
