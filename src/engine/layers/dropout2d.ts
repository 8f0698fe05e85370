// Dropout2d (channel dropout, PyTorch's nn.Dropout2d): in training each sample's feature map c is kept
// or dropped whole, with one keep-mask bit per (sample, channel); kept maps are divided by 1 − p
// (inverted scaling; classic scaling and its teaching switch behave as in element dropout).
// Inference: the identity (inverted) or × (1 − p) (classic).
// Readable float64 reference for what this file computes: src/engine/reference-conv.ts (tests compare the two).
import { grow, type ForwardMode, type Layer } from './types.ts';
import { keepThreshold, type DropoutConfig } from './dropout.ts';
import type { ImageShape } from '../spec.ts';
import type { Rng } from '../rng.ts';

export class Dropout2d implements Layer {
  readonly type = 'dropout2d' as const;
  readonly params = [];
  readonly inDim: number;
  readonly outDim: number;
  readonly shape: ImageShape;
  /** This layer's own settings (a twin gets a copy; Model.applyLive keeps twins in step). */
  readonly cfg: DropoutConfig;
  out: Float32Array = new Float32Array(0);
  /** Keep-mask of the last sampled forward, B×C (1 kept, 0 dropped). */
  mask = new Uint8Array(0);
  maskActive = false;
  rows = 0;
  /** A B×C mask to use instead of sampling, once (parity fixtures give the masks). */
  nextMask: ArrayLike<number> | null = null;
  private dIn: Float32Array = new Float32Array(0);
  private scale = 1;
  private rng: Rng;

  constructor(shape: ImageShape, cfg: DropoutConfig, rng: Rng) {
    this.shape = shape;
    this.inDim = shape.c * shape.h * shape.w;
    this.outDim = this.inDim;
    this.cfg = { ...cfg };
    this.rng = rng;
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
    const m = B * this.shape.c;
    if (this.mask.length < m) this.mask = new Uint8Array(Math.max(m, this.mask.length * 2));
  }

  trainScale(): number {
    return this.cfg.scaling === 'inverted' ? Math.fround(1 / (1 - this.cfg.p)) : 1;
  }

  inferenceScale(): number {
    return this.cfg.scaling === 'classic' && !this.cfg.forgetScaling ? 1 - this.cfg.p : 1;
  }

  forward(x: Float32Array, B: number, mode: ForwardMode): Float32Array {
    this.ensureCapacity(B);
    this.rows = B;
    const C = this.shape.c, HW = this.shape.h * this.shape.w, m = this.mask, y = this.out;
    if (mode.dropout === 'off') {
      this.maskActive = false;
      const s = this.inferenceScale();
      for (let i = 0; i < B * this.inDim; i++) y[i] = x[i] * s;
      return y;
    }
    this.maskActive = true;
    this.scale = this.trainScale();
    const given = this.nextMask;
    if (given) {
      this.nextMask = null;
      for (let i = 0; i < B * C; i++) m[i] = given[i] ? 1 : 0;
    } else {
      const thr = keepThreshold(this.p);
      for (let i = 0; i < B * C; i++) m[i] = this.p === 0 || this.rng.u32() >= thr ? 1 : 0;
    }
    applyChannelMask(x, m, y, B * C, HW, this.scale);
    return y;
  }

  backward(dOut: Float32Array, B: number, _needDIn: boolean): Float32Array {
    applyChannelMask(dOut, this.mask, this.dIn, B * this.shape.c, this.shape.h * this.shape.w, this.scale);
    return this.dIn;
  }

  twin(): Dropout2d {
    return new Dropout2d(this.shape, this.cfg, this.rng);
  }
}

/** out = in · mask[map] · s for each of the n maps of HW values; + 0 turns −0 into +0. */
function applyChannelMask(src: Float32Array, m: Uint8Array, out: Float32Array, n: number, HW: number, s: number): void {
  for (let k = 0; k < n; k++) {
    const f = m[k] * s, o = k * HW;
    for (let q = 0; q < HW; q++) out[o + q] = src[o + q] * f + 0;
  }
}
