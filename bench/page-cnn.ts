// The page while the CNN trains (?arch=cnn: 2 conv blocks of 8 channels, BN2d, Dropout2d p = 0.3, its
// feature maps and per-channel BN panels on) at full speed, in headless Chromium at 1280×800 on the
// built app: display frames per second (requestAnimationFrame over 5 s), long tasks over 50 ms, and the
// training steps per second the page reached meanwhile. The machine is shared: the 1-minute load
// average before and after goes beside the figures. Needs a build.
// Standalone: node scripts/run-ts.mjs bench/page-cnn.ts [query, default "arch=cnn"]
import { loadavg } from 'node:os';
import { openBuiltApp } from './browser.ts';
import { measureFps } from './page.ts';

export interface CnnPageBenchResult {
  query: string;
  fps: number;
  frame_ms_p95: number;
  long_tasks: number;
  longest_task_ms: number;
  steps_per_s: number;
  /** 1-minute load average of the machine before and after the measurement. */
  load_avg: [number, number];
}

const stepOf = (text: string | null): number => Number(/Step ([\d,]+)/.exec(text ?? '')?.[1].replace(/,/g, '') ?? NaN);

export async function measureCnnPage(query = 'arch=cnn'): Promise<CnnPageBenchResult> {
  const load0 = loadavg()[0];
  const app = await openBuiltApp();
  try {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) window.__longTasks?.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${app.url}?lang=en&${query}`);
    const status = page.getByTestId('status-line');
    await status.filter({ hasText: 'Step 0' }).waitFor({ timeout: 30_000 });
    await page.locator('canvas[data-export="feature-maps"]').first().waitFor({ timeout: 30_000 });
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('full');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForTimeout(1500);
    const s0 = stepOf(await status.textContent()), t0 = Date.now();
    const f = await measureFps(page, 5000);
    const s1 = stepOf(await status.textContent()), t1 = Date.now();
    return {
      query,
      fps: Math.round(f.fps * 10) / 10,
      frame_ms_p95: Math.round(f.p95 * 10) / 10,
      long_tasks: f.long.filter((d) => d > 50).length,
      longest_task_ms: Math.round(Math.max(0, ...f.long)),
      steps_per_s: Math.round(((s1 - s0) * 1000) / (t1 - t0)),
      load_avg: [Math.round(load0 * 100) / 100, Math.round(loadavg()[0] * 100) / 100],
    };
  } finally {
    await app.close();
  }
}

export async function main(args: string[] = []): Promise<number> {
  console.log(JSON.stringify(await measureCnnPage(args[0] ?? 'arch=cnn')));
  return 0;
}
