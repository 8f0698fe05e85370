// MaxPool2d (no padding; windows that do not fit are dropped, as PyTorch's floor mode) and Flatten.
// Max-pooling's gradient goes to the position of each window's maximum; among equal values, the first
// in row-major order within the window (a strict > while scanning keeps the first).
// Readable float64 reference for what this file computes: src/engine/reference-conv.ts (tests compare the two).
import { grow, type ForwardMode, type Layer } from './types.ts';
import { convOut, type ImageShape } from '../spec.ts';

export class MaxPool2d implements Layer {
  readonly type = 'maxpool2d' as const;
  readonly params = [];
  readonly inDim: number;
  readonly outDim: number;
  readonly inShape: ImageShape;
  readonly outShape: ImageShape;
  readonly kernel: number;
  readonly stride: number;
  out: Float32Array = new Float32Array(0);
  /** For each output value, the index (within the batch's input) its maximum came from. */
  private arg: Int32Array = new Int32Array(0);
  private dIn: Float32Array = new Float32Array(0);

  constructor(inShape: ImageShape, kernel: number, stride: number) {
    this.inShape = inShape;
    this.kernel = kernel;
    this.stride = stride;
    this.outShape = { c: inShape.c, h: convOut(inShape.h, kernel, stride, 0), w: convOut(inShape.w, kernel, stride, 0) };
    this.inDim = inShape.c * inShape.h * inShape.w;
    this.outDim = this.outShape.c * this.outShape.h * this.outShape.w;
  }

  ensureCapacity(B: number): void {
    this.out = grow(this.out, B * this.outDim);
    this.dIn = grow(this.dIn, B * this.inDim);
    if (this.arg.length < B * this.outDim) this.arg = new Int32Array(Math.max(B * this.outDim, this.arg.length * 2));
  }

  forward(x: Float32Array, B: number, _mode: ForwardMode): Float32Array {
    this.ensureCapacity(B);
    const { h: H, w: W } = this.inShape, { h: Ho, w: Wo } = this.outShape;
    maxPool(x, this.out, this.arg, B * this.inShape.c, H, W, Ho, Wo, this.kernel, this.stride);
    return this.out;
  }

  backward(dOut: Float32Array, B: number, _needDIn: boolean): Float32Array {
    const d = this.dIn, arg = this.arg, n = B * this.outDim;
    d.fill(0, 0, B * this.inDim);
    for (let i = 0; i < n; i++) d[arg[i]] += dOut[i];
    return d;
  }

  twin(): MaxPool2d {
    return new MaxPool2d(this.inShape, this.kernel, this.stride);
  }
}

function maxPool(
  x: Float32Array, y: Float32Array, arg: Int32Array, maps: number, H: number, W: number, Ho: number, Wo: number, k: number, s: number,
): void {
  for (let m = 0; m < maps; m++) {
    const xi = m * H * W, yo = m * Ho * Wo;
    for (let i = 0; i < Ho; i++) {
      for (let j = 0; j < Wo; j++) {
        let best = xi + i * s * W + j * s, bv = x[best];
        for (let u = 0; u < k; u++) {
          const row = xi + (i * s + u) * W + j * s;
          for (let v = 0; v < k; v++) {
            const val = x[row + v];
            if (val > bv) {
              bv = val;
              best = row + v;
            }
          }
        }
        y[yo + i * Wo + j] = bv;
        arg[yo + i * Wo + j] = best;
      }
    }
  }
}

/** B×C×H×W → B×(C·H·W) (index c·H·W + i·W + j): the rows are already stored that way, so no copy. */
export class Flatten implements Layer {
  readonly type = 'flatten' as const;
  readonly params = [];
  readonly inDim: number;
  readonly outDim: number;
  readonly inShape: ImageShape;
  out: Float32Array = new Float32Array(0);

  constructor(inShape: ImageShape) {
    this.inShape = inShape;
    this.inDim = inShape.c * inShape.h * inShape.w;
    this.outDim = this.inDim;
  }

  ensureCapacity(_B: number): void {}

  forward(x: Float32Array, _B: number, _mode: ForwardMode): Float32Array {
    this.out = x;
    return x;
  }

  backward(dOut: Float32Array, _B: number, _needDIn: boolean): Float32Array {
    return dOut;
  }

  twin(): Flatten {
    return new Flatten(this.inShape);
  }
}
