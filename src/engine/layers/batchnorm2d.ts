// BatchNorm2d with PyTorch's semantics: each channel is normalized over its n = B·H·W values (all
// samples, all positions), with the biased variance; the running variance moves with the unbiased one
// (·n/(n − 1)). So one sample with maps larger than 1×1 trains; only n = 1 is refused (by the model,
// before anything changes). Inference uses the running estimates. As in BatchNorm1d, the running update
// waits for commit(), so a diverged step leaves the statistics alone.
// Teaching switch `noise` (E10, as in BatchNorm1d): in training passes each channel's output is multiplied
// by 1 + U(0, 0.2) and shifted by N(0, 0.1²), drawn once per channel per pass and shared by every sample
// and position, so the next layer's input distribution moves at every step. Off in inference.
// Readable float64 reference for what this file computes: src/engine/reference-conv.ts (tests compare the two).
import { makeParam, grow, type ForwardMode, type Layer, type Param } from './types.ts';
import { BN_NOISE, type BatchNormConfig } from './batchnorm.ts';
import type { Rng } from '../rng.ts';
import type { ImageShape } from '../spec.ts';
import { updateRunningStats } from './running-stats.ts';

interface Shared {
  gamma: Param;
  beta: Param;
  runningMean: Float32Array;
  runningVar: Float32Array;
  /** The training layer's last batch statistics (what 'lastBatch' passes normalize with). */
  lastMean: Float32Array;
  lastVar: Float32Array;
}

export class BatchNorm2d implements Layer {
  readonly type = 'batchnorm2d' as const;
  readonly inDim: number;
  readonly outDim: number;
  readonly params: Param[];
  readonly gamma: Param;
  readonly beta: Param;
  readonly runningMean: Float32Array;
  readonly runningVar: Float32Array;
  /** This layer's own settings (a twin gets a copy; Model.applyLive keeps twins in step). */
  readonly cfg: BatchNormConfig;
  readonly shape: ImageShape;
  /** Per channel: the last batch's mean and biased variance (when batch statistics were used). */
  readonly batchMean: Float32Array;
  readonly batchVar: Float32Array;
  /** What a 'lastBatch' pass normalizes with: the training layer's batchMean/batchVar (a twin's too). */
  private readonly lastMean: Float32Array;
  private readonly lastVar: Float32Array;
  usedBatchStats = false;
  /** Samples in the last forward. */
  rows = 0;
  out: Float32Array = new Float32Array(0);
  xhat: Float32Array = new Float32Array(0);
  private dIn: Float32Array = new Float32Array(0);
  private readonly inv: Float64Array;
  private readonly mean: Float64Array;
  private readonly varD: Float64Array;
  private readonly sumD: Float64Array;
  private readonly sumDX: Float64Array;
  private pending = false;
  private noiseRng: Rng | null = null;
  /** Per-channel noise of the last forward (scale, shift); `noisy` says whether it was applied. */
  readonly noiseScale: Float32Array;
  readonly noiseShift: Float32Array;
  noisy = false;
  private dScaled: Float32Array = new Float32Array(0);

  constructor(shape: ImageShape, cfg: BatchNormConfig, shared?: Shared) {
    const C = shape.c;
    this.shape = shape;
    this.inDim = C * shape.h * shape.w;
    this.outDim = this.inDim;
    this.gamma = shared ? shared.gamma : makeParam('gamma', C, 1);
    this.beta = shared ? shared.beta : makeParam('beta', C);
    this.runningMean = shared ? shared.runningMean : new Float32Array(C);
    this.runningVar = shared ? shared.runningVar : new Float32Array(C).fill(1);
    this.cfg = { ...cfg };
    this.params = [this.gamma, this.beta];
    this.batchMean = new Float32Array(C);
    this.batchVar = new Float32Array(C);
    this.lastMean = shared ? shared.lastMean : this.batchMean;
    this.lastVar = shared ? shared.lastVar : this.batchVar;
    this.inv = new Float64Array(C);
    this.mean = new Float64Array(C);
    this.varD = new Float64Array(C);
    this.sumD = new Float64Array(C);
    this.sumDX = new Float64Array(C);
    this.noiseScale = new Float32Array(C).fill(1);
    this.noiseShift = new Float32Array(C);
  }

  /** The stream the teaching noise is drawn from (none: the switch has no effect on this layer). */
  setNoiseRng(rng: Rng): void {
    this.noiseRng = rng;
  }

  /** Values each channel's statistics are taken over, for a batch of B samples: B·H·W. */
  count(B: number): number {
    return B * this.shape.h * this.shape.w;
  }

  ensureCapacity(B: number): void {
    this.out = grow(this.out, B * this.outDim);
    this.xhat = grow(this.xhat, B * this.outDim);
    this.dIn = grow(this.dIn, B * this.inDim);
    this.dScaled = grow(this.dScaled, B * this.outDim);
  }

  forward(x: Float32Array, B: number, mode: ForwardMode): Float32Array {
    this.ensureCapacity(B);
    this.rows = B;
    const C = this.shape.c, HW = this.shape.h * this.shape.w, n = B * HW, eps = this.cfg.eps;
    const useBatch = mode.bn === 'thisBatch' || (mode.bn === 'running' && this.cfg.batchStatsAtInference);
    this.usedBatchStats = useBatch;
    const mean = this.mean, inv = this.inv;
    if (useBatch) {
      channelMoments(x, B, C, HW, mean, this.varD);
      for (let c = 0; c < C; c++) {
        this.varD[c] /= n;
        this.batchMean[c] = mean[c];
        this.batchVar[c] = this.varD[c];
        inv[c] = 1 / Math.sqrt(this.varD[c] + eps);
      }
      this.pending = mode.updateRunning;
    } else {
      const last = mode.bn === 'lastBatch', m = last ? this.lastMean : this.runningMean, v = last ? this.lastVar : this.runningVar;
      for (let c = 0; c < C; c++) {
        mean[c] = m[c];
        inv[c] = 1 / Math.sqrt(v[c] + eps);
      }
      this.pending = false;
    }
    normalize(x, B, C, HW, mean, inv, this.gamma.value, this.beta.value, this.xhat, this.out);
    this.noisy = !!this.cfg.noise && this.noiseRng !== null && mode.dropout === 'sample' && mode.bn === 'thisBatch';
    if (this.noisy) this.addNoise(this.out, B);
    return this.out;
  }

  private addNoise(y: Float32Array, B: number): void {
    const C = this.shape.c, HW = this.shape.h * this.shape.w, rng = this.noiseRng!, a = this.noiseScale, s = this.noiseShift;
    for (let c = 0; c < C; c++) {
      a[c] = 1 + BN_NOISE.scaleMax * rng.next();
      s[c] = BN_NOISE.shiftStd * rng.normal();
    }
    for (let b = 0; b < B; b++) {
      for (let c = 0; c < C; c++) {
        const o = (b * C + c) * HW, ac = a[c], sc = s[c];
        for (let q = 0; q < HW; q++) y[o + q] = ac * y[o + q] + sc;
      }
    }
  }

  commit(): void {
    if (!this.pending) return;
    this.pending = false;
    updateRunningStats(this.runningMean, this.runningVar, this.mean, this.varD, this.count(this.rows), this.cfg.momentum);
  }

  discard(): void {
    this.pending = false;
  }

  backward(dOut: Float32Array, B: number, needDIn: boolean): Float32Array {
    const C = this.shape.c, HW = this.shape.h * this.shape.w;
    if (this.noisy) {
      // y = a·(γx̂ + β) + s: the gradient reaching γx̂ + β is a times the one reaching y.
      const a = this.noiseScale, d = this.dScaled;
      for (let b = 0; b < B; b++) {
        for (let c = 0; c < C; c++) {
          const o = (b * C + c) * HW, ac = a[c];
          for (let q = 0; q < HW; q++) d[o + q] = dOut[o + q] * ac;
        }
      }
      dOut = d;
    }
    channelSums(dOut, this.xhat, B, C, HW, this.sumD, this.sumDX);
    for (let c = 0; c < C; c++) {
      this.beta.grad[c] = this.sumD[c];
      this.gamma.grad[c] = this.sumDX[c];
    }
    if (!needDIn) return this.dIn;
    inputGrad(dOut, this.xhat, B, C, HW, this.usedBatchStats, this.gamma.value, this.inv, this.sumD, this.sumDX, this.dIn);
    return this.dIn;
  }

  twin(): BatchNorm2d {
    return new BatchNorm2d(this.shape, this.cfg, {
      gamma: this.gamma,
      beta: this.beta,
      runningMean: this.runningMean,
      runningVar: this.runningVar,
      lastMean: this.lastMean,
      lastVar: this.lastVar,
    });
  }
}

/** Per channel: the mean, then the sum of squared deviations (two passes), over B·HW values. */
function channelMoments(x: Float32Array, B: number, C: number, HW: number, mean: Float64Array, ss: Float64Array): void {
  const n = B * HW;
  for (let c = 0; c < C; c++) {
    let s = 0;
    for (let b = 0; b < B; b++) {
      const o = (b * C + c) * HW;
      for (let q = 0; q < HW; q++) s += x[o + q];
    }
    const mu = s / n;
    let v = 0;
    for (let b = 0; b < B; b++) {
      const o = (b * C + c) * HW;
      for (let q = 0; q < HW; q++) {
        const d = x[o + q] - mu;
        v += d * d;
      }
    }
    mean[c] = mu;
    ss[c] = v;
  }
}

function normalize(
  x: Float32Array, B: number, C: number, HW: number, mean: Float64Array, inv: Float64Array,
  g: Float32Array, be: Float32Array, xh: Float32Array, y: Float32Array,
): void {
  for (let b = 0; b < B; b++) {
    for (let c = 0; c < C; c++) {
      const o = (b * C + c) * HW, mu = mean[c], iv = inv[c], gc = g[c], bc = be[c];
      for (let q = 0; q < HW; q++) {
        const h = (x[o + q] - mu) * iv;
        xh[o + q] = h;
        y[o + q] = gc * h + bc;
      }
    }
  }
}

function channelSums(d: Float32Array, xh: Float32Array, B: number, C: number, HW: number, sumD: Float64Array, sumDX: Float64Array): void {
  for (let c = 0; c < C; c++) {
    let s = 0, sx = 0;
    for (let b = 0; b < B; b++) {
      const o = (b * C + c) * HW;
      for (let q = 0; q < HW; q++) {
        s += d[o + q];
        sx += d[o + q] * xh[o + q];
      }
    }
    sumD[c] = s;
    sumDX[c] = sx;
  }
}

/** ∂L/∂X = inv/n · γ · (n·g − Σg − x̂·Σ(g·x̂)) with batch statistics; g·γ·inv with running ones. */
function inputGrad(
  d: Float32Array, xh: Float32Array, B: number, C: number, HW: number, batch: boolean,
  g: Float32Array, inv: Float64Array, sumD: Float64Array, sumDX: Float64Array, dIn: Float32Array,
): void {
  const n = B * HW;
  for (let b = 0; b < B; b++) {
    for (let c = 0; c < C; c++) {
      const o = (b * C + c) * HW, k = g[c] * inv[c];
      if (batch) {
        const s = sumD[c], sx = sumDX[c], kn = k / n;
        for (let q = 0; q < HW; q++) dIn[o + q] = kn * (n * d[o + q] - s - xh[o + q] * sx);
      } else {
        for (let q = 0; q < HW; q++) dIn[o + q] = d[o + q] * k;
      }
    }
  }
}
