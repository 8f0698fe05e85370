// Issue 15, tried as someone out to break it: each path to a refused or stuck state says why.
import { expect, test, type Page } from '@playwright/test';

function watch(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}
const stepOf = async (page: Page) => Number(((await page.getByRole('status').first().textContent()) ?? '').match(/Step ([\d,]+)/)?.[1].replace(/,/g, '') ?? -1);

test('BN training, Home on Batch size: the batch-of-one reason shows every time and stays', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watch(page);
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.goto('./?lang=en&norm=bn,bn');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => stepOf(page), { timeout: 30_000 }).toBeGreaterThan(50);
    await page.getByRole('heading', { name: 'Data', exact: true }).click();
    const bs = page.getByRole('slider', { name: /^Batch size/ });
    await bs.focus();
    await bs.press('Home');
    const reason = page.locator('[role=alert], [role=status]').filter({ hasText: 'needs at least 2 examples per batch' });
    await expect(reason, `try ${attempt + 1}`).toBeVisible({ timeout: 15_000 });
    await expect(reason).toContainText('batch of one');
    // It stays until the learner acts: more frames come and go, the message remains.
    await page.waitForTimeout(1500);
    await expect(reason, `try ${attempt + 1}, after 1.5 s`).toBeVisible();
  }
  expect(errors).toEqual([]);
});
