// The CNN end to end at 1280×800 (?arch=cnn): it trains (Step N advances), each conv block's feature
// maps and every BatchNorm2d's per-channel statistics are drawn (read from the canvases' data-*
// attributes), axe finds no serious or critical violation, the Code view exports nn.Conv2d and
// nn.BatchNorm2d, a CNN asked for on 2-D points is corrected with a notice, and the CNN's controls
// are named in Korean.
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
test.use({ bypassCSP: true, viewport: { width: 1280, height: 800 } });

async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    type V = { id: string; impact: string | null; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: V[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'], rules: { 'target-size': { enabled: true } } })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}`);
}

const numbers = (page: Page, selector: string, attr: string) =>
  page.locator(selector).evaluateAll((els, a) => els.map((el) => Number(el.getAttribute(a))), attr);

test('the CNN trains and shows feature maps, per-channel BN statistics and its code (en)', async ({ page }) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('./?lang=en&arch=cnn');
  const status = page.getByTestId('status-line');
  await expect(status).toContainText('Step 0', { timeout: 15_000 });

  // Step N advances the CNN.
  for (let i = 1; i <= 3; i++) {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(status).toContainText(`Step ${i}`, { timeout: 10_000 });
  }

  // Feature maps: one canvas per conv block (2 by default), 8 maps each, drawn for step 3.
  const maps = 'canvas[data-export="feature-maps"]';
  await expect(page.locator(maps)).toHaveCount(2, { timeout: 10_000 });
  await expect(page.locator(maps).first()).toHaveAttribute('data-step', '3', { timeout: 10_000 });
  expect(await numbers(page, maps, 'data-maps')).toEqual([8, 8]);
  expect(await numbers(page, maps, 'data-side')).toEqual([8, 4]);
  // Dropout2d (p = 0.3 on 16 maps) drops whole maps; a few more steps if this image kept them all.
  await expect
    .poll(async () => {
      const dropped = (await numbers(page, maps, 'data-dropped')).reduce((s, x) => s + x, 0);
      if (dropped === 0) await page.getByRole('button', { name: 'Step', exact: true }).click();
      return dropped;
    }, { timeout: 15_000 })
    .toBeGreaterThan(0);
  await expect(page.locator('.cnn-summary')).toContainText('dropped');
  // The quick strip reads the CNN's dropout (Dropout2d is on), not the MLP's places.
  await expect(page.getByText('Dropout is switched off everywhere')).toHaveCount(0);

  // BatchNorm2d: per channel, over N·H·W values (batch 32: 32·8·8 and 32·4·4).
  const bn = 'canvas[data-export="bn2d"]';
  await expect(page.locator(bn)).toHaveCount(2, { timeout: 10_000 });
  expect(await numbers(page, bn, 'data-channels')).toEqual([8, 8]);
  expect(await numbers(page, bn, 'data-count')).toEqual([2048, 512]);
  await expect(page.locator('.cnn-bn').getByText('N·H·W = 32·8·8 = 2,048')).toBeVisible();
  await expect(page.locator('.cnn-bn-table').first().locator('tbody tr')).toHaveCount(8);
  // γ of every channel, live: the worker sets it and the table's γ column follows (column 6).
  await page.getByRole('slider', { name: 'γ of every channel, BN2d 1' }).focus();
  await page.keyboard.press('End');
  await expect(page.locator('.cnn-bn-table').first().locator('tbody tr').first().locator('td').nth(4)).toHaveText('3', { timeout: 10_000 });
  // One channel: pick channel 3 of BN2d 1, drag its γ to −3 by keyboard; the other channels keep 3.
  const rows = page.locator('.cnn-bn-table').first().locator('tbody tr');
  await page.getByRole('combobox', { name: 'Channel, BN2d 1' }).selectOption('2');
  await expect(page.locator(bn).first()).toHaveAttribute('data-picked', '2');
  await page.getByRole('slider', { name: 'γ of channel 3, BN2d 1' }).focus();
  await page.keyboard.press('Home');
  await expect(rows.nth(2).locator('td').nth(4)).toHaveText(/^[−-]3$/, { timeout: 10_000 });
  await expect(rows.nth(0).locator('td').nth(4)).toHaveText('3');
  // Frozen, γ and β keep their values through a training step (Adam would move every γ by about lr).
  await page.getByRole('checkbox', { name: 'Freeze γ and β of BN2d 1' }).check();
  const stepNow = Number(await page.locator(bn).first().getAttribute('data-step'));
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.locator(bn).first()).toHaveAttribute('data-step', String(stepNow + 1), { timeout: 10_000 });
  await expect(page.getByRole('checkbox', { name: 'Freeze γ and β of BN2d 1' })).toBeChecked();
  await expect(rows.nth(0).locator('td').nth(4)).toHaveText('3');
  await expect(rows.nth(2).locator('td').nth(4)).toHaveText(/^[−-]3$/);
  await page.locator('.cnn-bn-layer').first().screenshot({ path: 'test-results/e2e/cnn-bn-channel.png' });

  // Inference: no map is dropped.
  await page.getByRole('radio', { name: 'Inference' }).first().check();
  await expect(page.locator(maps).first()).toHaveAttribute('data-mode', 'inference', { timeout: 10_000 });
  expect(await numbers(page, maps, 'data-dropped')).toEqual([0, 0]);

  await page.screenshot({ path: 'test-results/e2e/cnn-1280x800.png' });

  // axe over the page with the CNN's controls open.
  await page.getByRole('tab', { name: 'Controls' }).click();
  await page.locator('#tabpanel-controls details:not([open]) > summary').evaluateAll((els) => els.forEach((el) => (el as HTMLElement).click()));
  await expect(page.getByRole('slider', { name: 'Conv layers' })).toBeVisible({ timeout: 10_000 });
  expect(await seriousViolations(page)).toEqual([]);

  // The Code view exports the CNN.
  await page.getByRole('tab', { name: 'Code' }).click();
  const code = page.locator('#tabpanel-code pre.code');
  await expect(code).toContainText('nn.Conv2d(1, 8, kernel_size=3', { timeout: 10_000 });
  await expect(code).toContainText('nn.BatchNorm2d(8');
  await expect(code).toContainText('nn.Dropout2d(p=0.3)');
  expect(errors).toEqual([]);
});

test('kernel and pooling from a link and the controls: 5×5 without pooling keeps 8×8 maps, BN over N·64', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('./?lang=en&arch=cnn&kern=5&pool=none&conv=3');
  const status = page.getByTestId('status-line');
  await expect(status).toContainText('Step 0', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(status).toContainText('Step 1', { timeout: 10_000 });
  const maps = 'canvas[data-export="feature-maps"]', bn = 'canvas[data-export="bn2d"]';
  await expect(page.locator(maps)).toHaveCount(3, { timeout: 10_000 });
  await expect(page.locator(maps).first()).toHaveAttribute('data-step', '1', { timeout: 10_000 });
  expect(await numbers(page, maps, 'data-side')).toEqual([8, 8, 8]);
  await expect(page.locator(bn)).toHaveCount(3, { timeout: 10_000 });
  expect(await numbers(page, bn, 'data-count')).toEqual([2048, 2048, 2048]); // batch 32 · 8 · 8 in every block

  // The controls show the link's kernel and pooling; the keyboard moves the kernel to 3×3 (the default, gone from the link).
  await page.getByRole('tab', { name: 'Controls' }).click();
  const panel = page.locator('#tabpanel-controls');
  await page.locator('#tabpanel-controls details:not([open]) > summary').evaluateAll((els) => els.forEach((el) => (el as HTMLElement).click()));
  await expect(panel.getByRole('radio', { name: '5×5' })).toBeChecked({ timeout: 10_000 });
  await expect(panel.getByRole('radio', { name: 'None: every map stays 8×8' })).toBeChecked();
  await panel.getByRole('radio', { name: '5×5' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(panel.getByRole('radio', { name: '3×3' })).toBeChecked();
  await expect(page).not.toHaveURL(/kern=/);
  // Pooling after every block: 8, 4, 2.
  await panel.getByRole('radio', { name: 'After every block (down to 1×1)' }).check();
  await expect(page).toHaveURL(/pool=each/);
  // BN2d's placement is shared with the MLP and shown for the CNN: after the activation.
  await panel.getByRole('radio', { name: 'After the activation (Conv2d → activation → BatchNorm2d)' }).check();
  await expect(page).toHaveURL(/normpos=after/);
  await page.getByRole('tab', { name: 'Code' }).click();
  const code = page.locator('#tabpanel-code pre.code');
  await expect(code).toContainText('nn.Conv2d(1, 8, kernel_size=3, stride=1, padding=1)', { timeout: 10_000 });
  await expect(code).toContainText('nn.ReLU(),\n    nn.BatchNorm2d(8');
  expect((await code.textContent())!.match(/nn\.MaxPool2d/g)).toHaveLength(3);
  await expect.poll(() => numbers(page, maps, 'data-side'), { timeout: 15_000 }).toEqual([8, 4, 2]);
});

test('element dropout crosses out the single values it dropped and counts them in words; inference drops none', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('./?lang=en&arch=cnn&cdrop=element&p=0.5');
  const status = page.getByTestId('status-line');
  await expect(status).toContainText('Step 0', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(status).toContainText('Step 1', { timeout: 10_000 });
  const maps = 'canvas[data-export="feature-maps"]';
  await expect(page.locator(maps).first()).toHaveAttribute('data-step', '1', { timeout: 10_000 });
  const [first, second] = await numbers(page, maps, 'data-dropped-values');
  expect(first).toBeGreaterThan(512 * 0.3); // p = 0.5 of 8·8·8 values
  expect(first).toBeLessThan(512 * 0.7);
  expect(second).toBeGreaterThan(0);
  await expect(page.locator('.cnn-summary')).toContainText(`Conv 1: dropped ${first} of 512 values`);
  await expect(page.locator('.cnn-summary')).toContainText(`Conv 2: dropped ${second} of 128 values`);
  await expect(page.locator(maps).first()).toHaveAttribute('aria-label', new RegExp(`${first} of 512 values dropped`));
  await page.locator('.cnn-maps').screenshot({ path: 'test-results/e2e/cnn-element-dropout.png' });
  await page.getByRole('radio', { name: 'Inference' }).first().check();
  await expect(page.locator(maps).first()).toHaveAttribute('data-mode', 'inference', { timeout: 10_000 });
  expect(await numbers(page, maps, 'data-dropped-values')).toEqual([0, 0]);
  await expect(page.locator('.cnn-summary')).toContainText('Conv 1: no value dropped (inference uses every value)');
});

test('a CNN on 2-D points is corrected to the digits, with a notice', async ({ page }) => {
  await page.goto('./?lang=en&arch=cnn&data=moons');
  await expect(page.getByText('a CNN takes the digit images (1×8×8)')).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('canvas[data-export="feature-maps"]')).toHaveCount(2, { timeout: 15_000 });
});

test('the CNN controls have Korean names', async ({ page }) => {
  await page.goto('./?lang=ko&arch=cnn');
  await expect(page.getByTestId('status-line')).toContainText('0번째 스텝', { timeout: 15_000 });
  await page.getByRole('tab', { name: '설정' }).click();
  const panel = page.locator('#tabpanel-controls');
  await expect(panel.getByRole('slider', { name: '합성곱 층 수' })).toBeVisible({ timeout: 10_000 });
  await page.locator('#tabpanel-controls details:not([open]) > summary').evaluateAll((els) => els.forEach((el) => (el as HTMLElement).click()));
  await expect(panel.getByRole('slider', { name: '합성곱 층 채널 수' })).toBeVisible();
  await expect(panel.getByRole('checkbox', { name: '합성곱 블록마다 BatchNorm2d' })).toBeChecked();
  await expect(panel.getByRole('radio', { name: 'Dropout2d (맵 전체)' })).toBeChecked();
  await expect(panel.getByRole('group', { name: '커널 크기' }).getByRole('radio', { name: '3×3' })).toBeChecked();
  await expect(panel.getByRole('radio', { name: '깊이에 따라: 블록 3개까지는 블록마다, 그보다 깊으면 2번째 뒤에만' })).toBeChecked();
  await expect(panel.getByRole('radio', { name: '활성화 함수 앞 (Conv2d → BatchNorm2d → 활성화)' })).toBeChecked();
  await expect(panel.getByRole('radio', { name: '합성곱 (CNN)' })).toBeChecked();
  await expect(page.getByRole('heading', { name: '특징 맵' }).or(page.getByRole('heading', { name: '신경망' }))).toBeVisible();
});

test('choosing Convolutional (CNN) in the controls switches to the digits and trains the CNN', async ({ page }) => {
  await page.goto('./?lang=en&data=moons');
  await expect(page.getByTestId('status-line')).toContainText('Step 0', { timeout: 15_000 });
  await page.getByRole('tab', { name: 'Controls' }).click();
  await page.locator('#tabpanel-controls details:not([open]) > summary').evaluateAll((els) => els.forEach((el) => (el as HTMLElement).click()));
  await page.getByRole('radio', { name: 'Convolutional (CNN)' }).check();
  await expect(page.locator('canvas[data-export="feature-maps"]')).toHaveCount(2, { timeout: 15_000 });
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('digits');
  await expect(page).toHaveURL(/arch=cnn/);
  // Other data takes the CNN back to the MLP.
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('moons');
  await expect(page.getByRole('radio', { name: 'Dense (MLP)' })).toBeChecked({ timeout: 10_000 });
  await expect(page.locator('canvas[data-export="feature-maps"]')).toHaveCount(0, { timeout: 15_000 });
});

test('the “where” lesson’s CNN step sets up E9’s deep CNN without BN and asks for a prediction', async ({ page }) => {
  await page.goto('./?lang=en&lesson=where&step=0');
  await expect(page.getByText('After 400 steps, this CNN’s test accuracy will be:')).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('canvas[data-export="feature-maps"]')).toHaveCount(6, { timeout: 15_000 });
  expect(await numbers(page, 'canvas[data-export="feature-maps"]', 'data-maps')).toEqual([16, 16, 16, 16, 16, 16]);
  await expect(page.locator('.bn-panel').getByText('This CNN has no BatchNorm2d')).toBeVisible();
});

test('the Inference lab measures the CNN: conv layers in both modes, MC dropout on one digit, channels knocked out', async ({ page }) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('./?lang=en&arch=cnn');
  await expect(page.getByTestId('status-line')).toContainText('Step 0', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByTestId('status-line')).toContainText(/Step [1-9]\d/, { timeout: 20_000 });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();

  const inf = page.locator('section.inf-panel');
  await inf.scrollIntoViewIfNeeded();
  // Training vs inference, per conv layer (Dropout2d at the default p = 0.3).
  const modes = inf.locator('[data-look="inference-modes"] tbody th');
  await expect(modes.filter({ hasText: 'Block 1: conv' })).toHaveCount(1, { timeout: 10_000 });
  await expect(modes.filter({ hasText: 'Block 2: Dropout2d (p = 0.3)' })).toHaveCount(1);
  await expect(modes.filter({ hasText: 'Flatten' })).toHaveCount(1);

  // Monte-Carlo dropout on a chosen digit: ten classes, probabilities summing to 1, and the digit follows the choice.
  const digit = inf.getByTestId('mc-digit');
  await expect(digit.locator('tbody tr')).toHaveCount(10, { timeout: 10_000 });
  await inf.getByLabel('Digit for every class').selectOption('3');
  await expect(digit.locator('caption')).toContainText('test image 4', { timeout: 10_000 });
  const means = await digit.locator('tbody tr td:nth-child(2)').evaluateAll((tds) => tds.map((td) => Number(td.textContent!.split('±')[0].replace(/,/g, ''))));
  expect(means.reduce((a, b) => a + b, 0)).toBeGreaterThan(0.97);
  expect(means.reduce((a, b) => a + b, 0)).toBeLessThan(1.03);
  await expect(inf.getByTestId('mc-digit-read')).toContainText('The MC mean ranks');

  // Knock out one channel of block 1, then half of block 2's channels at random.
  const ko = inf.locator('section[aria-labelledby="inf-ko-title"]');
  await expect(ko.getByRole('heading', { name: 'Knock out channels' })).toBeVisible();
  await ko.getByLabel('Channels', { exact: true }).selectOption({ label: 'Channel 2 only' });
  await ko.getByLabel('Conv block').selectOption({ label: 'Block 1' });
  await expect(ko.locator('tbody th').nth(1)).toHaveText('Channel 2 set to 0', { timeout: 10_000 });
  await expect(ko.getByText(/Lost: -?[\d.]+ accuracy points on \d+ test digits/)).toBeVisible();
  await ko.getByLabel('Channels', { exact: true }).selectOption({ label: 'A random fraction' });
  await ko.getByLabel('Conv block').selectOption({ label: 'Block 2' });
  await expect(ko.locator('tbody th').nth(1)).toHaveText('4 of 8 maps set to 0 (mean of 20 draws)', { timeout: 10_000 });

  // BatchNorm2d at inference: one image alone still normalizes (|x̂| > 0), unlike BatchNorm1d's batch of one.
  const bn2d = inf.getByTestId('inf-bn2d');
  await expect(bn2d.locator('tbody tr')).toHaveCount(3);
  await expect(bn2d.getByText(/per channel \(64, 16\).*largest \|x̂\| measured: [1-9]/)).toBeVisible();
  expect(errors).toEqual([]);
});

test('Compare trains the CNN’s variants side by side: BN2d on/off, Dropout2d vs element dropout', async ({ page }) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('./?lang=en&arch=cnn');
  await expect(page.getByTestId('status-line')).toContainText('Step 0', { timeout: 15_000 });
  const cmp = page.locator('section.compare-panel');
  await cmp.scrollIntoViewIfNeeded();
  const names = cmp.locator('.compare-variant .compare-name');
  await expect(names).toHaveText(['Plain CNN', 'BN2d', 'BN2d + Dropout2d p = 0.3', 'BN2d + element dropout p = 0.3'], { timeout: 10_000 });
  // The CNN's own fields: the conv blocks' dropout kind and BatchNorm2d.
  await cmp.getByLabel('Dropout in the conv blocks (variant A)').selectOption('channel');
  await expect(names.first()).toHaveText('Dropout2d p = 0.3');
  await expect(cmp.getByLabel('BatchNorm2d (variant A)')).toHaveValue('none');

  await cmp.getByRole('button', { name: 'Start all' }).click();
  await expect(cmp.getByTestId('compare-base')).toContainText('a CNN of 2 conv blocks × 8 channels', { timeout: 10_000 });
  // Every variant trains: its "Steps trained" cell passes 20, and a best test accuracy appears.
  const rows = cmp.locator('table tbody tr');
  await expect(rows).toHaveCount(4, { timeout: 10_000 });
  for (let i = 0; i < 4; i++) {
    await expect.poll(async () => Number((await rows.nth(i).locator('td').last().textContent())!.replace(/,/g, '')), { timeout: 30_000 }).toBeGreaterThan(20);
  }
  await expect.poll(async () => rows.first().locator('td').nth(1).textContent(), { timeout: 30_000 }).toMatch(/%/);
  await cmp.getByRole('button', { name: 'Pause all' }).click();
  expect(errors).toEqual([]);
});

test('the CNN’s Inference lab and Compare speak Korean', async ({ page }) => {
  await page.goto('./?lang=ko&arch=cnn');
  const inf = page.locator('section.inf-panel');
  await inf.scrollIntoViewIfNeeded();
  await expect(inf.getByRole('heading', { name: '채널 끄기' })).toBeVisible({ timeout: 15_000 });
  await expect(inf.locator('[data-look="inference-modes"] tbody th').filter({ hasText: '블록 1: 합성곱' })).toHaveCount(1);
  await expect(inf.getByTestId('mc-digit').locator('caption')).toContainText('클래스별', { timeout: 10_000 });
  await expect(inf.getByRole('heading', { name: '추론에서의 BatchNorm2d' })).toBeVisible();
  const cmp = page.locator('section.compare-panel');
  await expect(cmp.locator('.compare-variant .compare-name').first()).toHaveText('기본 CNN');
  await expect(cmp.getByLabel('합성곱 블록의 드롭아웃 (변형 C)')).toHaveValue('channel');
});
