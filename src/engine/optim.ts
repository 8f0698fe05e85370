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
    const sp = this.spec, slots = this.slots;
    for (let k = 0; k < slots.length; k++) {
      const s = slots[k], p = s.param;
      if (p.frozen) continue;
      const w = p.value, gr = p.grad, n = w.length;
      if (sp.type === 'sgd') {
        if (sp.momentum === 0) sgd(w, gr, n, sp.lr, sp.weightDecay);
        else if (s.buf === null) {
          // The first buffer is the gradient itself (PyTorch): momentum times a zero buffer adds nothing.
          s.buf = new Float32Array(n);
          sgdMomentum(w, gr, s.buf, n, sp.lr, 0, sp.weightDecay);
        } else sgdMomentum(w, gr, s.buf, n, sp.lr, sp.momentum, sp.weightDecay);
      } else {
        if (s.buf === null) s.buf = new Float32Array(n);
        if (s.sq === null) s.sq = new Float32Array(n);
        s.t++;
        const c1 = 1 - Math.pow(sp.beta1, s.t), c2 = 1 - Math.pow(sp.beta2, s.t);
        adam(w, gr, s.buf, s.sq, n, sp.lr / c1, 1 / Math.sqrt(c2), sp.beta1, sp.beta2, sp.eps, sp.weightDecay);
      }
    }
  }

  /** Adam's update count for a parameter (tests check refused steps leave it alone). */
  stepsOf(param: Param): number {
    return this.slots.find((s) => s.param === param)?.t ?? 0;
  }
}

// The update loops, one function each (see layers/matmul-kernels.ts on V8's on-stack compilation).

function sgd(w: Float32Array, gr: Float32Array, n: number, lr: number, wd: number): void {
  for (let i = 0; i < n; i++) w[i] -= lr * (gr[i] + wd * w[i]);
}

function sgdMomentum(w: Float32Array, gr: Float32Array, buf: Float32Array, n: number, lr: number, mom: number, wd: number): void {
  for (let i = 0; i < n; i++) {
    const b = mom * buf[i] + (gr[i] + wd * w[i]);
    buf[i] = b;
    w[i] -= lr * b;
  }
}

/** θ −= stepSize·m / (√v·invSqrtC2 + ε), with stepSize = lr/(1 − β₁ᵗ) and invSqrtC2 = 1/√(1 − β₂ᵗ). */
function adam(
  w: Float32Array, gr: Float32Array, m: Float32Array, v: Float32Array, n: number,
  stepSize: number, invSqrtC2: number, b1: number, b2: number, eps: number, wd: number,
): void {
  const a1 = 1 - b1, a2 = 1 - b2;
  for (let i = 0; i < n; i++) {
    const g = gr[i] + wd * w[i];
    const mi = b1 * m[i] + a1 * g;
    const vi = b2 * v[i] + a2 * g * g;
    m[i] = mi;
    v[i] = vi;
    w[i] -= (stepSize * mi) / (Math.sqrt(vi) * invSqrtC2 + eps);
  }
}
