// What the network says about its input space: a decision grid (2-D), a predicted curve with a
// Monte-Carlo dropout band (1-D), or digit predictions and a confusion matrix. The expensive pictures
// are computed a slice at a time: while training at full speed a frame spends only a small budget on
// them, and a full sweep spreads over a few frames; when idle a frame computes them whole.
import type { ViewMode } from '../protocol/config.ts';
import type { CurveOutput, DigitsOutput, GridOutput, OutputFrame } from '../protocol/frame.ts';
import { EVAL_MODE, LAST_BATCH_MODE, MC_MODE } from '../engine/layers/types.ts';
import type { Model } from '../engine/model.ts';
import type { Run } from './run.ts';
import { chooseRows } from './run-setup.ts';
import { SharedMask } from './views.ts';
import { NoPictureJob } from './custom-output.ts';
import { hasPicture } from '../protocol/custom-data.ts';

export interface ViewContext {
  mode: ViewMode;
  /** Changes with anything that can change a picture, training steps included. */
  version: number;
  /** Changes with settings, mode and weights edits, but not with training steps. */
  settings: number;
  /** Host time after which to stop (Infinity: finish everything). */
  deadline: number;
  now(): number;
}

export interface OutputJob {
  advance(ctx: ViewContext): void;
  /** Whether more frames are needed to bring the picture up to date. */
  needsWork(ctx: ViewContext): boolean;
  snapshot(ctx: ViewContext): OutputFrame;
}

const GRID_CHUNK = 256;
export const CURVE_POINTS = 128;
export const DIGIT_SAMPLES = 20;

function viewNet(run: Run, mode: ViewMode): Model {
  return mode === 'training' ? run.viewNet : run.evalNet;
}

export class GridJob implements OutputJob {
  readonly size: number;
  private readonly n: number;
  private readonly pts: Float32Array;
  private readonly prob: Float32Array;
  private readonly cls: Uint8Array;
  private readonly mask: SharedMask;
  private readonly run: Run;
  private cursor: number;
  private sweepVersion = -1;
  private sweepSettings = -1;
  private doneSettings = -1;
  private sweepMode: ViewMode = 'inference';

  constructor(run: Run, size: number) {
    this.run = run;
    this.size = size;
    const n = (this.n = size * size);
    const d = run.dataset.domain ?? { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
    this.pts = new Float32Array(n * 2);
    for (let r = 0; r < size; r++) {
      for (let c = 0; c < size; c++) {
        const k = (r * size + c) * 2;
        this.pts[k] = d.xMin + ((c + 0.5) / size) * (d.xMax - d.xMin);
        this.pts[k + 1] = d.yMax - ((r + 0.5) / size) * (d.yMax - d.yMin);
      }
    }
    this.prob = new Float32Array(n);
    this.cls = new Uint8Array(n);
    this.mask = new SharedMask(run.viewNet, GRID_CHUNK);
    this.cursor = n;
  }

  private startSweep(ctx: ViewContext): void {
    this.cursor = 0;
    this.sweepVersion = ctx.version;
    this.sweepSettings = ctx.settings;
    this.sweepMode = ctx.mode;
    if (ctx.mode === 'training') this.mask.resample(this.run.viewRng);
  }

  needsWork(ctx: ViewContext): boolean {
    return this.cursor < this.n || this.sweepVersion !== ctx.version || this.sweepMode !== ctx.mode;
  }

  advance(ctx: ViewContext): void {
    // A mode switch restarts at once; other changes wait for the sweep in progress to finish.
    if (ctx.mode !== this.sweepMode || (this.cursor >= this.n && this.sweepVersion !== ctx.version)) this.startSweep(ctx);
    const net = viewNet(this.run, ctx.mode), training = ctx.mode === 'training';
    const C = net.outDim;
    while (this.cursor < this.n) {
      const o = this.cursor, B = Math.min(GRID_CHUNK, this.n - o);
      if (training) this.mask.arm();
      const z = net.forward(this.pts.subarray(o * 2, (o + B) * 2), B, training ? LAST_BATCH_MODE : EVAL_MODE);
      for (let b = 0; b < B; b++) {
        const r = b * C;
        let best = 0;
        for (let c = 1; c < C; c++) if (z[r + c] > z[r + best]) best = c;
        let s = 0;
        for (let c = 0; c < C; c++) s += Math.exp(z[r + c] - z[r + best]);
        this.cls[o + b] = best;
        this.prob[o + b] = C === 2 ? Math.exp(z[r + 1] - z[r + best]) / s : 1 / s;
      }
      this.cursor = o + B;
      if (this.cursor >= this.n) this.doneSettings = this.sweepSettings;
      if (ctx.now() >= ctx.deadline) break;
    }
  }

  snapshot(ctx: ViewContext): GridOutput {
    const complete = this.doneSettings === ctx.settings && this.sweepSettings === ctx.settings && this.sweepMode === ctx.mode;
    return { kind: 'grid', size: this.size, prob: this.prob.slice(), cls: this.cls.slice(), complete };
  }
}

export class CurveJob implements OutputJob {
  private readonly xs: Float32Array;
  private readonly ys: Float32Array;
  private ysVersion = -1;
  private ysMode: ViewMode = 'inference';
  private readonly mask: SharedMask;
  private readonly sum: Float64Array;
  private readonly sq: Float64Array;
  private passes = 0;
  private mcVersion = -1;
  private readonly mcMean: Float32Array;
  private readonly mcStd: Float32Array;
  private published = 0;
  private readonly run: Run;
  private readonly samples: () => number;

  constructor(run: Run, samples: () => number) {
    this.run = run;
    this.samples = samples;
    const d = run.dataset.domain ?? { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
    const N = CURVE_POINTS;
    this.xs = new Float32Array(N);
    for (let i = 0; i < N; i++) this.xs[i] = d.xMin + (i / (N - 1)) * (d.xMax - d.xMin);
    this.ys = new Float32Array(N);
    this.mask = new SharedMask(run.viewNet, N);
    this.sum = new Float64Array(N);
    this.sq = new Float64Array(N);
    this.mcMean = new Float32Array(N);
    this.mcStd = new Float32Array(N);
  }

  needsWork(ctx: ViewContext): boolean {
    return this.ysVersion !== ctx.version || this.ysMode !== ctx.mode || this.passes < this.samples() || this.mcVersion !== ctx.version;
  }

  advance(ctx: ViewContext): void {
    const N = CURVE_POINTS, K = this.samples();
    if (this.ysVersion !== ctx.version || this.ysMode !== ctx.mode) {
      const training = ctx.mode === 'training';
      if (training) {
        this.mask.resample(this.run.viewRng);
        this.mask.arm();
      }
      const z = viewNet(this.run, ctx.mode).forward(this.xs, N, training ? LAST_BATCH_MODE : EVAL_MODE);
      this.ys.set(z.subarray(0, N));
      this.ysVersion = ctx.version;
      this.ysMode = ctx.mode;
    }
    if (this.passes >= K && this.mcVersion !== ctx.version) {
      this.passes = 0;
      this.sum.fill(0);
      this.sq.fill(0);
      this.mcVersion = ctx.version;
    }
    while (this.passes < K) {
      const z = this.run.evalNet.forward(this.xs, N, MC_MODE);
      for (let i = 0; i < N; i++) {
        this.sum[i] += z[i];
        this.sq[i] += z[i] * z[i];
      }
      this.passes++;
      if (this.passes >= K) {
        for (let i = 0; i < N; i++) {
          const m = this.sum[i] / K;
          this.mcMean[i] = m;
          this.mcStd[i] = Math.sqrt(Math.max(0, this.sq[i] / K - m * m));
        }
        this.published = K;
      }
      if (ctx.now() >= ctx.deadline) break;
    }
  }

  snapshot(): CurveOutput {
    return { kind: 'curve', xs: this.xs.slice(), ys: this.ys.slice(), mcMean: this.mcMean.slice(), mcStd: this.mcStd.slice(), mcSamples: this.published };
  }
}

export class DigitsJob implements OutputJob {
  private readonly rows: number[];
  private readonly x: Float32Array;
  private readonly images: Float32Array;
  private readonly labels: Uint8Array;
  private readonly predicted: Uint8Array;
  private readonly confidence: Float32Array;
  private version = -1;
  private mode: ViewMode = 'inference';
  private readonly run: Run;

  constructor(run: Run) {
    this.run = run;
    const d = run.dataset, D = d.inputDim;
    this.rows = chooseRows(d.test, d.classes, DIGIT_SAMPLES);
    const n = this.rows.length;
    this.x = new Float32Array(n * D);
    this.images = new Float32Array(n * D);
    this.labels = new Uint8Array(n);
    this.rows.forEach((r, i) => {
      this.x.set(d.test.x.subarray(r * D, (r + 1) * D), i * D);
      const raw = d.images?.test;
      for (let j = 0; j < D; j++) this.images[i * D + j] = raw ? raw[r * D + j] : d.test.x[r * D + j];
      this.labels[i] = d.test.y[r];
    });
    this.predicted = new Uint8Array(n);
    this.confidence = new Float32Array(n);
  }

  needsWork(ctx: ViewContext): boolean {
    return this.version !== ctx.version || this.mode !== ctx.mode;
  }

  advance(ctx: ViewContext): void {
    if (!this.needsWork(ctx)) return;
    const n = this.rows.length, training = ctx.mode === 'training';
    const net = viewNet(this.run, ctx.mode), C = net.outDim;
    const z = net.forward(this.x, n, training ? LAST_BATCH_MODE : EVAL_MODE);
    for (let b = 0; b < n; b++) {
      let best = 0;
      for (let c = 1; c < C; c++) if (z[b * C + c] > z[b * C + best]) best = c;
      let s = 0;
      for (let c = 0; c < C; c++) s += Math.exp(z[b * C + c] - z[b * C + best]);
      this.predicted[b] = best;
      this.confidence[b] = 1 / s;
    }
    this.version = ctx.version;
    this.mode = ctx.mode;
  }

  snapshot(): DigitsOutput {
    const C = this.run.dataset.classes;
    return {
      kind: 'digits',
      confusion: this.run.confusion ? this.run.confusion.slice() : new Uint32Array(C * C),
      images: this.images.slice(),
      labels: this.labels.slice(),
      predicted: this.predicted.slice(),
      confidence: this.confidence.slice(),
    };
  }
}

export function createOutputJob(run: Run, gridSize: number, mcSamples: () => number): OutputJob {
  const d = run.dataset;
  if (d.name === 'custom' && !hasPicture(d)) return new NoPictureJob(run);
  if (d.inputDim === 2 && d.kind === 'classification') return new GridJob(run, gridSize);
  if (d.inputDim === 1) return new CurveJob(run, mcSamples);
  return new DigitsJob(run);
}
