// The lesson beside the lab: a step's "look at" link brings the panel into view and marks it while the
// step stays on screen; lesson 3 step 2 (γ → 0) is done from the step itself; a teacher's
// lesson=&step= link opens the lab as the step sets it up; hide=seed takes away New seed and N; Step
// reveals a prediction's answer as Play does.
import { expect, test, type Page } from '@playwright/test';

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

async function ready(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('status-line')).toContainText('Step 0', { timeout: 30_000 });
}

/** Whether the element's box lies (mostly) inside the viewport. */
async function onScreen(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.bottom > 40 && r.top < window.innerHeight - 40 && r.height > 0;
  });
}

test('a look-at link scrolls to its panel part and marks it, and the step stays in view', async ({ page }) => {
  const errors = watchErrors(page);
  await ready(page, './?lang=en&lesson=batchnorm&step=0');
  const step = page.locator('#lesson-step-title');
  await expect(step).toHaveText('Three steps per feature', { timeout: 15_000 });
  const link = page.getByRole('link', { name: /three steps on this batch/ });
  await link.click();
  const part = page.locator('[data-look~="bn-steps"]');
  await expect(part).toHaveClass(/look-here/);
  await expect(part).toHaveAttribute('data-look-label', 'Look here');
  await expect.poll(() => onScreen(page, '[data-look~="bn-steps"]')).toBe(true);
  // The step's "what to look at" stays on screen beside the panel (the side column is sticky).
  expect(await onScreen(page, '.lesson-look')).toBe(true);
  // The mark is brief.
  await expect(part).not.toHaveClass(/look-here/, { timeout: 5_000 });
  expect(errors).toEqual([]);
});

test('lesson 3 step 2: γ → 0 is done from the step, and step 3 of the BN panel shows every output at β', async ({ page }) => {
  const errors = watchErrors(page);
  await ready(page, './?lang=en&lesson=batchnorm&step=1');
  await expect(page.locator('#lesson-step-title')).toHaveText('γ and β keep the layer expressive', { timeout: 15_000 });
  const tryHere = page.getByRole('region', { name: 'Try it here' });
  // The setup put BN in the network; the step's own γ slider acts on feature 1 of layer 1.
  const gamma = tryHere.getByRole('slider', { name: /^γ/ });
  await expect(gamma).toBeVisible();
  await gamma.focus();
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowLeft');
  await expect(gamma).toHaveAttribute('aria-valuetext', '0');
  await page.getByRole('link', { name: /step 3 of/ }).click();
  const steps = page.locator('[data-look~="bn-steps"]');
  await expect(steps).toHaveClass(/look-here/);
  // The link opens the three steps at step 3.
  await expect(steps.getByText('Step 3 of 3', { exact: true })).toBeVisible();
  await expect(steps.locator('.bn-numbers')).toContainText('γ = 0', { timeout: 10_000 });
  await expect(steps.locator('.bn-numbers')).toContainText('variance 0');
  // The step's controls and text never left the screen.
  expect(await onScreen(page, '.lesson-try')).toBe(true);
  // Never two "Next step" buttons: the lesson's keeps its name, the panel's has its own.
  await expect(page.getByRole('button', { name: 'Next step', exact: true })).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('a lesson=&step= link applies that step’s setup when it opens', async ({ page }) => {
  await ready(page, './?lang=en&lesson=dropout&step=0');
  await expect(page.locator('#lesson-step-title')).toHaveText('Switching units off at random', { timeout: 15_000 });
  await expect(page.getByText('The lab is set up and reset.')).toBeVisible();
  // DROPOUT_MASKS: p = 0.5 after both hidden layers (the default is 0.3).
  await expect(page.getByRole('region', { name: 'Try it here' }).getByRole('slider', { name: /^Dropout p/ })).toHaveValue('0.5');
  // A link that carries settings keeps them.
  await ready(page, './?lang=en&lesson=dropout&step=0&p=0.2');
  await expect(page.locator('#lesson-step-title')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('region', { name: 'Try it here' }).getByRole('slider', { name: /^Dropout p/ })).toHaveValue('0.2');
});

test('hide=seed hides the New seed button and the N shortcut', async ({ page }) => {
  await ready(page, './?lang=en&hide=seed&seed=7');
  await expect(page.getByRole('button', { name: 'New seed' })).toHaveCount(0);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('n');
  await page.waitForTimeout(500);
  await expect(page.getByTestId('status-line')).toContainText('seed 7');
  expect(await page.evaluate(() => location.search)).toContain('seed=7');
  // Without hide, N changes it.
  await ready(page, './?lang=en&seed=7');
  await expect(page.getByRole('button', { name: 'New seed' })).toBeVisible();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('n');
  await expect(page.getByTestId('status-line')).not.toContainText('seed 7');
});

test('Step reveals a prediction’s answer, as Play does', async ({ page }) => {
  await ready(page, './?lang=en&lesson=dropout&step=0');
  await expect(page.locator('#lesson-step-title')).toBeVisible({ timeout: 15_000 });
  const answer = page.getByRole('region', { name: 'What the lab shows' });
  await expect(answer).toHaveCount(0);
  await page.getByRole('radio', { name: /About 16/ }).check();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(answer).toBeVisible();
  await expect(answer).toContainText('Right.');
});
