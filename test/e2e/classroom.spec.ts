// Classroom use in the real browser: a teacher's link starts in presentation mode with chosen controls
// hidden; the keyboard drives the lab without double-triggering a focused button; the shortcuts
// dialog traps focus and Escape closes it.
import { expect, test, type Page } from '@playwright/test';

async function currentStep(page: Page): Promise<number> {
  const text = (await page.getByTestId('status-line').textContent()) ?? '';
  const m = text.match(/Step ([\d,]+)/);
  return m ? Number(m[1].replace(/,/g, '')) : -1;
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

test('a teacher link starts in presentation mode, with the lesson’s panels and hidden controls', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?lang=en&present&hide=dropoutP,lr&lesson=batchnorm&step=6');
  await expect(page.getByTestId('status-line')).toContainText('Step 0', { timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Exit presentation' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Presentation mode', pressed: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Activations over time', level: 2 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Network', level: 2 })).toHaveCount(0);
  await expect(page.getByRole('slider', { name: 'Dropout p' })).toHaveCount(0);
  await expect(page.getByRole('slider', { name: 'Learning rate' })).toHaveCount(0);
  // Presentation type is larger than the page's.
  const size = await page.locator('.app').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(20);

  await page.getByRole('button', { name: 'Exit presentation' }).click();
  await expect(page.getByRole('heading', { name: 'Network', level: 2 })).toBeVisible();
  await expect.poll(() => page.evaluate(() => location.search)).not.toContain('present');
  expect(errors).toEqual([]);
});

test('keyboard: Space plays and pauses, Space on a focused button only presses it, S steps, M switches mode', async ({ page }) => {
  const errors = watchErrors(page);
  // A link with a setting opens the Controls tab, where the seed field is.
  await page.goto('./?lang=en&seed=1');
  await expect(page.getByTestId('status-line')).toContainText('Step 0', { timeout: 15_000 });
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => currentStep(page), { timeout: 15_000 }).toBeGreaterThan(10);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.waitForTimeout(400);
  const paused = await currentStep(page);

  // Space on the focused Step button: one step, and play stays off.
  await page.getByRole('button', { name: 'Step', exact: true }).focus();
  await page.keyboard.press('Space');
  await expect.poll(() => currentStep(page)).toBe(paused + 1);
  await page.waitForTimeout(300);
  expect(await currentStep(page)).toBe(paused + 1);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

  await page.keyboard.press('s');
  await expect.poll(() => currentStep(page)).toBe(paused + 2);
  await page.keyboard.press('m');
  await expect(page.getByRole('radio', { name: 'Inference' })).toBeChecked();

  // Keys typed into the seed field stay there.
  const seed = page.getByRole('textbox', { name: 'Seed' });
  await seed.fill('');
  await seed.pressSequentially('s m');
  await expect(seed).toHaveValue('s m');
  await expect(page.getByRole('radio', { name: 'Inference' })).toBeChecked();
  expect(await currentStep(page)).toBe(paused + 2);
  expect(errors).toEqual([]);
});

test('the shortcuts dialog keeps focus inside and Escape closes it, back to the opener', async ({ page }) => {
  await page.goto('./?lang=ko');
  await expect(page.getByTestId('status-line')).toContainText('0번째 스텝', { timeout: 15_000 });
  const opener = page.getByRole('button', { name: '키보드 단축키' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: '키보드 단축키' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: '닫기' })).toBeFocused();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('p');
  await expect(page.getByRole('button', { name: '발표 모드 끝내기' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
});
