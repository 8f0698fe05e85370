// Dropout. p is the probability of dropping a unit; each unit is kept with probability 1 − p.
// Inverted (PyTorch, Keras): kept values are divided by 1 − p in training; inference is the identity.
// Classic (Srivastava et al. 2014): training keeps values as they are; inference multiplies by 1 − p.
// The teaching flag `forgetScaling` evaluates classic dropout without that multiplication — the bug the
// lab demonstrates (inference activations 1/(1 − p) too large).
import { grow, type ForwardMode, type Layer } from './types.ts';
import type { DropoutScaling } from '../spec.ts';
import type { Rng } from '../rng.ts';

export interface DropoutConfig {
  p: number;
  scaling: DropoutScaling;
  forgetScaling: boolean;
}

export class Dropout implements Layer {
  readonly type = 'dropout' as const;
  readonly params = [];
  readonly inDim: number;
  readonly outDim: number;
  out: Float32Array = new Float32Array(0);
  /** Keep-mask of the last forward that sampled one (1 kept, 0 dropped), B×width. */
  mask = new Uint8Array(0);
  /** Whether `mask` describes the last forward (false after an inference-mode pass). */
  maskActive = false;
  /** Rows in the last forward. */
  rows = 0;
  /** A mask to use instead of sampling, once (parity fixtures give the masks). */
  nextMask: ArrayLike<number> | null = null;
  private dIn: Float32Array = new Float32Array(0);
  private scale = 1;

  /** Settings shared with this layer's twins, so a live change of p reaches every view. */
  readonly cfg: DropoutConfig;

  private rng: Rng;

  constructor(width: number, cfg: DropoutConfig, rng: Rng) {
    this.rng = rng;
    this.inDim = width;
    this.outDim = width;
    this.cfg = cfg;
  }

  get p(): number {
    return this.cfg.p;
  }

  setRng(rng: Rng): void {
    this.rng = rng;
  }

  ensureCapacity(B: number): void {
    this.out = grow(this.out, B * this.outDim);
    this.dIn = grow(this.dIn, B * this.inDim);
    if (this.mask.length < B * this.inDim) this.mask = new Uint8Array(Math.max(B * this.inDim, this.mask.length * 2));
  }

  /** Scale applied to kept units in training: 1/(1 − p) rounded to float32 (as PyTorch), or 1 for classic. */
  trainScale(): number {
    return this.cfg.scaling === 'inverted' ? Math.fround(1 / (1 - this.cfg.p)) : 1;
  }

  /** Factor applied at inference: 1 for inverted, 1 − p for classic (unless the scaling is "forgotten"). */
  inferenceScale(): number {
    return this.cfg.scaling === 'classic' && !this.cfg.forgetScaling ? 1 - this.cfg.p : 1;
  }

  forward(x: Float32Array, B: number, mode: ForwardMode): Float32Array {
    this.ensureCapacity(B);
    this.rows = B;
    const n = B * this.inDim, y = this.out, m = this.mask;
    if (mode.dropout === 'off') {
      this.maskActive = false;
      const s = this.inferenceScale();
      if (s === 1) y.set(x.subarray(0, n));
      else for (let i = 0; i < n; i++) y[i] = x[i] * s;
      return y;
    }
    this.maskActive = true;
    const s = this.trainScale();
    this.scale = s;
    const given = this.nextMask;
    if (given) {
      this.nextMask = null;
      for (let i = 0; i < n; i++) m[i] = given[i] ? 1 : 0;
    } else if (this.p === 0) {
      m.fill(1, 0, n);
    } else {
      // keep ⇔ u ≥ p, with u uniform on 32 bits: P(keep) = 1 − p.
      const thr = Math.ceil(this.p * 4294967296);
      const rng = this.rng;
      for (let i = 0; i < n; i++) m[i] = rng.u32() >= thr ? 1 : 0;
    }
    for (let i = 0; i < n; i++) y[i] = m[i] ? x[i] * s : 0;
    return y;
  }

  backward(dOut: Float32Array, B: number, _needDIn: boolean): Float32Array {
    const n = B * this.inDim, d = this.dIn, m = this.mask, s = this.scale;
    for (let i = 0; i < n; i++) d[i] = m[i] ? dOut[i] * s : 0;
    return d;
  }

  twin(): Dropout {
    return new Dropout(this.inDim, this.cfg, this.rng);
  }
}
