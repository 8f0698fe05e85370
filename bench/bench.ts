// `npm run bench`: trains each workload with our engine, with tfjs (cpu and wasm backends) and with
// jax-js (wasm device, one jit per training step) in short timed rounds that alternate between the
// sides, so that load from other processes on this shared machine hits all sides alike; reports the
// median steps/s per side and the ratios, then one JSON line. `bench/peer-check.ts` shows that the
// sides train the same thing (same losses step by step, dropout aside).
//   options: --rounds N (21)  --ms M (per side per round, 200)  --only W1,W3  --no-page
// Many short rounds rather than a few long ones: a burst of load then spoils few samples of each side.
import { resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { engineBuilds, workloads, type Workload } from './workloads.ts';
import { engineRunner } from './engine-runner.ts';
import { tfjsRunner } from './tfjs-runner.ts';
import { FILTER_GRAD_NOTE } from './tfjs-conv.ts';
import { initJax, jaxRunner } from './jax-runner.ts';
import type { Runner } from './runner.ts';
import { registerTfjsGradients } from './tfjs-gradients.ts';
import { formatTable, median, quantile, type Row } from './report.ts';
import { runStreamBench, type StreamBenchResult } from './stream.ts';
import { measurePage, type PageBenchResult } from './page.ts';
import { measureCnnPage, type CnnPageBenchResult } from './page-cnn.ts';
import { measureTti } from './tti.ts';
import { execSync } from 'node:child_process';

/** Floors for engine ÷ tfjs-wasm. */
const TARGETS: Record<string, number> = { W1: 30, W2: 3, W3: 1.5, W4: 1 };
/** Aims for engine ÷ jax-js (wasm). */
const JAX_TARGETS: Record<string, number> = { W3: 1.5, W4: 1 };

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
  // The engine side joins once our engine builds the workload (W4 waits for its conv layers).
  const engine = engineBuilds(w) ? engineRunner(w) : null;
  const runners = [...(engine ? [engine] : []), tfjsRunner(w, 'cpu'), tfjsRunner(w, 'wasm'), jaxRunner(w)];
  const rates = runners.map(() => 1);
  // Warm-up: JIT, wasm instantiation, tfjs kernel caches, jax-js tracing and compiling; also gives each
  // side a rate estimate.
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
  const of = (label: string): number[] => samples[runners.findIndex((r) => r.label === label)] ?? [];
  const eng = of('engine'), cpu = of('tfjs_cpu'), wasm = of('tfjs_wasm'), jax = of('jax_wasm');
  const med = (xs: number[]) => (xs.length ? median(xs) : NaN);
  const perRound = (peer: number[]) => eng.map((e, i) => e / peer[i]);
  const q = (xs: number[], p: number) => (xs.length ? quantile(xs, p) : NaN);
  return {
    name: w.name,
    title: w.title,
    engine: med(eng),
    tfjs_cpu: med(cpu),
    tfjs_wasm: med(wasm),
    jax_wasm: med(jax),
    engine_over_wasm: med(eng) / med(wasm),
    engine_over_cpu: med(eng) / med(cpu),
    engine_over_jax: med(eng) / med(jax),
    wasm_ratio_q1: q(perRound(wasm), 0.25),
    wasm_ratio_q3: q(perRound(wasm), 0.75),
    jax_ratio_q1: q(perRound(jax), 0.25),
    jax_ratio_q3: q(perRound(jax), 0.75),
    target_over_wasm: TARGETS[w.name] ?? NaN,
    target_over_jax: JAX_TARGETS[w.name] ?? NaN,
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
  await initJax();
  const rows: Row[] = [];
  const benched = workloads().filter((w) => !o.only || o.only.includes(w.name));
  for (const w of benched) rows.push(await benchWorkload(w, o));
  console.log('');
  console.log(formatTable(rows, o.rounds, o.ms));
  if (benched.some((w) => w.conv)) console.log(`note: ${FILTER_GRAD_NOTE}.`);
  for (const w of benched.filter((x) => !engineBuilds(x))) console.log(`note: ${w.name}: our engine cannot build this network yet (no convolution layers); peers only.`);
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
  let page: (PageBenchResult & { tti_ms: number; tti_samples_ms: number[] }) | null = null;
  let pageCnn: CnnPageBenchResult | null = null;
  if (o.page) {
    // Measure the current source, never a stale dist/.
    // A production build: this process runs under Vite's module runner, which sets NODE_ENV to
    // development, and a child inheriting that builds React's development runtime (jsxDEV), about
    // 2.5× the main thread's work per frame.
    execSync('npx vite build', { stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } });
    const tti = await measureTti();
    const p = await measurePage();
    page = { ...p, tti_ms: tti.tti_ms, tti_samples_ms: tti.samples_ms };
    console.log(
      `page (built app, headless Chromium 1280×800, every panel, training at full speed): ${p.fps} fps (target ≥ 55), ` +
        `${p.long_tasks} long tasks > 50 ms (longest ${p.longest_task_ms} ms), slider → pixels ${p.slider_to_pixels_ms} ms median (target ≤ 50: ` +
        `key → set posted ${p.slider_to_send_ms}, → frame back ${p.send_to_frame_ms}, → painted ${p.frame_to_paint_ms}); ` +
        `time to interactive ${tti.tti_ms} ms (median of ${tti.samples_ms.length} cold loads: ${tti.samples_ms.join(', ')} ms; target ≤ 1000)`,
    );
    const c = (pageCnn = await measureCnnPage());
    console.log(
      `page_cnn (built app, ?arch=cnn, feature maps and BN2d panels, training at full speed): ${c.fps} fps (target ≥ 55), ` +
        `${c.long_tasks} long tasks > 50 ms (longest ${c.longest_task_ms} ms), ${c.steps_per_s} steps/s; load average ${c.load_avg[0]} → ${c.load_avg[1]}`,
    );
  }
  console.log(
    JSON.stringify({
      workloads: rows.map((r) => ({
        name: r.name,
        engine: fig(r.engine),
        tfjs_cpu: fig(r.tfjs_cpu),
        tfjs_wasm: fig(r.tfjs_wasm),
        jax_wasm: fig(r.jax_wasm),
        engine_over_wasm: fig(r.engine_over_wasm),
        engine_over_cpu: fig(r.engine_over_cpu),
        engine_over_jax: fig(r.engine_over_jax),
        engine_over_wasm_rounds_iqr: [fig(r.wasm_ratio_q1), fig(r.wasm_ratio_q3)],
        engine_over_jax_rounds_iqr: [fig(r.jax_ratio_q1), fig(r.jax_ratio_q3)],
        target_over_wasm: r.target_over_wasm,
        ...(Number.isFinite(r.target_over_jax) ? { target_over_jax: r.target_over_jax } : {}),
      })),
      stream,
      ...(page ? { page } : {}),
      ...(pageCnn ? { page_cnn: pageCnn } : {}),
    }),
  );
  return 0;
}

function round(v: number): number {
  return Number(v.toPrecision(4));
}

/** As round, but null where a side did not run (JSON has no NaN). */
function fig(v: number): number | null {
  return Number.isFinite(v) ? round(v) : null;
}
