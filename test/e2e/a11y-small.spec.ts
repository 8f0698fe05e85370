// Issue 16, point 10: the smaller findings. Every Tab stop has a role and a name; disclosure names carry
// no CSS glyphs; no stray space in "Dropout (variant A)"; the Load buttons say which experiment they
// load; the language changes only when the learner picks one; each language's own name keeps its lang.
import { expect, test, type Page } from '@playwright/test';

async function ready(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('status-line')).toContainText(/Step 0|0번째 스텝/, { timeout: 15_000 });
}

/** Tabs through the whole page once; returns each stop's role and name as the accessibility tree has them. */
async function tabStops(page: Page): Promise<{ at: string; tree: string }[]> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const stops: { at: string; tree: string }[] = [];
  let first = '';
  for (let i = 0; i < 600; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      // Past the last stop focus leaves the page (to the browser's own controls): the walk is done.
      if (!a || a === document.body) return '';
      if (!a.dataset.tabStop) a.dataset.tabStop = String(Math.random());
      return `${a.tagName.toLowerCase()}.${a.className}#${a.dataset.tabStop}`;
    });
    if (!at || at === first) break;
    if (!first) first = at;
    const tree = (await page.locator(':focus').ariaSnapshot({ timeout: 5000 })).split('\n')[0];
    stops.push({ at, tree });
  }
  return stops;
}

test('every Tab stop has a role and a name: lesson 2 with its formulas, the controls and the Inference lab', async ({ page }) => {
  test.setTimeout(180_000);
  await ready(page, './?lang=en&lesson=dropout&step=4');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.waitForTimeout(1500);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.locator('.inf-table-wrap').first()).toBeVisible({ timeout: 10_000 });
  const stops = await tabStops(page);
  // "- button "Play"": a role, then the name in quotes. A nameless stop shows as "- generic" or "- button".
  // (YAML quotes a line holding a colon: - 'slider "Loss readout: …"'.)
  const bad = stops.filter((s) => !/^- '?[a-z]+ "[^"]*\S[^"]*"/.test(s.tree) || /^- '?(generic|none|presentation)\b/.test(s.tree));
  console.log(`${stops.length} Tab stops; without a role or name: ${JSON.stringify(bad)}`);
  expect(stops.length).toBeGreaterThan(30);
  expect(bad).toEqual([]);
  // Decorative glyphs drawn by CSS (the look-at links' ↗, the disclosures' ▸) are not part of any name.
  expect(stops.filter((s) => /[↗▸▾]/.test(s.tree))).toEqual([]);
});

test('names without glyphs or stray spaces, and Load buttons that say which experiment they load', async ({ page }) => {
  await ready(page, './?lang=en');
  await page.getByRole('tab', { name: 'Controls' }).click();
  const summary = page.locator('.controls-section > summary').first();
  await expect(summary).toBeVisible({ timeout: 10_000 });
  const tree = await summary.ariaSnapshot();
  console.log(`first disclosure: ${tree}`);
  expect(tree).not.toMatch(/[▸▾]/);
  expect(tree).toMatch(/"Data"/);
  await expect(page.getByRole('checkbox', { name: 'Dropout (variant A)', exact: true })).toBeAttached({ timeout: 10_000 });
  expect(await page.getByRole('checkbox', { name: /\s,/ }).count()).toBe(0);
  const load = page.getByRole('button', { name: /^Load into the lab/ });
  await expect(load.first()).toBeAttached({ timeout: 10_000 });
  const names = await load.evaluateAll((els) => els.map((e) => (e.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent?.trim()).join(' ')));
  console.log(`${names.length} Load buttons, e.g. "${names[0]}"`);
  expect(names.length).toBeGreaterThan(3);
  expect(new Set(names).size).toBe(names.length);
});

test('the language changes only when the learner picks one: arrows on it do nothing', async ({ page }) => {
  await ready(page, './?lang=en');
  const group = page.getByRole('group', { name: 'Language' });
  expect(await page.getByRole('combobox', { name: 'Language' }).count()).toBe(0);
  const english = group.getByRole('button', { name: 'English' });
  await expect(english).toHaveAttribute('aria-pressed', 'true');
  await english.focus();
  for (const key of ['ArrowDown', 'ArrowUp', 'ArrowRight', 'End']) await page.keyboard.press(key);
  await page.waitForTimeout(300);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await group.getByRole('button', { name: '한국어' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByRole('group', { name: '언어' }).getByRole('button', { name: '한국어' })).toHaveAttribute('aria-pressed', 'true');
});

for (const lang of ['en', 'ko'] as const) {
  test(`the shortcuts help marks the other language’s name with its lang (${lang})`, async ({ page }) => {
    await ready(page, `./?lang=${lang}`);
    await page.getByRole('button', { name: lang === 'en' ? 'Keyboard shortcuts' : '키보드 단축키' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    const other = lang === 'en' ? { lang: 'ko', name: '한국어' } : { lang: 'en', name: 'English' };
    await expect(dialog.locator(`[lang="${other.lang}"]`, { hasText: other.name })).toHaveCount(1);
  });
}
