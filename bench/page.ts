// The page while training at full speed (the Speed control set to "Full speed"; Play's default is a
// watchable 30 steps/s) with every panel on, in headless Chromium at 1280×800 on the built app: display
// frames per second (requestAnimationFrame over 5 s), long tasks over 50 ms, and the time from moving
// the "Dropout p" slider to the first network drawing that shows its effect, split into where it goes:
// key → the `set` posted to the worker (the bridge coalesces per animation frame), → the first frame
// back that carries the new p (the worker's frame spacing and the page's ack), → the canvas painted.
// Needs a build. Standalone: node scripts/run-ts.mjs bench/page.ts
import type { Page } from '@playwright/test';
import { openBuiltApp } from './browser.ts';

export interface PageBenchResult {
  fps: number;
  frame_ms_p95: number;
  long_tasks: number;
  longest_task_ms: number;
  slider_to_pixels_ms: number;
  /** Medians of the three legs of slider_to_pixels_ms (they need not add up exactly: each is its own median). */
  slider_to_send_ms: number;
  send_to_frame_ms: number;
  frame_to_paint_ms: number;
}

interface Leg {
  total: number;
  send: number;
  frame: number;
}

declare global {
  interface Window {
    __longTasks?: number[];
    /** Times of `set` commands posted and of frames received with their largest dropout p. */
    __sets?: number[];
    __frames?: { t: number; p: number }[];
  }
}

export async function measureFps(page: Page, ms: number): Promise<{ fps: number; p95: number; long: number[] }> {
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

/** Presses ArrowRight on the slider and waits for the network canvas to be painted with the new p. */
async function sliderLatency(page: Page): Promise<Leg> {
  const slider = page.getByRole('slider', { name: 'Dropout p' });
  await slider.focus();
  return page.evaluate(async () => {
    const canvas = document.querySelector('canvas.network-canvas') as HTMLCanvasElement;
    const el = document.activeElement as HTMLInputElement;
    const before = canvas.dataset.p;
    window.__sets = [];
    window.__frames = [];
    const t0 = performance.now();
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    const painted = await new Promise<number>((done) => {
      // A mutation observer sees the paint itself (the attribute is written in the same task).
      const obs = new MutationObserver(() => {
        if (canvas.dataset.p !== before) {
          obs.disconnect();
          done(performance.now());
        }
      });
      obs.observe(canvas, { attributes: true, attributeFilter: ['data-p'] });
      setTimeout(() => {
        obs.disconnect();
        done(NaN);
      }, 3000);
    });
    const sent = window.__sets[0] ?? NaN;
    const frame = window.__frames.find((f) => f.t >= sent && String(f.p) !== before)?.t ?? NaN;
    return { total: painted - t0, send: sent - t0, frame: frame - sent };
  });
}

function median(xs: number[]): number {
  const v = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return v.length ? v[v.length >> 1] : NaN;
}

export async function measurePage(): Promise<PageBenchResult> {
  const app = await openBuiltApp();
  try {
    const { browser } = app;
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(() => {
      // Watch the training worker's traffic without touching the app: `set` posts out, frames in.
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (this: Worker, msg: unknown, ...rest: unknown[]) {
        if ((msg as { type?: string } | null)?.type === 'set') window.__sets?.push(performance.now());
        return (post as (...a: unknown[]) => void).call(this, msg, ...rest);
      };
      const desc = Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage')!;
      Object.defineProperty(Worker.prototype, 'onmessage', {
        ...desc,
        set(this: Worker, fn: ((e: MessageEvent) => void) | null) {
          desc.set!.call(this, fn && ((e: MessageEvent) => {
            const d = e.data as { type?: string; frame?: { layers: { type: string; p?: number }[] } };
            if (d?.type === 'frame' && d.frame) {
              const p = Math.max(0, ...d.frame.layers.map((l) => (l.type === 'dropout' ? (l.p ?? 0) : 0)));
              window.__frames?.push({ t: performance.now(), p });
            }
            fn(e);
          }));
        },
      });
      window.__longTasks = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) window.__longTasks?.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    // Dropout and BN on both hidden layers: every panel has something live to draw.
    await page.goto(`${app.url}?lang=en&drop=0,1&norm=bn,bn`);
    await page.getByTestId('status-line').filter({ hasText: 'Step 0' }).waitFor({ timeout: 30_000 });
    // The figures are for full speed, the heaviest load the page takes.
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('full');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForTimeout(1500);
    const f = await measureFps(page, 5000);
    const lat: Leg[] = [];
    for (let i = 0; i < 9; i++) {
      lat.push(await sliderLatency(page));
      await page.waitForTimeout(200);
    }
    const total = median(lat.map((l) => l.total)), send = median(lat.map((l) => l.send)), frame = median(lat.map((l) => l.frame));
    const paint = median(lat.map((l) => l.total - l.send - l.frame));
    return {
      fps: Math.round(f.fps * 10) / 10,
      frame_ms_p95: Math.round(f.p95 * 10) / 10,
      long_tasks: f.long.filter((d) => d > 50).length,
      longest_task_ms: Math.round(Math.max(0, ...f.long)),
      slider_to_pixels_ms: Math.round(total),
      slider_to_send_ms: Math.round(send),
      send_to_frame_ms: Math.round(frame),
      frame_to_paint_ms: Math.round(paint),
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
