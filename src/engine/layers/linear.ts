// Fully connected layer. The weight is stored transposed (in × out), so the forward pass and ∂W read
// rows of W and ∂Y in place. Its products, and the skipping of zero inputs that makes most of their
// speed (ReLU and dropout zero many of a hidden layer's inputs), are matmul.ts's InputProduct.
// Readable float64 reference for what this file computes: src/engine/reference.ts (tests compare the two).
import { makeParam, grow, type ForwardMode, type Layer, type Param } from './types.ts';
import type { InitKind } from '../spec.ts';
import type { Rng } from '../rng.ts';
import { InputProduct } from './matmul.ts';

export class Linear implements Layer {
  readonly type = 'linear' as const;
  readonly params: Param[];
  readonly weight: Param; // in × out (transposed relative to PyTorch's out × in)
  readonly bias: Param | null;
  out: Float32Array = new Float32Array(0);
  private dIn: Float32Array = new Float32Array(0);
  private readonly product: InputProduct;
  /** The sum's starting value when there is no bias. */
  private readonly zeros: Float32Array;

  readonly inDim: number;
  readonly outDim: number;

  /**
   * `sparseInputGrad`: a zero input's gradient is discarded by the layers before (a ReLU; see
   * zeroInputsNeedNoGradient), so backward may leave ∂X at 0 there.
   */
  constructor(inDim: number, outDim: number, shared?: { weight: Param; bias: Param | null }, hasBias = true, sparseInputGrad = false) {
    this.inDim = inDim;
    this.outDim = outDim;
    this.weight = shared ? shared.weight : makeParam('weight', inDim * outDim);
    this.bias = shared ? shared.bias : hasBias ? makeParam('bias', outDim) : null;
    this.params = this.bias ? [this.weight, this.bias] : [this.weight];
    this.product = new InputProduct(inDim, outDim, sparseInputGrad);
    this.zeros = new Float32Array(this.bias ? 0 : outDim);
  }

  get sparseInputGrad(): boolean {
    return this.product.sparseInputGrad;
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

  forward(x: Float32Array, B: number, _mode: ForwardMode): Float32Array {
    this.ensureCapacity(B);
    this.product.forward(x, B, this.weight.value, this.bias ? this.bias.value : this.zeros, this.out);
    return this.out;
  }

  backward(dOut: Float32Array, B: number, needDIn: boolean): Float32Array {
    if (this.bias) sumRows(dOut, B, this.outDim, this.bias.grad);
    this.product.weightGrad(dOut, B, this.weight.grad);
    if (needDIn) this.product.inputGrad(dOut, B, this.weight.value, this.dIn);
    return this.dIn;
  }

  twin(): Linear {
    return new Linear(this.inDim, this.outDim, { weight: this.weight, bias: this.bias }, !!this.bias, this.sparseInputGrad);
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
