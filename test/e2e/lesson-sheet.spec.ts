// A lesson step's own controls beside the quick strip and the header: every slider and radio on the
// page keeps a name of its own ("γ (lesson step)" beside "γ"). On a phone (390 × 844) the side column
// is a sheet at the bottom: the step's text and controls stay in reach while the panels it names are in
// view, with no long scroll between them.
import { expect, test, type Page } from '@playwright/test';

async function ready(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('status-line')).toContainText(/Step 0|0번째 스텝/, { timeout: 30_000 });
}

/** Accessible names of every slider and radio the page exposes now, from Chromium's accessibility tree. */
async function controlNames(page: Page): Promise<string[]> {
  const snap = await page.locator('body').ariaSnapshot();
  return [...snap.matchAll(/^\s*- (?:slider|radio) "([^"]*)"/gm)].map((m) => m[1]);
}

const dupes = (names: string[]) => names.filter((n, i) => names.indexOf(n) !== i);

for (const lang of ['en', 'ko'] as const) {
  test(`a step's p, γ, β and mode controls never share a name with the quick strip's or the header's (${lang})`, async ({ page }) => {
    for (const [lesson, step] of [['batchnorm', 1], ['dropout', 0], ['dropout', 2]] as const) {
      await ready(page, `./?lang=${lang}&lesson=${lesson}&step=${step}`);
      await expect(page.locator('.lesson-try')).toBeVisible({ timeout: 15_000 });
      const names = await controlNames(page);
      expect(dupes(names), `${lesson}/${step}: ${names.join(' | ')}`).toEqual([]);
    }
    // Lesson 3 step 2: both γ sliders are there, each begins with "γ", only the quick strip's is exactly "γ".
    await ready(page, `./?lang=${lang}&lesson=batchnorm&step=1`);
    await expect(page.locator('.lesson-try')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('slider', { name: /^γ/ })).toHaveCount(2);
    await expect(page.getByRole('slider', { name: 'γ', exact: true })).toHaveCount(1);
    await expect(page.locator('.lesson-try').getByRole('slider', { name: /^γ/ })).toHaveAccessibleName(lang === 'en' ? 'γ (lesson step)' : 'γ (레슨 단계)');
  });
}
