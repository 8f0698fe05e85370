// The network drawing follows the live dropout masks: p changes how many units are marked, every step
// draws a new mask, and inference mode marks none.
import { expect, test, type Page } from '@playwright/test';

const canvas = (page: Page) => page.locator('canvas.network-canvas');
const dropped = async (page: Page) => Number(await canvas(page).getAttribute('data-dropped'));

async function setSlider(page: Page, name: string, value: number): Promise<void> {
  const slider = page.getByRole('slider', { name });
  await slider.focus();
  // Home then ArrowRight to the stop nearest the value keeps to the real keyboard path.
  await slider.press('Home');
  for (let i = 0; i < 200; i++) {
    const now = Number(await slider.inputValue());
    const max = Number(await slider.getAttribute('max'));
    const text = (await slider.getAttribute('aria-valuetext')) ?? '';
    const m = text.match(/p = ([\d.]+)/);
    if ((m && Number(m[1]) >= value - 1e-9) || now >= max) return;
    await slider.press('ArrowRight');
  }
}

test('Dropout p changes the marked units, masks change every step, inference marks none', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('./?lang=en&drop=0,1&p=0.5&h=32,32');
  await expect(page.getByTestId('status-line')).toContainText('Step 0', { timeout: 15_000 });

  // Masks of successive steps differ: 64 units at p = 0.5 give the same mask twice in a row with
  // probability 2⁻⁶⁴, so five steps drawing one repeated mask can only be a bug.
  const masks: string[] = [];
  for (let i = 0; i < 5; i++) {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(canvas(page)).toHaveAttribute('data-step', String(i + 1));
    masks.push((await canvas(page).getAttribute('data-mask')) ?? '');
  }
  expect(masks.every((m) => m.includes('1'))).toBe(true);
  for (let i = 1; i < masks.length; i++) expect(masks[i]).not.toBe(masks[i - 1]);
  const atHalf = await dropped(page);
  expect(atHalf).toBeGreaterThan(0);

  await setSlider(page, 'Dropout p', 0);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => dropped(page)).toBe(0);

  await setSlider(page, 'Dropout p', 0.9);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => dropped(page)).toBeGreaterThan(atHalf);

  await page.getByRole('radio', { name: 'Inference' }).click();
  await expect(canvas(page)).toHaveAttribute('data-mode', 'inference');
  expect(await dropped(page)).toBe(0);
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(500);
  expect(await dropped(page)).toBe(0);
  await page.getByRole('radio', { name: 'Training' }).click();
  await expect.poll(() => dropped(page)).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});
