// BatchNorm1d with PyTorch's semantics. Training: normalize each feature with the batch mean and the
// biased batch variance; move the running estimates by momentum, using the unbiased variance
// (·B/(B−1)). Inference: normalize with the running estimates. γ starts at 1, β at 0, running mean 0,
// running variance 1. The running update is held until the model calls commit(), so a step whose loss
// turns out non-finite leaves the statistics as they were.
// Readable float64 reference for what this file computes: src/engine/reference.ts (tests compare the two).
// Teaching switch `noise` (after Santurkar et al. 2018): in training-mode passes, each unit's output is
// multiplied by 1 + U(0, 0.2) and shifted by N(0, 0.1²), drawn once per unit per pass and shared by every
// row of the batch, so the next layer's input distribution moves at every step. Off in inference.
import { makeParam, grow, type ForwardMode, type Layer, type Param } from './types.ts';
import type { Rng } from '../rng.ts';
import { updateRunningStats } from './running-stats.ts';

/** The noise after BN: scale 1 + U(0, scaleMax), shift N(0, shiftStd²), per unit per training pass. */
export const BN_NOISE = { scaleMax: 0.2, shiftStd: 0.1 } as const;

export interface BatchNormConfig {
  eps: number;
  momentum: number;
  /** Teaching switch: inference (wrongly) normalizes with the batch's own statistics. */
  batchStatsAtInference: boolean;
  /** Teaching switch: noise after BN in training (see above); needs the layer's noise stream (setNoiseRng). */
  noise?: boolean;
}

interface Shared {
  gamma: Param;
  beta: Param;
  runningMean: Float32Array;
  runningVar: Float32Array;
  /** The training layer's last batch statistics (what 'lastBatch' passes normalize with). */
  lastMean: Float32Array;
  lastVar: Float32Array;
}

export class BatchNorm implements Layer {
  readonly type = 'batchnorm' as const;
  readonly inDim: number;
  readonly outDim: number;
  readonly params: Param[];
  readonly gamma: Param;
  readonly beta: Param;
  readonly runningMean: Float32Array;
  readonly runningVar: Float32Array;
  /** This layer's own settings (a twin gets a copy; Model.applyLive keeps twins in step). */
  readonly cfg: BatchNormConfig;
  /** Statistics of the last batch normalized with batch statistics (biased variance). */
  readonly batchMean: Float32Array;
  readonly batchVar: Float32Array;
  /** What a 'lastBatch' pass normalizes with: the training layer's batchMean/batchVar (a twin's too). */
  private readonly lastMean: Float32Array;
  private readonly lastVar: Float32Array;
  /** Whether the last forward used batch statistics (true) or the running ones (false). */
  usedBatchStats = false;
  /** Rows in the last forward. */
  rows = 0;
  out: Float32Array = new Float32Array(0);
  /** Normalized values x̂ of the last forward, B×F (before γ and β). */
  xhat: Float32Array = new Float32Array(0);
  private dIn: Float32Array = new Float32Array(0);
  private readonly inv: Float64Array;
  private readonly acc1: Float64Array;
  private readonly acc2: Float64Array;
  private readonly varD: Float64Array;
  private pending = false;
  private noiseRng: Rng | null = null;
  /** Per-unit noise of the last forward (scale, shift); `noisy` says whether it was applied. */
  readonly noiseScale: Float32Array;
  readonly noiseShift: Float32Array;
  noisy = false;
  private dScaled: Float32Array = new Float32Array(0);

  constructor(features: number, cfg: BatchNormConfig, shared?: Shared) {
    this.inDim = features;
    this.outDim = features;
    this.gamma = shared ? shared.gamma : makeParam('gamma', features, 1);
    this.beta = shared ? shared.beta : makeParam('beta', features);
    this.runningMean = shared ? shared.runningMean : new Float32Array(features);
    this.runningVar = shared ? shared.runningVar : new Float32Array(features).fill(1);
    this.cfg = { ...cfg };
    this.params = [this.gamma, this.beta];
    this.batchMean = new Float32Array(features);
    this.batchVar = new Float32Array(features);
    this.lastMean = shared ? shared.lastMean : this.batchMean;
    this.lastVar = shared ? shared.lastVar : this.batchVar;
    this.inv = new Float64Array(features);
    this.acc1 = new Float64Array(features);
    this.acc2 = new Float64Array(features);
    this.varD = new Float64Array(features);
    this.noiseScale = new Float32Array(features).fill(1);
    this.noiseShift = new Float32Array(features);
  }

  /** The stream the teaching noise is drawn from (none: the switch has no effect on this layer). */
  setNoiseRng(rng: Rng | null): void {
    this.noiseRng = rng;
  }

  ensureCapacity(B: number): void {
    this.out = grow(this.out, B * this.outDim);
    this.xhat = grow(this.xhat, B * this.outDim);
    this.dIn = grow(this.dIn, B * this.inDim);
    this.dScaled = grow(this.dScaled, B * this.inDim);
  }

  forward(x: Float32Array, B: number, mode: ForwardMode): Float32Array {
    this.ensureCapacity(B);
    this.rows = B;
    const F = this.inDim, eps = this.cfg.eps;
    const useBatch = mode.bn === 'thisBatch' || (mode.bn === 'running' && this.cfg.batchStatsAtInference);
    this.usedBatchStats = useBatch;
    const inv = this.inv, mean = this.acc1;
    if (useBatch) {
      // Two passes: mean, then mean of squared deviations (stable where E[x²] − E[x]² is not).
      mean.fill(0);
      for (let b = 0; b < B; b++) {
        const o = b * F;
        for (let j = 0; j < F; j++) mean[j] += x[o + j];
      }
      for (let j = 0; j < F; j++) mean[j] /= B;
      const v = this.varD;
      v.fill(0);
      for (let b = 0; b < B; b++) {
        const o = b * F;
        for (let j = 0; j < F; j++) {
          const dv = x[o + j] - mean[j];
          v[j] += dv * dv;
        }
      }
      for (let j = 0; j < F; j++) {
        v[j] /= B;
        this.batchMean[j] = mean[j];
        this.batchVar[j] = v[j];
        inv[j] = 1 / Math.sqrt(v[j] + eps);
      }
      this.pending = mode.updateRunning;
    } else {
      const last = mode.bn === 'lastBatch', m = last ? this.lastMean : this.runningMean, v = last ? this.lastVar : this.runningVar;
      for (let j = 0; j < F; j++) {
        mean[j] = m[j];
        inv[j] = 1 / Math.sqrt(v[j] + eps);
      }
      this.pending = false;
    }
    const g = this.gamma.value, be = this.beta.value, xh = this.xhat, y = this.out;
    for (let b = 0; b < B; b++) {
      const o = b * F;
      for (let j = 0; j < F; j++) {
        const h = (x[o + j] - mean[j]) * inv[j];
        xh[o + j] = h;
        y[o + j] = g[j] * h + be[j];
      }
    }
    this.noisy = !!this.cfg.noise && this.noiseRng !== null && mode.dropout === 'sample' && mode.bn === 'thisBatch';
    if (this.noisy) this.addNoise(y, B);
    return y;
  }

  private addNoise(y: Float32Array, B: number): void {
    const F = this.inDim, rng = this.noiseRng!, a = this.noiseScale, c = this.noiseShift;
    for (let j = 0; j < F; j++) {
      a[j] = 1 + BN_NOISE.scaleMax * rng.next();
      c[j] = BN_NOISE.shiftStd * rng.normal();
    }
    for (let b = 0; b < B; b++) {
      const o = b * F;
      for (let j = 0; j < F; j++) y[o + j] = a[j] * y[o + j] + c[j];
    }
  }

  /** Applies the running-statistics update of the last training forward (once). */
  commit(): void {
    if (!this.pending) return;
    this.pending = false;
    updateRunningStats(this.runningMean, this.runningVar, this.batchMean, this.varD, this.rows, this.cfg.momentum);
  }

  /** Drops a held running-statistics update (the step was refused or diverged). */
  discard(): void {
    this.pending = false;
  }

  backward(dOut: Float32Array, B: number, needDIn: boolean): Float32Array {
    if (this.noisy) {
      // y = a·(γx̂ + β) + c: the gradient reaching γx̂ + β is a times the one reaching y.
      const F = this.inDim, a = this.noiseScale, d = this.dScaled;
      for (let b = 0; b < B; b++) for (let j = 0; j < F; j++) d[b * F + j] = dOut[b * F + j] * a[j];
      dOut = d;
    }
    const F = this.inDim, xh = this.xhat, g = this.gamma.value;
    const dG = this.gamma.grad, dB = this.beta.grad, inv = this.inv;
    const sumD = this.acc1, sumDX = this.acc2;
    sumD.fill(0);
    sumDX.fill(0);
    for (let b = 0; b < B; b++) {
      const o = b * F;
      for (let j = 0; j < F; j++) {
        const d = dOut[o + j];
        sumD[j] += d;
        sumDX[j] += d * xh[o + j];
      }
    }
    for (let j = 0; j < F; j++) {
      dB[j] = sumD[j];
      dG[j] = sumDX[j];
    }
    if (!needDIn) return this.dIn;
    const dIn = this.dIn;
    if (this.usedBatchStats) {
      // ∂L/∂X = inv/n · (n·d − Σd − x̂·Σ(d·x̂)) with d = g·γ; the Σ over d are γ times the sums above.
      for (let b = 0; b < B; b++) {
        const o = b * F;
        for (let j = 0; j < F; j++) {
          dIn[o + j] = (inv[j] / B) * g[j] * (B * dOut[o + j] - sumD[j] - xh[o + j] * sumDX[j]);
        }
      }
    } else {
      for (let b = 0; b < B; b++) {
        const o = b * F;
        for (let j = 0; j < F; j++) dIn[o + j] = dOut[o + j] * g[j] * inv[j];
      }
    }
    return dIn;
  }

  twin(): BatchNorm {
    return new BatchNorm(this.inDim, this.cfg, {
      gamma: this.gamma,
      beta: this.beta,
      runningMean: this.runningMean,
      runningVar: this.runningVar,
      lastMean: this.lastMean,
      lastVar: this.lastVar,
    });
  }
}
