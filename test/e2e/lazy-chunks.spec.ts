// A tab or panel whose code arrives while training runs at full speed still shows up: React.lazy's
// retry, pre-empted by every frame's store update, left the Controls tab on "…" for as long as training
// went on (src/dom/lazy-now.tsx fixes it; this test fails with React.lazy put back).
import { expect, test, type Page } from '@playwright/test';

async function currentStep(page: Page): Promise<number> {
  const text = (await page.getByTestId('status-line').textContent()) ?? '';
  const m = text.match(/Step ([\d,]+)/);
  return m ? Number(m[1].replace(/,/g, '')) : -1;
}

test('a tab or panel whose code arrives while training at full speed shows up', async ({ page }) => {
  // The chunks are held back until training runs at full speed: React.lazy's retry, pre-empted by
  // every frame's store update, left the Controls tab on "…" for as long as training went on.
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  for (const chunk of ['ControlsPanel', 'LossPanel']) {
    await page.route(new RegExp(`/assets/${chunk}-[\\w-]+\\.js$`), async (route) => {
      await held;
      await route.continue();
    });
  }
  await page.goto('./?lang=en&drop=0,1&norm=bn,bn');
  await expect(page.getByTestId('status-line')).toContainText('Step 0', { timeout: 20_000 });
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('full');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => currentStep(page), { timeout: 10_000 }).toBeGreaterThan(500);
  release();
  await expect(page.getByRole('slider', { name: 'Dropout p' })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId('loss-readout')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
});
