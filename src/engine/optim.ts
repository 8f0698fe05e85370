// SGD with momentum (PyTorch: dampening 0, first buffer = g) and Adam, both with coupled L2 weight
// decay (g = grad + wd·θ, not AdamW). State lives beside each parameter and is allocated once.
import type { Param } from './layers/types.ts';

export type OptimizerSpec =
  | { type: 'sgd'; lr: number; momentum: number; weightDecay: number }
  | { type: 'adam'; lr: number; beta1: number; beta2: number; eps: number; weightDecay: number };

interface Slot {
  param: Param;
  buf: Float32Array | null; // SGD momentum buffer, or Adam's m
  sq: Float32Array | null; // Adam's v
  t: number; // updates applied to this parameter (Adam's bias correction)
}

export class Optimizer {
  private slots: Slot[];
  spec: OptimizerSpec;

  constructor(spec: OptimizerSpec, params: Param[]) {
    this.spec = spec;
    this.slots = params.map((param) => ({ param, buf: null, sq: null, t: 0 }));
  }

  /** Changing the type (SGD ↔ Adam) drops the state; changing lr, momentum or decay keeps it. */
  setSpec(spec: OptimizerSpec): void {
    if (spec.type !== this.spec.type) this.reset();
    this.spec = spec;
  }

  reset(): void {
    for (const s of this.slots) {
      s.buf = null;
      s.sq = null;
      s.t = 0;
    }
  }

  step(): void {
    const sp = this.spec;
    for (const s of this.slots) {
      const p = s.param;
      if (p.frozen) continue;
      const w = p.value, gr = p.grad, n = w.length, wd = sp.weightDecay;
      if (sp.type === 'sgd') {
        const lr = sp.lr, mom = sp.momentum;
        if (mom === 0) {
          for (let i = 0; i < n; i++) w[i] -= lr * (gr[i] + wd * w[i]);
          continue;
        }
        if (s.buf === null) {
          const buf = (s.buf = new Float32Array(n));
          for (let i = 0; i < n; i++) {
            const g = gr[i] + wd * w[i];
            buf[i] = g;
            w[i] -= lr * g;
          }
        } else {
          const buf = s.buf;
          for (let i = 0; i < n; i++) {
            const b = mom * buf[i] + (gr[i] + wd * w[i]);
            buf[i] = b;
            w[i] -= lr * b;
          }
        }
      } else {
        if (s.buf === null) s.buf = new Float32Array(n);
        if (s.sq === null) s.sq = new Float32Array(n);
        const m = s.buf, v = s.sq, b1 = sp.beta1, b2 = sp.beta2;
        s.t++;
        const c1 = 1 - Math.pow(b1, s.t), c2 = 1 - Math.pow(b2, s.t);
        const stepSize = sp.lr / c1, sqrtC2 = Math.sqrt(c2), eps = sp.eps;
        for (let i = 0; i < n; i++) {
          const g = gr[i] + wd * w[i];
          const mi = b1 * m[i] + (1 - b1) * g;
          const vi = b2 * v[i] + (1 - b2) * g * g;
          m[i] = mi;
          v[i] = vi;
          w[i] -= (stepSize * mi) / (Math.sqrt(vi) / sqrtC2 + eps);
        }
      }
    }
  }

  /** Adam's update count for a parameter (tests check refused steps leave it alone). */
  stepsOf(param: Param): number {
    return this.slots.find((s) => s.param === param)?.t ?? 0;
  }
}
