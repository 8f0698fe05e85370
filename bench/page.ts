// The page while training at full speed with every panel on, in headless Chromium at 1280×800 on the
// built app: display frames per second (requestAnimationFrame over 5 s), long tasks over 50 ms, and
// the time from moving the "Dropout p" slider to the first network drawing that shows its effect.
// Needs a build. Standalone: node scripts/run-ts.mjs bench/page.ts
import type { Page } from '@playwright/test';
import { openBuiltApp } from './browser.ts';

export interface PageBenchResult {
  fps: number;
  frame_ms_p95: number;
  long_tasks: number;
  longest_task_ms: number;
  slider_to_pixels_ms: number;
}

declare global {
  interface Window {
    __longTasks?: number[];
  }
}

async function measureFps(page: Page, ms: number): Promise<{ fps: number; p95: number; long: number[] }> {
  return page.evaluate(async (duration) => {
    window.__longTasks = [];
    const gaps: number[] = [];
    const start = performance.now();
    let last = start;
    await new Promise<void>((done) => {
      const tick = (now: number) => {
        gaps.push(now - last);
        last = now;
        if (now - start < duration) requestAnimationFrame(tick);
        else done();
      };
      requestAnimationFrame(tick);
    });
    const total = last - start;
    gaps.sort((a, b) => a - b);
    return { fps: (1000 * gaps.length) / total, p95: gaps[Math.floor(gaps.length * 0.95)], long: window.__longTasks ?? [] };
  }, ms);
}

/** Presses ArrowRight on the slider and waits for the network canvas to report a different drop count basis (its p tag). */
async function sliderLatency(page: Page): Promise<number> {
  const slider = page.getByRole('slider', { name: 'Dropout p' });
  await slider.focus();
  return page.evaluate(async () => {
    const canvas = document.querySelector('canvas.network-canvas') as HTMLCanvasElement;
    const el = document.activeElement as HTMLInputElement;
    const before = canvas.dataset.p ?? canvas.getAttribute('aria-label');
    const t0 = performance.now();
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    return new Promise<number>((done) => {
      const check = () => {
        const frameP = canvas.dataset.p ?? canvas.getAttribute('aria-label');
        if (frameP !== before) done(performance.now() - t0);
        else if (performance.now() - t0 > 2000) done(NaN);
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  });
}

export async function measurePage(): Promise<PageBenchResult> {
  const app = await openBuiltApp();
  try {
    const { browser } = app;
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) window.__longTasks?.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    // Dropout and BN on both hidden layers: every panel has something live to draw.
    await page.goto(`${app.url}?lang=en&drop=0,1&norm=bn,bn`);
    await page.getByRole('status').first().filter({ hasText: 'Step 0' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForTimeout(1500);
    const f = await measureFps(page, 5000);
    const lat: number[] = [];
    for (let i = 0; i < 5; i++) {
      lat.push(await sliderLatency(page));
      await page.waitForTimeout(200);
    }
    lat.sort((a, b) => a - b);
    return {
      fps: Math.round(f.fps * 10) / 10,
      frame_ms_p95: Math.round(f.p95 * 10) / 10,
      long_tasks: f.long.filter((d) => d > 50).length,
      longest_task_ms: Math.round(Math.max(0, ...f.long)),
      slider_to_pixels_ms: Math.round(lat[lat.length >> 1]),
    };
  } finally {
    await app.close();
  }
}

export async function main(): Promise<number> {
  const r = await measurePage();
  console.log(JSON.stringify(r));
  return 0;
}
