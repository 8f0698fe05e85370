// Issue 16, points 6 and 7: what a screen-reader user reads or hears keeps up with what a sighted user
// sees. Off-screen panels keep their words current while training runs (and never say "Press Play"
// then); Step says how many units it dropped; the inspector says the unit Next moved to; the decision
// boundary's islands are counted in words.
import { expect, test, type Page } from '@playwright/test';

async function ready(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('status-line')).toContainText(/Step 0|0번째 스텝/, { timeout: 15_000 });
}

const stepOf = async (page: Page) => Number(((await page.getByTestId('status-line').textContent()) ?? '').match(/Step ([\d,]+)/)?.[1].replace(/,/g, '') ?? NaN);

test('the Loss panel scrolled out of view keeps its words current while training, and never says "Press Play" then', async ({ page }) => {
  await ready(page, './?lang=en');
  const loss = page.locator('.loss-panel');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption({ label: 'Full speed' });
  // Out of view: the page scrolled to its end, the Loss panel far above the screen (and the 100 px margin).
  // (Lazily loaded panels below make the page longer as they arrive: scroll again until it is so.)
  const scrolledAway = () =>
    loss.evaluate((el) => {
      window.scrollTo(0, document.documentElement.scrollHeight);
      return el.getBoundingClientRect().bottom;
    });
  await expect.poll(scrolledAway, { timeout: 10_000 }).toBeLessThan(-150);
  // Play with the shortcut, from nowhere in particular (the Play button would scroll into view).
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Space');
  const words: string[] = [];
  for (let i = 0; i < 20; i++) {
    words.push((await loss.textContent()) ?? '');
    await page.waitForTimeout(100);
  }
  expect(words.filter((w) => w.includes('Press Play'))).toEqual([]);
  // Its summary follows the training: the latest evaluation's step moves on while it stays off screen.
  const summary = loss.locator('.chart-sr-only');
  const evalStep = async () => Number(((await summary.textContent()) ?? '').match(/step ([\d,]+)/i)?.[1].replace(/,/g, '') ?? NaN);
  await expect.poll(evalStep, { timeout: 15_000 }).toBeGreaterThan(0);
  const first = await evalStep();
  await expect.poll(evalStep, { timeout: 15_000 }).toBeGreaterThan(first);
  const [latest, now] = [await evalStep(), await stepOf(page)];
  console.log(`off screen: summary "${await summary.textContent()}"; evaluation at step ${latest}, training at ${now}`);
  expect(await scrolledAway()).toBeLessThan(-150);
  expect(now - latest).toBeLessThan(Math.max(2000, now * 0.5));
});

for (const lang of ['en', 'ko'] as const) {
  test(`lesson 2 step 1: Step says how many units it dropped (${lang})`, async ({ page }) => {
    // step=0: the lesson's first step ("Switching units off at random"), set up by the link itself.
    await ready(page, `./?lang=${lang}&lesson=dropout&step=0`);
    await expect(page.locator('#lesson-step-title')).toHaveText(lang === 'en' ? 'Switching units off at random' : '유닛을 무작위로 끄기', { timeout: 10_000 });
    const announcer = page.locator('[data-announcer]');
    const said = lang === 'en' ? /Step (\d+) dropped (\d+) of (\d+) units/ : /스텝 (\d+): 학습 예제 하나에 대해 유닛 (\d+)개 중 (\d+)개를 드롭했습니다/;
    await page.getByRole('button', { name: lang === 'en' ? 'Step' : '한 스텝', exact: true }).click();
    await expect(announcer).toContainText(said, { timeout: 5000 });
    const text = (await announcer.textContent())!;
    const m = text.match(said)!;
    const [dropped, units] = lang === 'en' ? [Number(m[2]), Number(m[3])] : [Number(m[3]), Number(m[2])];
    console.log(`${lang}: "${text}"`);
    expect(units).toBeGreaterThan(0);
    expect(dropped).toBeLessThanOrEqual(units);
    // The number is the drawing's: the network canvas marks the same count.
    await expect(page.locator('canvas.network-canvas')).toHaveAttribute('data-dropped', String(dropped));
    // A second Step (S) says the next step's count.
    await page.waitForTimeout(1100);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('s');
    await expect(announcer).toContainText(lang === 'en' ? `Step ${Number(m[1]) + 1} dropped` : `스텝 ${Number(m[1]) + 1}:`, { timeout: 5000 });
  });
}

test('a lesson’s exact run (which steps in chunks) says no step counts, only its own start and end', async ({ page }) => {
  await ready(page, './?lang=en&lesson=dropout&step=2');
  await page.evaluate(() => {
    const w = window as unknown as { __said: string[] };
    w.__said = [];
    const el = document.querySelector('[data-announcer]')!;
    new MutationObserver(() => el.textContent && w.__said.push(el.textContent)).observe(el, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole('button', { name: /^▶? ?Train 300 steps/ }).click();
  const said = () => page.evaluate(() => (window as unknown as { __said: string[] }).__said);
  await expect.poll(async () => (await said()).join(' '), { timeout: 60_000 }).toContain('Trained 300 steps');
  console.log(`exact run said: ${JSON.stringify(await said())}`);
  expect((await said()).filter((t) => /dropped/.test(t))).toEqual([]);
});

test('the inspector says the unit "Next unit" moved to', async ({ page }) => {
  await ready(page, './?lang=en');
  await page.getByRole('button', { name: 'Hidden 1, unit 1', exact: true }).click();
  const inspector = page.getByRole('region', { name: 'Unit inspector' });
  await expect(inspector).toContainText('Unit');
  const next = inspector.getByRole('button', { name: 'Next unit' });
  await next.focus();
  await page.keyboard.press('Enter');
  const announcer = page.locator('[data-announcer]');
  await expect(announcer).toContainText(/Now showing .*unit 2: .+/, { timeout: 3000 });
  console.log(`Next unit: "${await announcer.textContent()}"`);
  await expect(next).toBeFocused();
});

test('the decision boundary’s separate regions are counted in words', async ({ page }) => {
  await ready(page, './?lang=en');
  const regions = page.getByTestId('output-regions');
  await expect(regions).toHaveText(/^Separate regions per class: class 0: \d+, class 1: \d+\.$/, { timeout: 10_000 });
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.waitForTimeout(1500);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(regions).toHaveText(/^Separate regions per class: class 0: [1-9]\d*, class 1: [1-9]\d*\.$/);
  // It is part of the picture's description (aria-describedby); test/charts/regions.test.ts checks the counting.
  const described = await page.locator('canvas.output-canvas[role="img"]').getAttribute('aria-describedby');
  await expect(page.locator(`[id="${described}"]`)).toContainText('Separate regions per class');
  console.log(`regions: "${await regions.textContent()}"`);
});
