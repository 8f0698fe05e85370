// Streaming benchmark: the real session loop in a real worker thread, training at full speed while the
// main thread acknowledges every frame at once and sends a `set` (dropout p) every ~50 ms. Reports frame
// build time (measured in the worker), the latency from posting a `set` to receiving the first frame
// that reflects it (frame.rev), and the streamed training rate over the bare engine's on the same
// network, in alternating rounds so other load on the machine hits both alike.
import { Worker } from 'node:worker_threads';
import { resolve } from 'node:path';
import { DEFAULT_CONFIG, DEFAULT_TEACH, type LabConfig } from '../src/protocol/config.ts';
import type { Command, WorkerEvent } from '../src/protocol/messages.ts';
import type { BareReply } from './stream-thread.ts';

export interface StreamBenchResult {
  frame_ms_p95: number;
  set_to_frame_ms_p95: number;
  throughput_ratio: number;
}

export interface StreamBenchDetail extends StreamBenchResult {
  frame_ms_median: number;
  set_to_frame_ms_median: number;
  frames_per_second: number;
  stream_steps_per_second: number;
  bare_steps_per_second: number;
  frames: number;
  sets: number;
}

export function quantile(xs: number[], q: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q, lo = Math.floor(pos), hi = Math.min(s.length - 1, lo + 1);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

/** The app's default lab with dropout switched on in both hidden layers (masks drawn every step). */
export function benchConfig(): LabConfig {
  return { ...DEFAULT_CONFIG, net: { ...DEFAULT_CONFIG.net, dropoutHidden: [true, true] } };
}

type Msg = WorkerEvent | BareReply | { bench: 'loaded' };

function startThread(): Worker {
  // An eval'd CommonJS stub loads the TypeScript entry through Vite's module runner.
  const entry = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, 'stream-thread.ts');
  const code = `import('vite').then(({ runnerImport }) => runnerImport(${JSON.stringify(entry)})).catch((e) => { console.error(e); process.exit(1); });`;
  return new Worker(code, { eval: true });
}

export async function runStreamBenchDetailed(opts: { rounds?: number; roundMs?: number; config?: LabConfig } = {}): Promise<StreamBenchDetail> {
  const rounds = opts.rounds ?? 4, roundMs = opts.roundMs ?? 1500, config = opts.config ?? benchConfig();
  const w = startThread();
  const listeners = new Set<(m: Msg) => void>();
  w.on('message', (m: Msg) => listeners.forEach((f) => f(m)));
  const next = <T extends Msg>(pred: (m: Msg) => m is T): Promise<T> =>
    new Promise((res) => {
      const f = (m: Msg) => {
        if (pred(m)) {
          listeners.delete(f);
          res(m);
        }
      };
      listeners.add(f);
    });
  const isBench = (kind: string) => (m: Msg): m is BareReply => 'bench' in m && m.bench === kind;
  await next(isBench('loaded') as (m: Msg) => m is BareReply);

  let rev = 0;
  const send = (c: Command) => w.postMessage({ ...c, rev: ++rev });
  const buildMs: number[] = [], latency: number[] = [];
  const pendingSets: { rev: number; at: number }[] = [];
  let framesInRounds = 0, streamSteps = 0, streamMs = 0, counting = false;
  let lastStep = -1, lastStepAt = 0;
  let errors: string[] = [];
  listeners.add((m) => {
    if (!('type' in m)) return;
    if (m.type === 'error' || m.type === 'diverged') errors.push(JSON.stringify(m));
    if (m.type !== 'frame') return;
    const f = m.frame, now = performance.now();
    w.postMessage({ type: 'ack', seq: f.seq } satisfies Command);
    if (!counting) return;
    framesInRounds++;
    if (f.playing) buildMs.push(f.buildMs);
    while (pendingSets.length && pendingSets[0].rev <= f.rev) latency.push(now - pendingSets.shift()!.at);
    if (lastStep >= 0) {
      streamSteps += f.step - lastStep;
      streamMs += now - lastStepAt;
    }
    lastStep = f.step;
    lastStepAt = now;
  });

  const ready = next((m): m is Extract<WorkerEvent, { type: 'ready' }> => 'type' in m && m.type === 'ready');
  send({ type: 'configure', config, teach: DEFAULT_TEACH, mode: 'training' });
  await ready;

  const bareRates: number[] = [];
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const bare = async () => {
    const reply = next(isBench('bare'));
    w.postMessage({ bench: 'bare', ms: roundMs, config, teach: DEFAULT_TEACH });
    bareRates.push((await reply).stepsPerSecond);
  };
  for (let r = 0; r < rounds; r++) {
    await bare();
    send({ type: 'play' });
    await sleep(300); // warm up, let the first evaluation and sweep pass
    counting = true;
    lastStep = -1;
    const t0 = performance.now();
    let k = 0;
    while (performance.now() - t0 < roundMs) {
      const p = k++ % 2 ? 0.25 : 0.35;
      send({ type: 'set', patch: { net: { dropoutP: p } } });
      pendingSets.push({ rev, at: performance.now() });
      await sleep(40 + Math.random() * 20);
    }
    counting = false;
    pendingSets.length = 0;
    const paused = next((m): m is Extract<WorkerEvent, { type: 'frame' }> => 'type' in m && m.type === 'frame' && !m.frame.playing);
    send({ type: 'pause' });
    await paused;
  }
  await bare();
  await w.terminate();
  if (errors.length) throw new Error(`stream bench: worker reported ${errors.join('; ')}`);

  const bareSps = bareRates.reduce((a, b) => a + b, 0) / bareRates.length;
  const streamSps = streamMs > 0 ? (streamSteps * 1000) / streamMs : 0;
  return {
    frame_ms_p95: quantile(buildMs, 0.95),
    frame_ms_median: quantile(buildMs, 0.5),
    set_to_frame_ms_p95: quantile(latency, 0.95),
    set_to_frame_ms_median: quantile(latency, 0.5),
    throughput_ratio: streamSps / bareSps,
    frames_per_second: (framesInRounds * 1000) / (rounds * roundMs),
    stream_steps_per_second: streamSps,
    bare_steps_per_second: bareSps,
    frames: buildMs.length,
    sets: latency.length,
  };
}

/** The three figures bench/bench.ts reports. */
export async function runStreamBench(): Promise<StreamBenchResult> {
  const d = await runStreamBenchDetailed();
  return { frame_ms_p95: d.frame_ms_p95, set_to_frame_ms_p95: d.set_to_frame_ms_p95, throughput_ratio: d.throughput_ratio };
}

/** `node scripts/run-ts.mjs bench/stream.ts`: prints the detail as one JSON line. */
export async function main(): Promise<number> {
  const d = await runStreamBenchDetailed();
  const r = (x: number) => Math.round(x * 1000) / 1000;
  console.log(JSON.stringify(Object.fromEntries(Object.entries(d).map(([k, v]) => [k, r(v)]))));
  return 0;
}
