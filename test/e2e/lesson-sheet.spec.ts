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

/** The part of the element's box that lies above the top of the lesson sheet (and below the page top). */
async function visibleAboveSheet(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel)!, sheet = document.querySelector('.sidebar')!;
    const r = el.getBoundingClientRect(), top = sheet.getBoundingClientRect().top;
    return Math.max(0, Math.min(top, r.bottom) - Math.max(0, r.top));
  }, selector);
}

for (const lang of ['ko', 'en'] as const) {
  test(`phone: the open step is a sheet above Play; a look-at link brings its panel above the sheet; the sheet folds (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await ready(page, `./?lang=${lang}&lesson=batchnorm&step=0`);
    const title = page.locator('#lesson-step-title');
    await expect(title).toBeVisible({ timeout: 15_000 });
    const sheet = page.locator('.sidebar');
    const box = async () => (await sheet.boundingBox())!;
    const play = page.getByRole('button', { name: lang === 'en' ? /^(Play|Pause)$/ : /^(재생|일시 정지)$/ });
    // The sheet sits at the bottom, above the pinned Play, and holds the step's heading in view.
    const b = await box();
    const playBox = (await play.boundingBox())!;
    expect(b.y + b.height).toBeLessThanOrEqual(playBox.y + 1);
    expect(b.height).toBeLessThanOrEqual(844 * 0.45);
    const t = (await title.boundingBox())!;
    expect(t.y).toBeGreaterThanOrEqual(b.y);
    expect(t.y + t.height).toBeLessThanOrEqual(b.y + b.height);
    // A look-at link scrolls the BN panel's three steps into the part of the screen above the sheet.
    await page.locator('.lesson-step a.look-link[href^="#look-bn-steps"]').first().click();
    await expect.poll(() => visibleAboveSheet(page, '[data-look~="bn-steps"]')).toBeGreaterThan(120);
    await expect(title).toBeVisible();
    await expect(play).toBeVisible();
    // Folded, the sheet leaves a line; unfolded, the step is back.
    const fold = page.getByRole('button', { name: lang === 'en' ? 'Fold lesson' : '레슨 접기' });
    await fold.click();
    const unfold = page.getByRole('button', { name: lang === 'en' ? 'Unfold lesson' : '레슨 펼치기' });
    await expect(unfold).toHaveAttribute('aria-expanded', 'false');
    await expect.poll(async () => (await box()).height).toBeLessThan(150);
    await unfold.click();
    await expect(page.locator('.lesson-step-body')).toBeVisible();
    // "All lessons" ends the sheet: the list is back in the page's flow, with its tabs.
    await page.getByRole('button', { name: lang === 'en' ? 'All lessons' : '레슨 목록' }).click();
    await expect(page.getByRole('tab', { name: lang === 'en' ? 'Lessons' : '레슨' })).toBeAttached();
    expect(await sheet.evaluate((el) => getComputedStyle(el).position)).not.toBe('fixed');
  });
}

test('wide screens keep the step beside the lab (no sheet, no fold button)', async ({ page }) => {
  await ready(page, './?lang=en&lesson=batchnorm&step=0');
  await expect(page.locator('#lesson-step-title')).toBeVisible({ timeout: 15_000 });
  expect(await page.locator('.sidebar').evaluate((el) => getComputedStyle(el).position)).toBe('sticky');
  await expect(page.getByRole('button', { name: 'Fold lesson' })).toHaveCount(0);
});
