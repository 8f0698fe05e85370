// The built app in real headless Chromium: the worker trains, the status advances, controls act on the
// running network, and nothing logs an error.
import { expect, test, type Page } from '@playwright/test';

function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

async function currentStep(page: Page): Promise<number> {
  const text = (await page.getByTestId('status-line').textContent()) ?? '';
  const m = text.match(/Step ([\d,]+)/);
  return m ? Number(m[1].replace(/,/g, '')) : -1;
}

test('a worker starts, Play trains and the step count advances', async ({ page }) => {
  const errors = watchConsole(page);
  // The plain defaults (a link with a setting), not the arrival: this test is about the worker.
  await page.goto('./?lang=en&seed=1');
  await expect(page.getByTestId('status-line')).toContainText('Step 0', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => currentStep(page), { timeout: 15_000 }).toBeGreaterThan(50);
  await page.getByRole('button', { name: 'Pause' }).click();
  // Steps already under way when Pause was pressed may still arrive; after that, nothing moves.
  await page.waitForTimeout(400);
  const paused = await currentStep(page);
  await page.waitForTimeout(600);
  expect(await currentStep(page)).toBe(paused);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => currentStep(page)).toBe(paused + 1);
  expect(errors).toEqual([]);
});
