// Issue 16, point 3: focus is never lost to <body>. Wherever the focused element goes away (a lesson
// opened from the list, "← All lessons", a button that disappears once its change lands, a control
// redrawn after R or N), focus moves to the next sensible place.
import { expect, test, type Page } from '@playwright/test';

/** The focused element, described for messages: 'BODY' when focus was lost. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    if (!a || a === document.body || a === document.documentElement) return 'BODY';
    return `${a.tagName.toLowerCase()}${a.id ? `#${a.id}` : ''} ${(a.getAttribute('aria-label') ?? a.textContent ?? '').trim().slice(0, 60)}`;
  });

/** Records every moment focus sits on <body> from now on (checked at each DOM change and focus move). */
async function watchBody(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __bodyFocus: number };
    w.__bodyFocus = 0;
    const check = () => {
      if (document.activeElement === document.body || !document.activeElement) w.__bodyFocus++;
    };
    // A microtask after each change: the same moment the page's own guard acts, so a focus move it
    // makes counts as kept; a page without one shows <body> here.
    new MutationObserver(() => queueMicrotask(check)).observe(document.body, { childList: true, subtree: true });
  });
}
const bodyMoments = (page: Page) => page.evaluate(() => (window as unknown as { __bodyFocus: number }).__bodyFocus);

async function ready(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('status-line')).toContainText(/Step 0|0번째 스텝/, { timeout: 15_000 });
}

for (const lang of ['en', 'ko'] as const) {
  test(`a lesson opened from the list focuses its heading; "All lessons" focuses its entry again (${lang})`, async ({ page }) => {
    await ready(page, `./?lang=${lang}`);
    await page.getByRole('tab', { name: lang === 'en' ? 'Lessons' : '레슨' }).click();
    const panel = page.getByRole('tabpanel', { name: lang === 'en' ? 'Lessons' : '레슨' });
    const entry = panel.getByRole('list').getByRole('button').nth(1);
    await expect(entry).toBeVisible({ timeout: 10_000 });
    const entryName = (await entry.textContent())!.trim();
    await entry.focus();
    await watchBody(page);
    await page.keyboard.press('Enter');
    const heading = panel.locator('#lesson-step-title');
    await expect(heading).toBeFocused();
    console.log(`opened "${entryName}": focus on ${await focused(page)}`);
    await panel.getByRole('button', { name: lang === 'en' ? 'All lessons' : '레슨 목록' }).focus();
    await page.keyboard.press('Enter');
    await expect(panel.getByRole('list').getByRole('button').nth(1)).toBeFocused();
    expect(await focused(page)).toContain(entryName.slice(0, 20));
    expect(await bodyMoments(page)).toBe(0);
  });
}

test('"Add BatchNorm to hidden layer 1" hands focus to the layer picker that replaces it', async ({ page }) => {
  // Any setting in a link keeps the old defaults: no BatchNorm, no dropout.
  await ready(page, './?lang=en&seed=1');
  const add = page.getByRole('button', { name: 'Add BatchNorm to hidden layer 1' });
  await add.scrollIntoViewIfNeeded({ timeout: 10_000 });
  await add.focus();
  await watchBody(page);
  await page.keyboard.press('Enter');
  await expect(add).toHaveCount(0);
  await expect(page.locator('.bn-panel select').first()).toBeFocused();
  console.log(`after Add BatchNorm: ${await focused(page)}`);
  expect(await bodyMoments(page)).toBe(0);
});

test('"Switch on dropout in every hidden layer" hands focus to the Scaling section it fills', async ({ page }) => {
  await ready(page, './?lang=en&seed=1');
  await page.getByRole('tab', { name: 'Controls' }).click();
  const on = page.getByRole('button', { name: 'Switch on dropout in every hidden layer' });
  await on.scrollIntoViewIfNeeded({ timeout: 10_000 });
  await on.focus();
  await watchBody(page);
  await page.keyboard.press('Enter');
  await expect(on).toHaveCount(0, { timeout: 10_000 });
  await expect(page.locator('#inf-scale-title')).toBeFocused({ timeout: 10_000 });
  console.log(`after Switch on dropout: ${await focused(page)}`);
  expect(await bodyMoments(page)).toBe(0);
});

test('R and N pressed on a focused checkbox leave focus on that checkbox', async ({ page }) => {
  await ready(page, './?lang=en');
  await page.getByRole('tab', { name: 'Controls' }).click();
  const boxes = [
    page.getByRole('checkbox', { name: 'Training points' }),
    page.getByRole('switch', { name: /Forget the scaling in the lab/ }),
    page.getByRole('checkbox', { name: 'Dropout (variant A)' }),
  ];
  await watchBody(page);
  for (const box of boxes) {
    for (const key of ['r', 'n']) {
      // The Inference lab redraws its switch when its measurement arrives: scrolling may meet the old one.
      await expect(async () => {
        await box.scrollIntoViewIfNeeded({ timeout: 2000 });
        await box.focus();
        await expect(box).toBeFocused({ timeout: 500 });
      }).toPass({ timeout: 15_000 });
      await page.keyboard.press(key);
      // A panel that waits for its next measurement shows its heading meanwhile; the same control
      // gets focus back once it is drawn again.
      await expect(box).toBeFocused({ timeout: 5000 });
    }
  }
  expect(await bodyMoments(page)).toBe(0);
});
