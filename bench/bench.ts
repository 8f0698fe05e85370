// `npm run bench`: trains each workload with our engine and with tfjs (cpu and wasm backends) in short
// timed rounds that alternate between the three sides, so that load from other processes on this shared
// machine hits all sides alike; reports the median steps/s per side and the ratios, then one JSON line.
//   options: --rounds N (21)  --ms M (per side per round, 200)  --only W1,W3
// Many short rounds rather than a few long ones: a burst of load then spoils few samples of each side.
import { resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { workloads, type Workload } from './workloads.ts';
import { engineRunner } from './engine-runner.ts';
import { tfjsRunner } from './tfjs-runner.ts';
import type { Runner } from './runner.ts';
import { registerTfjsGradients } from './tfjs-gradients.ts';
import { formatTable, median, quantile, type Row } from './report.ts';
import { runStreamBench, type StreamBenchResult } from './stream.ts';
import { measurePage, type PageBenchResult } from './page.ts';
import { measureTti } from './tti.ts';
import { execSync } from 'node:child_process';

/** Targets for engine ÷ tfjs-wasm. */
const TARGETS: Record<string, number> = { W1: 30, W2: 3, W3: 1.5 };

interface Options {
  rounds: number;
  ms: number;
  only: string[] | null;
  /** Also measure the built page in Chromium (fps, long tasks, slider latency, time to interactive). */
  page: boolean;
}

function parseArgs(args: string[]): Options {
  const o: Options = { rounds: 21, ms: 200, only: null, page: true };
  for (let i = 0; i < args.length; i++) {
    const a = args[i], v = args[i + 1];
    if (a === '--rounds') o.rounds = Math.max(1, Number(v)), i++;
    else if (a === '--ms') o.ms = Math.max(20, Number(v)), i++;
    else if (a === '--only') o.only = v.split(','), i++;
    else if (a === '--no-page') o.page = false;
  }
  return o;
}

/** Runs whole steps until `ms` have passed; returns steps per second. */
function timed(r: Runner, ms: number, rate: number): number {
  // Read the clock every ~5 ms of work, so timing overhead is negligible for the tiny workloads.
  const chunk = Math.max(1, Math.round(rate * 0.005));
  let steps = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < ms) {
    r.steps(chunk);
    steps += chunk;
    t = performance.now();
  }
  return (steps * 1000) / (t - t0);
}

async function benchWorkload(w: Workload, o: Options): Promise<Row> {
  const runners = [engineRunner(w), tfjsRunner(w, 'cpu'), tfjsRunner(w, 'wasm')];
  const rates = runners.map(() => 1);
  // Warm-up: JIT, wasm instantiation, tfjs kernel caches; also gives each side a rate estimate.
  for (let k = 0; k < runners.length; k++) {
    await runners[k].activate();
    rates[k] = timed(runners[k], 150, 1);
    rates[k] = timed(runners[k], 250, rates[k]);
  }
  const samples: number[][] = runners.map(() => []);
  // Every step must free what it allocates, or the tfjs side would slow down as memory fills up.
  const tensorsBefore = tf.memory().numTensors;
  for (let round = 0; round < o.rounds; round++) {
    for (let j = 0; j < runners.length; j++) {
      const k = (j + round) % runners.length; // rotate who goes first
      await runners[k].activate();
      runners[k].steps(1); // settle after the backend switch, untimed
      samples[k].push(timed(runners[k], o.ms, rates[k]));
    }
  }
  const leaked = tf.memory().numTensors - tensorsBefore;
  let sink = 0;
  for (const r of runners) {
    await r.activate();
    sink += r.lastLoss();
    r.dispose();
  }
  const [engine, cpu, wasm] = samples.map(median);
  const perRound = samples[0].map((e, i) => e / samples[2][i]);
  return {
    name: w.name,
    title: w.title,
    engine,
    tfjs_cpu: cpu,
    tfjs_wasm: wasm,
    engine_over_wasm: engine / wasm,
    engine_over_cpu: engine / cpu,
    wasm_ratio_q1: quantile(perRound, 0.25),
    wasm_ratio_q3: quantile(perRound, 0.75),
    target_over_wasm: TARGETS[w.name] ?? NaN,
    finite: Number.isFinite(sink),
    leaked,
  };
}

export async function main(args: string[]): Promise<number> {
  const o = parseArgs(args);
  await registerTfjsGradients();
  setWasmPaths(resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');
  // Bring both backends up before anything is printed, so their banners land above the table.
  await tf.setBackend('cpu');
  await tf.setBackend('wasm');
  const rows: Row[] = [];
  for (const w of workloads()) {
    if (o.only && !o.only.includes(w.name)) continue;
    rows.push(await benchWorkload(w, o));
  }
  console.log('');
  console.log(formatTable(rows, o.rounds, o.ms));
  for (const r of rows) if (r.leaked !== 0) console.log(`warning: ${r.name}: the tfjs steps left ${r.leaked} tensors undisposed`);

  // Streaming through a real worker thread: frame build time, set-to-frame latency, throughput kept.
  const raw: StreamBenchResult = await runStreamBench();
  const stream: StreamBenchResult = {
    frame_ms_p95: round(raw.frame_ms_p95),
    set_to_frame_ms_p95: round(raw.set_to_frame_ms_p95),
    throughput_ratio: round(raw.throughput_ratio),
  };
  console.log(
    `\nstream (worker thread, full speed): frame build p95 ${stream.frame_ms_p95} ms (target ≤ 2), ` +
      `set → frame p95 ${stream.set_to_frame_ms_p95} ms (target ≤ 20), throughput ${(stream.throughput_ratio * 100).toFixed(0)} % of the bare engine (target ≥ 80 %)`,
  );
  let page: (PageBenchResult & { tti_ms: number }) | null = null;
  if (o.page) {
    // Measure the current source, never a stale dist/.
    execSync('npx vite build', { stdio: 'ignore' });
    const tti = await measureTti();
    const p = await measurePage();
    page = { ...p, tti_ms: tti.tti_ms };
    console.log(
      `page (built app, headless Chromium 1280×800, every panel, training at full speed): ${p.fps} fps (target ≥ 55), ` +
        `${p.long_tasks} long tasks > 50 ms (longest ${p.longest_task_ms} ms), slider → pixels ${p.slider_to_pixels_ms} ms (target ≤ 100); ` +
        `time to interactive ${tti.tti_ms} ms (target ≤ 1500)`,
    );
  }
  console.log(
    JSON.stringify({
      workloads: rows.map((r) => ({
        name: r.name,
        engine: round(r.engine),
        tfjs_cpu: round(r.tfjs_cpu),
        tfjs_wasm: round(r.tfjs_wasm),
        engine_over_wasm: round(r.engine_over_wasm),
        engine_over_cpu: round(r.engine_over_cpu),
        engine_over_wasm_rounds_iqr: [round(r.wasm_ratio_q1), round(r.wasm_ratio_q3)],
        target_over_wasm: r.target_over_wasm,
      })),
      stream,
      ...(page ? { page } : {}),
    }),
  );
  return 0;
}

function round(v: number): number {
  return Number(v.toPrecision(4));
}
