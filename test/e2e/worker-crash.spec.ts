// A worker that dies is replaced: the learner sees a message, and every setting survives.
import { expect, test } from '@playwright/test';

test('the training worker crashes: a new one starts with every setting, and training resumes', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto('./?lang=en&drop=0,1&p=0.5&seed=11');
  await expect(page.getByTestId('status-line')).toContainText('Step 0', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(async () => Number((await page.locator('canvas.network-canvas').getAttribute('data-step')) ?? 0)).toBeGreaterThan(20);

  // Crash it from inside: an uncaught exception in the worker's own event loop.
  const worker = page.workers().find((w) => w.url().includes('training.worker'));
  expect(worker).toBeTruthy();
  const closed = new Promise<void>((done) => worker!.once('close', () => done()));
  await worker!.evaluate(() => {
    setTimeout(() => {
      throw new Error('simulated crash');
    }, 0);
  });

  await expect(page.getByRole('alert')).toContainText('stopped unexpectedly and was restarted with your settings', { timeout: 15_000 });
  await closed;
  await expect.poll(() => page.workers().filter((w) => w !== worker && w.url().includes('training.worker')).length).toBe(1);
  // The replacement trains again, with the same settings as before.
  await expect.poll(async () => Number((await page.locator('canvas.network-canvas').getAttribute('data-step')) ?? 0), { timeout: 15_000 }).toBeGreaterThan(20);
  await expect(page.locator('canvas.network-canvas')).toHaveAttribute('data-p', '0.5');
  await expect(page.getByTestId('status-line')).toContainText('seed 11');
  expect(page.url()).toContain('p=0.5');
  expect(pageErrors).toEqual([]);
});
