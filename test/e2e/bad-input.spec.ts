// Bad input gets a clear message, never a crash, and nothing the learner set is lost.
import { expect, test, type Page } from '@playwright/test';

function watch(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}
const stepOf = async (page: Page) => Number(((await page.getByTestId('status-line').textContent()) ?? '').match(/Step ([\d,]+)/)?.[1].replace(/,/g, '') ?? -1);

test('out-of-range and unknown URL parameters: clamped or dropped, each named', async ({ page }) => {
  const errors = watch(page);
  await page.goto('./?lang=en&lr=99&p=1.5&h=0,999&foo=bar');
  const alerts = page.getByRole('alert');
  for (const param of ['lr', 'p', 'h', 'foo']) await expect(alerts).toContainText(`“${param}”`);
  await expect(page.getByRole('slider', { name: 'Dropout p' })).toHaveAttribute('aria-valuetext', /0\.95/);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => stepOf(page)).toBeGreaterThan(10);
  expect(errors).toEqual([]);
});

test('a batch of one with BN is refused with a clear message; the setting stays and LayerNorm trains', async ({ page }) => {
  const errors = watch(page);
  await page.goto('./?lang=en&norm=bn,bn&bs=1');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('needs at least 2 examples per batch');
  expect(await stepOf(page)).toBe(0);
  expect(page.url()).toContain('bs=1');
  // Switch both layers to LayerNorm: the same batch of one now trains.
  await page.goto('./?lang=en&norm=ln,ln&bs=1');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => stepOf(page)).toBeGreaterThan(10);
  expect(errors).toEqual([]);
});

test('a diverging learning rate reports NaN, pauses, and recovers after a lower rate and Reset', async ({ page }) => {
  const errors = watch(page);
  await page.goto('./?lang=en&data=sine&opt=sgd&lr=10');
  // Divergence at full speed: Play's default pace (30 steps/s) would take longer than the waits below.
  await page.getByRole('combobox', { name: 'Speed' }).selectOption({ label: 'Full speed' });
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Training diverged');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  const lr = page.getByRole('slider', { name: 'Learning rate' });
  await lr.focus();
  for (let i = 0; i < 40; i++) await lr.press('ArrowLeft');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => stepOf(page)).toBeGreaterThan(200);
  expect(page.url()).toContain('data=sine');
  // Once training has moved on, the old divergence message clears itself.
  await expect(page.getByText('Training diverged')).toHaveCount(0);
  expect(errors).toEqual([]);
});
