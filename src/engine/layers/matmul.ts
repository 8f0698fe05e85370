// The three products of a layer that multiplies its input by a weight matrix (Linear, and Conv2d over
// its patches): Y = X·W + b forward, then ∂W = Xᵀ·∂Y and ∂X = ∂Y·Wᵀ backward. The speed trick that
// skips zero inputs lives here whole: whether this batch is sparse enough to list its non-zeros, the
// lists (by row from forward, by column for ∂W), and whether ∂X may be computed only where x ≠ 0.
// The layers only say which product they want; the kernels are in matmul-kernels.ts.
// Readable float64 reference for what this file computes: src/engine/reference.ts (tests compare the two).
import type { LayerType } from '../spec.ts';
import { compactRows, countNonZeros, denseTimes, denseTimesT, sparseTimes, sparseTimesT, transposeLists } from './matmul-kernels.ts';

/** Above this fraction of non-zero inputs the dense kernels are faster than the sparse ones. */
const DENSE_ABOVE = 0.8;
/** Up to this many outputs per input the sparse kernels' bookkeeping costs more than the zeros save. */
const DENSE_UP_TO_OUTPUTS = 4;
/** Layers that pass a ReLU zero on as a zero whose gradient ReLU will discard. */
const PASS_ZEROS: readonly LayerType[] = ['dropout', 'dropout2d', 'maxpool2d', 'flatten'];

/**
 * Whether a zero in the input of layer i always carries a gradient the network discards: the nearest
 * layer before it, through dropout, pooling and flatten, is a ReLU (whose gradient is 0 where its output
 * was 0). Then ∂X need not be computed at the input's zeros.
 */
export function zeroInputsNeedNoGradient(types: readonly LayerType[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && PASS_ZEROS.includes(types[j])) j--;
  return j >= 0 && types[j] === 'relu';
}

export class InputProduct {
  readonly inDim: number;
  readonly outDim: number;
  /** ∂X is left 0 at the input's zeros (see zeroInputsNeedNoGradient); fixed when the layer is built. */
  readonly sparseInputGrad: boolean;
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
  /** ∂W's starting value. */
  private readonly zeros: Float32Array;

  constructor(inDim: number, outDim: number, sparseInputGrad: boolean) {
    this.inDim = inDim;
    this.outDim = outDim;
    this.sparseInputGrad = sparseInputGrad;
    this.colStart = new Int32Array(inDim);
    this.colCount = new Int32Array(inDim);
    this.cursor = new Int32Array(inDim);
    this.zeros = new Float32Array(outDim);
  }

  /** y = x·W + init (B rows); remembers x, and its non-zeros when it has enough zeros to pay off. */
  forward(x: Float32Array, B: number, W: Float32Array, init: Float32Array, y: Float32Array): void {
    const I = this.inDim, O = this.outDim;
    this.x = x;
    // Counting first is cheaper than listing: a dense input (the data, tanh, BN) is never listed.
    this.dense = O <= DENSE_UP_TO_OUTPUTS || countNonZeros(x, B * I) > DENSE_ABOVE * B * I;
    if (this.dense) denseTimes(B, I, O, x, I, 1, W, init, y);
    else {
      this.ensureRowLists(B);
      compactRows(x, B, I, O, this.rowStart, this.rowCount, this.rowCol, this.rowVal, this.rowOff);
      sparseTimes(B, O, this.rowStart, this.rowCount, this.rowVal, this.rowOff, W, init, y);
    }
  }

  /** gW = xᵀ·dOut for the last forward's x: read transposed in place (dense), or by its columns' non-zeros. */
  weightGrad(dOut: Float32Array, B: number, gW: Float32Array): void {
    const I = this.inDim, O = this.outDim;
    if (this.dense) denseTimes(I, B, O, this.x, 1, I, dOut, this.zeros, gW);
    else {
      this.ensureColumnLists();
      transposeLists(B, I, O, this.rowStart, this.rowCount, this.rowCol, this.rowVal, this.colStart, this.colCount, this.colVal, this.colOff, this.cursor);
      sparseTimes(I, O, this.colStart, this.colCount, this.colVal, this.colOff, dOut, this.zeros, gW);
    }
  }

  /** dIn = dOut·Wᵀ; with sparseInputGrad and a listed input, only at the last x's non-zeros (0 elsewhere). */
  inputGrad(dOut: Float32Array, B: number, W: Float32Array, dIn: Float32Array): void {
    const I = this.inDim, O = this.outDim;
    if (this.sparseInputGrad && !this.dense) {
      // The dense kernel would compute the others too: equally right, as the layer before multiplies
      // them by 0.
      dIn.fill(0, 0, B * I);
      sparseTimesT(B, I, O, this.rowStart, this.rowCount, this.rowCol, this.rowOff, dOut, W, dIn);
    } else denseTimesT(B, I, O, dOut, W, dIn);
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
}
