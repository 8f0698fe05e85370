// axe-core on the built app, in English and in Korean, after some training: the lessons tab (list and
// an open lesson), the controls tab with every section open, presentation mode with the shortcuts
// dialog open. No serious or critical violation is allowed (target size included, which axe leaves
// off by default).
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// axe arrives as an injected <script>, which the app's own CSP (script-src 'self') would rightly
// refuse; the CSP itself is checked in hosting.spec.ts.
test.use({ bypassCSP: true });

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function seriousViolations(page: Page, where: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Violation[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'], rules: { 'target-size': { enabled: true } } });
    return r.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}`);
}

const TEXT = {
  en: { step: 'Step 0', play: 'Play', pause: 'Pause', lessons: 'Lessons', controls: 'Controls', present: 'Presentation mode' },
  ko: { step: '0번째 스텝', play: '재생', pause: '일시 정지', lessons: '레슨', controls: '설정', present: '발표 모드' },
} as const;

for (const lang of ['en', 'ko'] as const) {
  test(`no serious or critical axe violations (${lang})`, async ({ page }) => {
    test.setTimeout(90_000);
    const t = TEXT[lang];
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`./?lang=${lang}`);
    await expect(page.getByTestId('status-line')).toContainText(t.step, { timeout: 15_000 });
    await page.getByRole('button', { name: t.play, exact: true }).click();
    await page.waitForTimeout(1200);
    await page.getByRole('button', { name: t.pause, exact: true }).click();
    await page.waitForTimeout(300);

    const found: string[] = [];
    await page.getByRole('tab', { name: t.lessons }).click();
    await expect(page.getByRole('tabpanel', { name: t.lessons }).getByRole('heading', { level: 2 })).toBeVisible();
    await expect(page.getByRole('tabpanel', { name: t.lessons }).getByRole('listitem').first()).toBeVisible();
    found.push(...(await seriousViolations(page, 'lessons list')));
    // Open the first lesson: its step view, prediction and formulas.
    await page.getByRole('tabpanel', { name: t.lessons }).getByRole('button').first().click();
    await page.waitForTimeout(300);
    found.push(...(await seriousViolations(page, 'lesson step')));

    await page.getByRole('tab', { name: t.controls }).click();
    await page.locator('#tabpanel-controls details:not([open]) > summary').evaluateAll((els) => els.forEach((el) => (el as HTMLElement).click()));
    found.push(...(await seriousViolations(page, 'controls')));

    await page.getByRole('button', { name: t.present, exact: true }).click();
    await page.keyboard.press('Shift+Slash');
    await expect(page.getByRole('dialog')).toBeVisible();
    found.push(...(await seriousViolations(page, 'presentation + shortcuts dialog')));

    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test.describe('on a tablet', () => {
  test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true });

  // Every visible target a finger uses is at least 44 px tall and wide (a checkbox or radio counts
  // by its label). The network's unit buttons sit at the drawing's own spacing and are reported apart.
  async function smallTargets(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const out: string[] = [];
      const sel = 'button, select, summary, input, textarea, a[href], [role="tab"], [role="radio"], [role="button"], [role="slider"]';
      for (const el of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
        if (el.classList.contains('network-unit') || el.classList.contains('skip-link')) continue;
        const own = el.getBoundingClientRect();
        if (own.width === 0 || own.height === 0) continue;
        const input = el as HTMLInputElement;
        const target = el.tagName === 'INPUT' && (input.type === 'checkbox' || input.type === 'radio') ? (el.closest('label') ?? el) : el;
        const r = target.getBoundingClientRect();
        if (r.height < 44 || r.width < 44) out.push(`${el.tagName.toLowerCase()} “${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}” ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
      return out;
    });
  }

  test('touch targets are large enough in the lessons, the controls and the header', async ({ page }) => {
    await page.goto('./?lang=ko');
    await expect(page.getByTestId('status-line')).toContainText(TEXT.ko.step, { timeout: 15_000 });
    const small: string[] = [];
    await page.locator('#tabpanel-controls details:not([open]) > summary').evaluateAll((els) => els.forEach((el) => (el as HTMLElement).click()));
    small.push(...(await smallTargets(page)));
    await page.getByRole('tab', { name: TEXT.ko.lessons }).tap();
    await expect(page.getByRole('tabpanel', { name: TEXT.ko.lessons }).getByRole('listitem').first()).toBeVisible();
    small.push(...(await smallTargets(page)));
    await page.getByRole('tabpanel', { name: TEXT.ko.lessons }).getByRole('button').first().tap();
    await page.waitForTimeout(300);
    small.push(...(await smallTargets(page)));
    expect(small).toEqual([]);
  });
});
