// Elementwise activations. Backward uses the saved output: relu' = [y > 0] (0 at exactly 0, as PyTorch),
// tanh' = 1 − y², sigmoid' = y(1 − y).
// Readable float64 reference for what this file computes: src/engine/reference.ts (tests compare the two).
import { grow, type ForwardMode, type Layer } from './types.ts';
import type { ActivationKind } from '../spec.ts';
import { expm1 } from './fastmath.ts';

export class Activation implements Layer {
  readonly params = [];
  readonly inDim: number;
  readonly outDim: number;
  out: Float32Array = new Float32Array(0);
  /** The bits of `out`: a ReLU output is > 0 exactly when its bits are a positive integer. */
  private outBits: Int32Array<ArrayBufferLike> = new Int32Array(0);
  private dIn: Float32Array = new Float32Array(0);

  readonly type: ActivationKind;

  constructor(type: ActivationKind, width: number) {
    this.type = type;
    this.inDim = width;
    this.outDim = width;
  }

  ensureCapacity(B: number): void {
    this.out = grow(this.out, B * this.outDim);
    if (this.outBits.buffer !== this.out.buffer) this.outBits = new Int32Array(this.out.buffer, this.out.byteOffset, this.out.length);
    this.dIn = grow(this.dIn, B * this.inDim);
  }

  forward(x: Float32Array, B: number, _mode: ForwardMode): Float32Array {
    this.ensureCapacity(B);
    const n = B * this.inDim, y = this.out;
    if (this.type === 'relu') reluForward(x, y, n);
    else if (this.type === 'tanh') tanhForward(x, y, n);
    else sigmoidForward(x, y, n);
    return y;
  }

  backward(dOut: Float32Array, B: number, _needDIn: boolean): Float32Array {
    const n = B * this.inDim, y = this.out, d = this.dIn;
    if (this.type === 'relu') reluBackward(dOut, this.outBits, d, n);
    else if (this.type === 'tanh') tanhBackward(dOut, y, d, n);
    else sigmoidBackward(dOut, y, d, n);
    return d;
  }

  twin(): Activation {
    return new Activation(this.type, this.inDim);
  }
}

// Each loop is its own function with nothing after it (see matmul-kernels.ts on V8's on-stack compilation).

/**
 * Branch-free: the sign of a pre-activation is a coin flip, and a mispredicted branch costs more than
 * the arithmetic. (v + |v|)/2 is exact: v for v > 0, +0 otherwise.
 */
function reluForward(x: Float32Array, y: Float32Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i];
    y[i] = (v + Math.abs(v)) * 0.5;
  }
}

/** (−bits) >>> 31 is 1 for a positive output and 0 for +0: the derivative without a branch. */
function reluBackward(dOut: Float32Array, yBits: Int32Array<ArrayBufferLike>, d: Float32Array, n: number): void {
  for (let i = 0; i < n; i++) d[i] = dOut[i] * (-yBits[i] >>> 31) + 0;
}

/**
 * tanh v = (e^{2v} − 1)/(e^{2v} + 1) = m/(2 + m) with m = expm1(2v), accurate near 0 too; |v| ≤ 20
 * loses nothing (tanh 20 is 1 in float32). Exact zeros keep their sign.
 */
function tanhForward(x: Float32Array, y: Float32Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i];
    const m = expm1(2 * (v < -20 ? -20 : v > 20 ? 20 : v));
    y[i] = v === 0 ? v : m / (2 + m);
  }
}

function tanhBackward(dOut: Float32Array, y: Float32Array, d: Float32Array, n: number): void {
  for (let i = 0; i < n; i++) d[i] = dOut[i] * (1 - y[i] * y[i]);
}

/** σ(v) = 1/(1 + e^{−v}) = 1/(2 + expm1(−v)); beyond |v| = 120 it is 0 or 1 in float32 anyway. */
function sigmoidForward(x: Float32Array, y: Float32Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i];
    y[i] = 1 / (2 + expm1(v < -120 ? 120 : v > 120 ? -120 : -v));
  }
}

function sigmoidBackward(dOut: Float32Array, y: Float32Array, d: Float32Array, n: number): void {
  for (let i = 0; i < n; i++) d[i] = dOut[i] * y[i] * (1 - y[i]);
}
