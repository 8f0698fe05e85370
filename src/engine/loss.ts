// Losses on the last layer's output z (B×C), mean over the batch, with their gradients ∂L/∂z.
import type { LossKind } from './spec.ts';

/** Targets: class indices for cross-entropy (B), real targets for MSE (B×C). */
export type Targets = Int32Array | Float32Array;

export class Loss {
  grad: Float32Array = new Float32Array(0);
  /** One row's e^(z − max), reused for the softmax in the gradient. */
  private exps = new Float64Array(0);
  /** crossEntropy's result: a float64 returned from a call V8 does not inline would be a new heap number. */
  private readonly value = new Float64Array(1);

  readonly kind: LossKind;
  readonly classes: number;

  constructor(kind: LossKind, classes: number) {
    this.kind = kind;
    this.classes = classes;
  }

  /** Loss of z against y; fills `grad` with ∂L/∂z when withGrad. */
  forward(z: Float32Array, y: Targets, B: number, withGrad: boolean): number {
    const C = this.classes, n = B * C;
    if (withGrad && this.grad.length < n) this.grad = new Float32Array(Math.max(n, this.grad.length * 2));
    const g = this.grad;
    let total = 0;
    if (this.kind === 'cross_entropy') {
      if (this.exps.length < C) this.exps = new Float64Array(C);
      crossEntropy(z, y, B, C, withGrad, g, this.exps, this.value);
      return this.value[0];
    }
    for (let i = 0; i < n; i++) {
      const d = z[i] - y[i];
      total += d * d;
      if (withGrad) g[i] = (2 * d) / n;
    }
    return total / n;
  }
}

/**
 * Mean softmax cross-entropy of z (B×C) against class indices; with withGrad, g = (softmax(z) − onehot)/B.
 * The exponentials of the log-sum-exp are kept and divided by their sum for the softmax, instead of
 * being taken a second time.
 */
function crossEntropy(z: Float32Array, y: Targets, B: number, C: number, withGrad: boolean, g: Float32Array, e: Float64Array, out: Float64Array): void {
  let total = 0;
  for (let b = 0; b < B; b++) {
    const o = b * C;
    let max = -Infinity;
    for (let c = 0; c < C; c++) if (z[o + c] > max) max = z[o + c];
    let s = 0;
    for (let c = 0; c < C; c++) {
      const v = Math.exp(z[o + c] - max);
      e[c] = v;
      s += v;
    }
    const label = y[b];
    total += max + Math.log(s) - z[o + label];
    if (withGrad) {
      for (let c = 0; c < C; c++) g[o + c] = (e[c] / s - (c === label ? 1 : 0)) / B;
    }
  }
  out[0] = total / B;
}

/** Index of the largest value in row b of z (B×C). */
export function argmaxRow(z: Float32Array, b: number, C: number): number {
  const o = b * C;
  let best = 0;
  for (let c = 1; c < C; c++) if (z[o + c] > z[o + best]) best = c;
  return best;
}
