// LayerNorm: each row (one sample) normalized over its own features, the same in training and
// inference — so it works at batch size one, where BatchNorm cannot.
// Readable float64 reference for what this file computes: src/engine/reference.ts (tests compare the two).
import { makeParam, grow, type ForwardMode, type Layer, type Param } from './types.ts';

export interface LayerNormConfig {
  eps: number;
}

export class LayerNorm implements Layer {
  readonly type = 'layernorm' as const;
  readonly inDim: number;
  readonly outDim: number;
  readonly params: Param[];
  readonly gamma: Param;
  readonly beta: Param;
  /** This layer's own settings (a twin gets a copy; Model.applyLive keeps twins in step). */
  readonly cfg: LayerNormConfig;
  rows = 0;
  out: Float32Array = new Float32Array(0);
  xhat: Float32Array = new Float32Array(0);
  private inv = new Float64Array(0);
  private dIn: Float32Array = new Float32Array(0);

  constructor(features: number, cfg: LayerNormConfig, shared?: { gamma: Param; beta: Param }) {
    this.inDim = features;
    this.outDim = features;
    this.gamma = shared ? shared.gamma : makeParam('gamma', features, 1);
    this.beta = shared ? shared.beta : makeParam('beta', features);
    this.cfg = { ...cfg };
    this.params = [this.gamma, this.beta];
  }

  ensureCapacity(B: number): void {
    this.out = grow(this.out, B * this.outDim);
    this.xhat = grow(this.xhat, B * this.outDim);
    this.dIn = grow(this.dIn, B * this.inDim);
    if (this.inv.length < B) this.inv = new Float64Array(Math.max(B, this.inv.length * 2));
  }

  forward(x: Float32Array, B: number, _mode: ForwardMode): Float32Array {
    this.ensureCapacity(B);
    this.rows = B;
    const F = this.inDim, eps = this.cfg.eps, g = this.gamma.value, be = this.beta.value;
    const xh = this.xhat, y = this.out;
    for (let b = 0; b < B; b++) {
      const o = b * F;
      let m = 0;
      for (let j = 0; j < F; j++) m += x[o + j];
      m /= F;
      let v = 0;
      for (let j = 0; j < F; j++) {
        const d = x[o + j] - m;
        v += d * d;
      }
      v /= F;
      const inv = 1 / Math.sqrt(v + eps);
      this.inv[b] = inv;
      for (let j = 0; j < F; j++) {
        const h = (x[o + j] - m) * inv;
        xh[o + j] = h;
        y[o + j] = g[j] * h + be[j];
      }
    }
    return y;
  }

  backward(dOut: Float32Array, B: number, needDIn: boolean): Float32Array {
    const F = this.inDim, xh = this.xhat, g = this.gamma.value;
    const dG = this.gamma.grad, dB = this.beta.grad, dIn = this.dIn;
    dG.fill(0);
    dB.fill(0);
    for (let b = 0; b < B; b++) {
      const o = b * F;
      let sumD = 0, sumDX = 0;
      for (let j = 0; j < F; j++) {
        const go = dOut[o + j];
        dG[j] += go * xh[o + j];
        dB[j] += go;
        const d = go * g[j];
        sumD += d;
        sumDX += d * xh[o + j];
      }
      if (!needDIn) continue;
      const k = this.inv[b] / F;
      for (let j = 0; j < F; j++) dIn[o + j] = k * (F * dOut[o + j] * g[j] - sumD - xh[o + j] * sumDX);
    }
    return dIn;
  }

  twin(): LayerNorm {
    return new LayerNorm(this.inDim, this.cfg, { gamma: this.gamma, beta: this.beta });
  }
}
