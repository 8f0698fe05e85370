// The first screen at the sizes people open the lab on: a phone keeps a picture first and Play with the
// mode switch in reach while the charts scroll; screenshots at 1280 × 800, 1920 × 1080, 1280 × 720 in
// presentation mode and 390 × 844, in English and Korean, are attached to the test output (and kept
// under test-results/screens/) for a person to look at.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { onScreen } from './viewport.ts';

/** The element is on screen and nothing covers its centre. */
async function reachable(el: Locator): Promise<boolean> {
  return el.evaluate((e) => {
    const r = e.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return false;
    const hit = document.elementFromPoint(x, y);
    return !!hit && (hit === e || e.contains(hit));
  });
}

const TEXT = {
  en: { step: 'Step 0', play: 'Play', pause: 'Pause', training: 'Training', inference: 'Inference', loss: 'Loss and accuracy', network: 'Network', output: 'Output', bn: 'Batch normalization' },
  ko: { step: '0번째 스텝', play: '재생', pause: '일시 정지', training: '학습', inference: '추론', loss: '손실과 정확도', network: '네트워크', output: '출력', bn: '배치 정규화' },
} as const;

/**
 * Presentation mode fits a projector: captions of 18 px and up, the drawing's words and the charts'
 * labels grown with them, every shown panel whole on screen (its bottom edge in view; longer words
 * scroll inside it) and the page no taller than the screen.
 */
async function presentFits(page: Page, panels: string[]): Promise<void> {
  for (const sel of ['.network-caption', '.output-caption', '.loss-legend']) {
    if (!(await page.locator(sel).count())) continue;
    const px = await page.locator(sel).first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(px, sel).toBeGreaterThanOrEqual(18);
  }
  if (await page.locator('canvas.network-canvas').count()) {
    await expect(page.locator('canvas.network-canvas')).toHaveAttribute('data-label-px', '18');
  }
  for (const chart of ['.loss-chart', '.bn-panel .chart']) {
    if (!(await page.locator(chart).count())) continue;
    // A tick label's drawn height (the chart is scaled to its box): at least 14 px.
    const h = await page.locator(`${chart} .tick`).evaluateAll((ts) => Math.max(0, ...ts.map((e) => e.getBoundingClientRect().height)));
    expect(h, `${chart} tick`).toBeGreaterThanOrEqual(14);
  }
  const vh = page.viewportSize()!.height;
  for (const name of panels) {
    const box = await panel(page, name).locator('xpath=..').boundingBox();
    expect(box, name).not.toBeNull();
    expect(box!.y, name).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height, `${name}: bottom edge`).toBeLessThanOrEqual(vh);
    expect(box!.height, name).toBeGreaterThanOrEqual(300);
  }
  expect(await page.evaluate(() => document.documentElement.scrollHeight), 'page height').toBeLessThanOrEqual(vh);
}

const panel = (page: Page, name: string) => page.locator('section[aria-labelledby]').filter({ has: page.getByRole('heading', { level: 2, name, exact: true }) });

test.describe('phone, 390 × 844', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  for (const lang of ['en', 'ko'] as const) {
    test(`a picture on the first screen; Play and the mode switch in reach beside the charts (${lang})`, async ({ page }, info) => {
      test.setTimeout(120_000);
      const t = TEXT[lang];
      await page.goto(`./?lang=${lang}`);
      await expect(page.getByTestId('status-line')).toContainText(t.step, { timeout: 20_000 });
      await expect(page.locator('canvas.network-canvas')).toBeVisible();
      const picture = Math.max(await onScreen(panel(page, t.network)), await onScreen(panel(page, t.output)));
      expect(picture).toBeGreaterThanOrEqual(200);
      await page.getByRole('button', { name: t.play, exact: true }).tap();
      await page.waitForTimeout(1500);
      await info.attach(`390x844-${lang}.png`, { body: await page.screenshot({ path: `test-results/screens/390x844-${lang}.png` }), contentType: 'image/png' });

      // The Loss and accuracy panel in the middle of the screen: Pause and both modes still reachable.
      await panel(page, t.loss).evaluate((e) => e.scrollIntoView({ block: 'center' }));
      await page.waitForTimeout(300);
      expect(await onScreen(panel(page, t.loss))).toBeGreaterThan(100);
      expect(await reachable(page.getByRole('button', { name: t.pause, exact: true }))).toBe(true);
      expect(await reachable(page.getByRole('radio', { name: t.training }))).toBe(true);
      expect(await reachable(page.getByRole('radio', { name: t.inference }))).toBe(true);
      await info.attach(`390x844-${lang}-loss.png`, { body: await page.screenshot({ path: `test-results/screens/390x844-${lang}-loss.png` }), contentType: 'image/png' });
      // The switch works from there (the drawing, off screen now, catches up when scrolled back).
      await page.getByRole('radio', { name: t.inference }).tap();
      await expect(page.getByRole('radio', { name: t.inference })).toBeChecked();
    });
  }
});

for (const lang of ['en', 'ko'] as const) {
  for (const size of [
    { w: 1280, h: 800, present: false },
    { w: 1920, h: 1080, present: false },
    { w: 1280, h: 720, present: true },
  ]) {
    const name = `${size.w}x${size.h}${size.present ? '-present' : ''}-${lang}`;
    test(`screenshot ${name}`, async ({ page }, info) => {
      test.setTimeout(120_000);
      const t = TEXT[lang];
      await page.setViewportSize({ width: size.w, height: size.h });
      await page.goto(`./?lang=${lang}${size.present ? '&present' : ''}`);
      await expect(page.getByTestId('status-line')).toContainText(t.step, { timeout: 20_000 });
      await page.getByRole('button', { name: t.play, exact: true }).click();
      await page.waitForTimeout(2500);
      await info.attach(`${name}.png`, { body: await page.screenshot({ path: `test-results/screens/${name}.png` }), contentType: 'image/png' });
      if (size.present) {
        await presentFits(page, [t.network, t.output, t.loss]);
      } else {
        for (const p of [t.network, t.output, t.loss]) expect(await onScreen(panel(page, p)), p).toBeGreaterThanOrEqual(220);
      }
    });
  }
}

for (const lang of ['en', 'ko'] as const) {
  test(`presentation of lesson 3 step 2 at 1280 × 720 fits the screen (${lang})`, async ({ page }, info) => {
    test.setTimeout(120_000);
    const t = TEXT[lang];
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`./?lang=${lang}&present&lesson=batchnorm&step=1`);
    await expect(page.getByTestId('status-line')).toContainText(t.step, { timeout: 20_000 });
    await expect(page.locator('.bn-panel .chart').first()).toBeVisible({ timeout: 20_000 });
    await page.getByRole('button', { name: t.play, exact: true }).click();
    await page.waitForTimeout(2000);
    const name = `1280x720-present-lesson-${lang}`;
    await info.attach(`${name}.png`, { body: await page.screenshot({ path: `test-results/screens/${name}.png` }), contentType: 'image/png' });
    await presentFits(page, [t.output, t.bn]);
  });
}

test("before the script has run, the page shows the lab's name in both languages; the first render replaces it", async ({ browser, baseURL }) => {
  // With scripts off, what index.html alone paints.
  const bare = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await bare.newPage();
  await page.goto('./');
  await expect(page.locator('#root')).toHaveText('Regularization Lab · 정규화 실험실');
  await bare.close();
  const live = await browser.newContext({ baseURL });
  const lab = await live.newPage();
  await lab.goto('./?lang=ko');
  await expect(lab.getByRole('status').first()).toContainText(TEXT.ko.step);
  await expect(lab.locator('.boot')).toHaveCount(0);
  await expect(lab.getByRole('heading', { level: 1 })).toHaveText('정규화 실험실');
  await live.close();
});
