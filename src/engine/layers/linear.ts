// Fully connected layer. The weight is stored transposed (in × out) so that every kernel below reads
// rows in place: forward and ∂W are row updates (axpy) that skip zero inputs, ∂X is a row dot product.
// ReLU and dropout leave many exact zeros in a layer's input, and skipping them is most of the speed.
import { makeParam, grow, type ForwardMode, type Layer, type Param } from './types.ts';
import type { InitKind } from '../spec.ts';
import type { Rng } from '../rng.ts';

export class Linear implements Layer {
  readonly type = 'linear' as const;
  readonly params: Param[];
  readonly weight: Param; // in × out (transposed relative to PyTorch's out × in)
  readonly bias: Param | null;
  /** Set by the model when a zero in this layer's input always carries a zero gradient (ReLU before). */
  sparseInputGrad = false;
  out: Float32Array = new Float32Array(0);
  private dIn: Float32Array = new Float32Array(0);
  private x: Float32Array = new Float32Array(0);
  private nz = new Int32Array(0);
  private nzCount = new Int32Array(0);

  readonly inDim: number;
  readonly outDim: number;

  constructor(inDim: number, outDim: number, shared?: { weight: Param; bias: Param | null }, hasBias = true) {
    this.inDim = inDim;
    this.outDim = outDim;
    this.weight = shared ? shared.weight : makeParam('weight', inDim * outDim);
    this.bias = shared ? shared.bias : hasBias ? makeParam('bias', outDim) : null;
    this.params = this.bias ? [this.weight, this.bias] : [this.weight];
  }

  /** Normal initialization: He (std √(2/fan_in)) or Xavier (std √(2/(fan_in+fan_out))), times scale. Bias 0. */
  init(rng: Rng, kind: InitKind, scale: number): void {
    const std = scale * (kind === 'he' ? Math.sqrt(2 / this.inDim) : Math.sqrt(2 / (this.inDim + this.outDim)));
    const w = this.weight.value;
    for (let i = 0; i < w.length; i++) w[i] = rng.normal() * std;
    this.bias?.value.fill(0);
  }

  /** Weight in PyTorch's layout, out × in. */
  torchWeight(): Float32Array {
    const I = this.inDim, O = this.outDim, w = this.weight.value, t = new Float32Array(I * O);
    for (let i = 0; i < I; i++) for (let o = 0; o < O; o++) t[o * I + i] = w[i * O + o];
    return t;
  }

  /** ∂L/∂W in PyTorch's layout, out × in. */
  torchWeightGrad(): Float32Array {
    const I = this.inDim, O = this.outDim, g = this.weight.grad, t = new Float32Array(I * O);
    for (let i = 0; i < I; i++) for (let o = 0; o < O; o++) t[o * I + i] = g[i * O + o];
    return t;
  }

  setTorchWeight(src: ArrayLike<number>): void {
    const I = this.inDim, O = this.outDim, w = this.weight.value;
    for (let i = 0; i < I; i++) for (let o = 0; o < O; o++) w[i * O + o] = src[o * I + i];
  }

  ensureCapacity(B: number): void {
    this.out = grow(this.out, B * this.outDim);
    this.dIn = grow(this.dIn, B * this.inDim);
    if (this.nz.length < B * this.inDim) this.nz = new Int32Array(Math.max(B * this.inDim, this.nz.length * 2));
    if (this.nzCount.length < B) this.nzCount = new Int32Array(Math.max(B, this.nzCount.length * 2));
  }

  forward(x: Float32Array, B: number, _mode: ForwardMode): Float32Array {
    this.ensureCapacity(B);
    this.x = x;
    const I = this.inDim, O = this.outDim;
    const W = this.weight.value, y = this.out, nz = this.nz, nzCount = this.nzCount;
    const bias = this.bias ? this.bias.value : null;
    for (let b = 0; b < B; b++) {
      const xo = b * I, yo = b * O;
      let n = 0;
      for (let i = 0; i < I; i++) if (x[xo + i] !== 0) nz[xo + n++] = i;
      nzCount[b] = n;
      if (bias) for (let o = 0; o < O; o++) y[yo + o] = bias[o];
      else y.fill(0, yo, yo + O);
      let k = 0;
      for (; k + 3 < n; k += 4) {
        const i0 = nz[xo + k], i1 = nz[xo + k + 1], i2 = nz[xo + k + 2], i3 = nz[xo + k + 3];
        const a0 = x[xo + i0], a1 = x[xo + i1], a2 = x[xo + i2], a3 = x[xo + i3];
        const r0 = i0 * O, r1 = i1 * O, r2 = i2 * O, r3 = i3 * O;
        for (let o = 0; o < O; o++) {
          y[yo + o] += a0 * W[r0 + o] + a1 * W[r1 + o] + a2 * W[r2 + o] + a3 * W[r3 + o];
        }
      }
      for (; k < n; k++) {
        const i0 = nz[xo + k], a0 = x[xo + i0], r0 = i0 * O;
        for (let o = 0; o < O; o++) y[yo + o] += a0 * W[r0 + o];
      }
    }
    return y;
  }

  backward(dOut: Float32Array, B: number, needDIn: boolean): Float32Array {
    const I = this.inDim, O = this.outDim;
    const x = this.x, W = this.weight.value, gW = this.weight.grad, nz = this.nz, nzCount = this.nzCount;
    gW.fill(0);
    if (this.bias) {
      const gb = this.bias.grad;
      gb.fill(0);
      for (let b = 0; b < B; b++) {
        const d = b * O;
        for (let o = 0; o < O; o++) gb[o] += dOut[d + o];
      }
    }
    // ∂W[i][:] += x[b][i] · ∂Y[b][:], only for the non-zero x[b][i] found in forward.
    for (let b = 0; b < B; b++) {
      const xo = b * I, d = b * O, n = nzCount[b];
      let k = 0;
      for (; k + 3 < n; k += 4) {
        const i0 = nz[xo + k], i1 = nz[xo + k + 1], i2 = nz[xo + k + 2], i3 = nz[xo + k + 3];
        const a0 = x[xo + i0], a1 = x[xo + i1], a2 = x[xo + i2], a3 = x[xo + i3];
        const r0 = i0 * O, r1 = i1 * O, r2 = i2 * O, r3 = i3 * O;
        for (let o = 0; o < O; o++) {
          const g = dOut[d + o];
          gW[r0 + o] += a0 * g;
          gW[r1 + o] += a1 * g;
          gW[r2 + o] += a2 * g;
          gW[r3 + o] += a3 * g;
        }
      }
      for (; k < n; k++) {
        const i0 = nz[xo + k], a0 = x[xo + i0], r0 = i0 * O;
        for (let o = 0; o < O; o++) gW[r0 + o] += a0 * dOut[d + o];
      }
    }
    if (!needDIn) return this.dIn;
    const dIn = this.dIn;
    if (this.sparseInputGrad) {
      // Where the input was 0 the layer before passes no gradient back, so only non-zeros are computed.
      dIn.fill(0, 0, B * I);
      for (let b = 0; b < B; b++) {
        const xo = b * I, d = b * O, n = nzCount[b];
        let k = 0;
        for (; k + 1 < n; k += 2) {
          const i0 = nz[xo + k], i1 = nz[xo + k + 1], r0 = i0 * O, r1 = i1 * O;
          let s0 = 0, s1 = 0;
          for (let o = 0; o < O; o++) {
            const g = dOut[d + o];
            s0 += g * W[r0 + o];
            s1 += g * W[r1 + o];
          }
          dIn[xo + i0] = s0;
          dIn[xo + i1] = s1;
        }
        if (k < n) {
          const i0 = nz[xo + k], r0 = i0 * O;
          let s0 = 0;
          for (let o = 0; o < O; o++) s0 += dOut[d + o] * W[r0 + o];
          dIn[xo + i0] = s0;
        }
      }
    } else {
      for (let b = 0; b < B; b++) {
        const xo = b * I, d = b * O;
        let i = 0;
        for (; i + 3 < I; i += 4) {
          const r0 = i * O, r1 = r0 + O, r2 = r1 + O, r3 = r2 + O;
          let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
          for (let o = 0; o < O; o++) {
            const g = dOut[d + o];
            s0 += g * W[r0 + o];
            s1 += g * W[r1 + o];
            s2 += g * W[r2 + o];
            s3 += g * W[r3 + o];
          }
          dIn[xo + i] = s0;
          dIn[xo + i + 1] = s1;
          dIn[xo + i + 2] = s2;
          dIn[xo + i + 3] = s3;
        }
        for (; i < I; i++) {
          const r0 = i * O;
          let s0 = 0;
          for (let o = 0; o < O; o++) s0 += dOut[d + o] * W[r0 + o];
          dIn[xo + i] = s0;
        }
      }
    }
    return dIn;
  }

  twin(): Linear {
    const t = new Linear(this.inDim, this.outDim, { weight: this.weight, bias: this.bias });
    t.sparseInputGrad = this.sparseInputGrad;
    return t;
  }
}
