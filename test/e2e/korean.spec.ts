// The Korean page: every panel and lesson speaks Korean, no raw message key leaks, and a screenshot of
// it is kept with the test output (test-results/) for a person to look at.
import { expect, test } from '@playwright/test';
import { allMessages as messages } from '../../src/i18n/tables.ts';

const HANGUL = /[\uac00-\ud7a3]/;
const KEYS = Object.keys(messages.en);

test('?lang=ko shows Korean in every panel and lesson, with no raw message keys', async ({ page }, info) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('./?lang=ko&drop=0,1&norm=bn,bn');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByTestId('status-line')).toContainText('스텝', { timeout: 15_000 });
  await page.getByRole('button', { name: /재생/ }).click();
  await page.waitForTimeout(1500);
  await page.getByRole('button', { name: /일시 정지/ }).click();

  // Every panel heading and its body read as Korean.
  const panels = page.locator('main .panel');
  const count = await panels.count();
  expect(count).toBeGreaterThanOrEqual(5);
  // Panels below the first screen load as their own chunks: wait for each one's text.
  for (let i = 0; i < count; i++) await expect(panels.nth(i), `panel ${i}`).toContainText(HANGUL, { timeout: 15_000 });

  // Every lesson opens in Korean.
  await page.getByRole('tab', { name: '레슨' }).click();
  const body = page.locator('#tabpanel-lessons');
  const lessons = body.getByRole('button', { name: /^레슨 \d/ });
  await expect(lessons.first()).toBeVisible();
  const n = await lessons.count();
  expect(n).toBe(9);
  for (let i = 0; i < n; i++) {
    await body.getByRole('button', { name: new RegExp(`^레슨 ${i + 1}\\b`) }).click();
    const text = await body.innerText();
    expect(text, `lesson ${i + 1}`).toMatch(HANGUL);
    expect(KEYS.filter((k) => text.includes(k)), `lesson ${i + 1}`).toEqual([]);
    await body.getByRole('button', { name: /레슨 목록/ }).click();
  }

  const all = await page.locator('body').innerText();
  const leaked = KEYS.filter((k) => all.includes(k));
  expect(leaked).toEqual([]);

  const shot = info.outputPath('lab-ko.png');
  await page.screenshot({ path: shot, fullPage: true });
  await info.attach('lab-ko', { path: shot, contentType: 'image/png' });
  expect(errors).toEqual([]);
});
