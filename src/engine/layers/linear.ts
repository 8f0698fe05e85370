// Fully connected layer. The weight is stored transposed (in × out), so the forward pass and ∂W read
// rows of W and ∂Y in place; the kernels (matmul.ts) block in registers and skip zero inputs. ReLU and
// dropout leave many exact zeros in a hidden layer's input, and skipping them is most of the speed:
// forward lists each row's non-zeros once, and backward reuses the lists for ∂W and ∂X.
// Readable float64 reference for what this file computes: src/engine/reference.ts (tests compare the two).
import { makeParam, grow, type ForwardMode, type Layer, type Param } from './types.ts';
import type { InitKind } from '../spec.ts';
import type { Rng } from '../rng.ts';
import { compactRows, countNonZeros, denseTimes, denseTimesT, sparseTimes, sparseTimesT, transposeLists } from './matmul.ts';

/** Above this fraction of non-zero inputs the dense kernels are faster than the sparse ones. */
const DENSE_ABOVE = 0.8;
/** Up to this many outputs per input the sparse kernels' bookkeeping costs more than the zeros save. */
const DENSE_UP_TO_OUTPUTS = 4;

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
  /** Whether the last forward used the dense kernels (its input had few zeros). */
  private dense = true;
  // The last input's non-zeros by row (from forward) and by column (built in backward for ∂W); only a
  // layer whose input is sparse allocates them, and the column lists only when it trains.
  private rowStart = new Int32Array(0);
  private rowCount = new Int32Array(0);
  private rowCol = new Int32Array(0);
  private rowOff = new Int32Array(0);
  private rowVal = new Float32Array(0);
  private readonly colStart: Int32Array;
  private readonly colCount: Int32Array;
  private readonly cursor: Int32Array;
  private colOff = new Int32Array(0);
  private colVal = new Float32Array(0);
  /** The sum's starting value when there is no bias, and for ∂W. */
  private readonly zeros: Float32Array;

  readonly inDim: number;
  readonly outDim: number;

  constructor(inDim: number, outDim: number, shared?: { weight: Param; bias: Param | null }, hasBias = true) {
    this.inDim = inDim;
    this.outDim = outDim;
    this.weight = shared ? shared.weight : makeParam('weight', inDim * outDim);
    this.bias = shared ? shared.bias : hasBias ? makeParam('bias', outDim) : null;
    this.params = this.bias ? [this.weight, this.bias] : [this.weight];
    this.colStart = new Int32Array(inDim);
    this.colCount = new Int32Array(inDim);
    this.cursor = new Int32Array(inDim);
    this.zeros = new Float32Array(outDim);
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
  }

  private ensureRowLists(B: number): void {
    if (this.rowCount.length >= B) return;
    const rows = Math.max(B, this.rowCount.length * 2), n = rows * this.inDim;
    this.rowStart = new Int32Array(rows);
    this.rowCount = new Int32Array(rows);
    this.rowCol = new Int32Array(n);
    this.rowOff = new Int32Array(n);
    this.rowVal = new Float32Array(n);
  }

  private ensureColumnLists(): void {
    const n = this.rowCol.length;
    if (this.colOff.length >= n) return;
    this.colOff = new Int32Array(n);
    this.colVal = new Float32Array(n);
  }

  forward(x: Float32Array, B: number, _mode: ForwardMode): Float32Array {
    this.ensureCapacity(B);
    this.x = x;
    const I = this.inDim, O = this.outDim, W = this.weight.value, y = this.out;
    const init = this.bias ? this.bias.value : this.zeros;
    // Counting first is cheaper than listing: a dense input (the data, tanh, BN) is never listed.
    this.dense = O <= DENSE_UP_TO_OUTPUTS || countNonZeros(x, B * I) > DENSE_ABOVE * B * I;
    if (this.dense) denseTimes(B, I, O, x, I, 1, W, init, y);
    else {
      this.ensureRowLists(B);
      compactRows(x, B, I, O, this.rowStart, this.rowCount, this.rowCol, this.rowVal, this.rowOff);
      sparseTimes(B, O, this.rowStart, this.rowCount, this.rowVal, this.rowOff, W, init, y);
    }
    return y;
  }

  backward(dOut: Float32Array, B: number, needDIn: boolean): Float32Array {
    const I = this.inDim, O = this.outDim, W = this.weight.value, gW = this.weight.grad;
    if (this.bias) sumRows(dOut, B, O, this.bias.grad);
    // ∂W = Xᵀ·∂Y: X read transposed in place (dense), or by the columns' non-zeros (sparse).
    if (this.dense) denseTimes(I, B, O, this.x, 1, I, dOut, this.zeros, gW);
    else {
      this.ensureColumnLists();
      transposeLists(B, I, O, this.rowStart, this.rowCount, this.rowCol, this.rowVal, this.colStart, this.colCount, this.colVal, this.colOff, this.cursor);
      sparseTimes(I, O, this.colStart, this.colCount, this.colVal, this.colOff, dOut, this.zeros, gW);
    }
    if (!needDIn) return this.dIn;
    const dIn = this.dIn;
    if (this.sparseInputGrad && !this.dense) {
      // Where the input was 0 the layer before (ReLU, maybe through dropout) passes no gradient back,
      // so only the non-zeros are computed. (The dense kernel computes them all: equally right, as that
      // layer multiplies them by 0.)
      dIn.fill(0, 0, B * I);
      sparseTimesT(B, I, O, this.rowStart, this.rowCount, this.rowCol, this.rowOff, dOut, W, dIn);
    } else denseTimesT(B, I, O, dOut, W, dIn);
    return dIn;
  }

  twin(): Linear {
    const t = new Linear(this.inDim, this.outDim, { weight: this.weight, bias: this.bias });
    t.sparseInputGrad = this.sparseInputGrad;
    return t;
  }
}

/** out[o] = Σ_r D[r·O + o], rows in order, summed in float64. */
function sumRows(D: Float32Array, R: number, O: number, out: Float32Array): void {
  for (let o = 0; o < O; o++) {
    let c = 0;
    for (let r = 0, p = o; r < R; r++, p += O) c += D[p];
    out[o] = c;
  }
}
