// Dropout. p is the probability of dropping a unit; each unit is kept with probability 1 − p.
// Inverted (PyTorch, Keras): kept values are divided by 1 − p in training; inference is the identity.
// Classic (Srivastava et al. 2014): training keeps values as they are; inference multiplies by 1 − p.
// The teaching flag `forgetScaling` evaluates classic dropout without that multiplication — the bug the
// lab demonstrates (inference activations 1/(1 − p) too large).
// Readable float64 reference for what this file computes: src/engine/reference.ts (tests compare the two).
import { grow, type ForwardMode, type Layer } from './types.ts';
import type { DropoutScaling } from '../spec.ts';
import { Sfc32, type Rng } from '../rng.ts';

/**
 * The keep rule of every dropout mask in the lab (element and channel dropout, the views' shared
 * masks): a unit is kept ⇔ u ≥ keepThreshold(p) for u uniform on 32 bits, so P(keep) = 1 − p exactly
 * up to 2⁻³², and p = 0 keeps everything.
 */
export function keepThreshold(p: number): number {
  return Math.ceil(p * 4294967296);
}

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

  /** This layer's own settings (a twin gets a copy; Model.applyLive keeps twins in step). */
  readonly cfg: DropoutConfig;

  private rng: Rng;

  constructor(width: number, cfg: DropoutConfig, rng: Rng) {
    this.rng = rng;
    this.inDim = width;
    this.outDim = width;
    this.cfg = { ...cfg };
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
      scaleInto(x, y, n, s);
      return y;
    }
    this.maskActive = true;
    const s = this.trainScale();
    this.scale = s;
    const given = this.nextMask;
    if (given) {
      this.nextMask = null;
      copyMask(given, m, n);
    } else if (this.p === 0) {
      m.fill(1, 0, n);
    } else {
      const r = this.rng;
      sampleKeep(m, n, keepThreshold(this.p), r.u32(), r.u32(), r.u32(), r.u32());
    }
    applyMask(x, m, y, n, s);
    return y;
  }

  backward(dOut: Float32Array, B: number, _needDIn: boolean): Float32Array {
    applyMask(dOut, this.mask, this.dIn, B * this.inDim, this.scale);
    return this.dIn;
  }

  twin(): Dropout {
    return new Dropout(this.inDim, this.cfg, this.rng);
  }
}

// The loops live in small functions with nothing after the loop: V8 (Node 20) compiles a long first
// loop on-stack and keeps re-entering that code, and any statement after the loop that had not run yet
// when it was compiled deoptimizes it again on every call.

/**
 * Keep-mask by the keep rule (keepThreshold): unit i is kept ⇔ u ≥ thr.
 * u comes from the lab's generator (Sfc32) seeded with four draws of the layer's Rng and local to this
 * function, so V8 keeps its state in registers: a draw per unit through the layer's Rng costs several
 * times more. Branch-free, because a coin flip mispredicts half the time: (u − thr)·2⁻³² + 1 is exactly
 * in [1, 2) when u ≥ thr and in [0, 1) otherwise, and the Uint8Array store truncates it to 1 or 0.
 */
function sampleKeep(m: Uint8Array, n: number, thr: number, a: number, b: number, c: number, d: number): void {
  const g = new Sfc32(a, b, c, d);
  // Mix the seed before using outputs (as the Rng does after seeding).
  for (let i = 0; i < 8; i++) g.u32();
  for (let i = 0; i < n; i++) m[i] = (g.u32() - thr) * 2.3283064365386963e-10 + 1;
}

/**
 * out = in · mask · s, branch-free; + 0 turns the −0 of a dropped negative value into +0. The float
 * product comes first on purpose: an integer mask · s would carry a −0 check, which is a branch again.
 */
function applyMask(src: Float32Array, m: Uint8Array, out: Float32Array, n: number, s: number): void {
  for (let i = 0; i < n; i++) out[i] = src[i] * m[i] * s + 0;
}

function scaleInto(x: Float32Array, y: Float32Array, n: number, s: number): void {
  for (let i = 0; i < n; i++) y[i] = x[i] * s;
}

function copyMask(given: ArrayLike<number>, m: Uint8Array, n: number): void {
  for (let i = 0; i < n; i++) m[i] = given[i] ? 1 : 0;
}
