// Conv2d with PyTorch's semantics (cross-correlation, square kernel, stride, zero padding, optional
// bias). Input and output are NCHW rows: sample b, channel c, row i, column j at b·C·H·W + c·H·W + i·W + j.
//
// Fast path: im2col + a Linear layer. The batch's input is first copied into a zero-padded buffer, so
// every patch entry is a plain offset (no bounds test); the patches then form one (B·P)×K matrix (P
// output positions a sample, K = C·k·k), and the whole batch is one Linear(K → out) over B·P rows, with
// its blocked kernels and its skipping of zero inputs (ReLU zeros half of a hidden conv's patches).
// conv-ref.ts holds the readable six-loop definition the tests compare against.
// Readable float64 reference for what this file computes: src/engine/reference-conv.ts (tests compare the two).
import { grow, type ForwardMode, type Layer, type Param } from './types.ts';
import { Linear } from './linear.ts';
import { convOut, type ImageShape, type InitKind } from '../spec.ts';
import type { Rng } from '../rng.ts';

export interface Conv2dOptions {
  out: number;
  kernel: number;
  stride: number;
  padding: number;
  bias: boolean;
  /** A zero input's gradient is discarded by the layers before (see matmul.ts's zeroInputsNeedNoGradient). */
  sparseInputGrad?: boolean;
}

export class Conv2d implements Layer {
  readonly type = 'conv2d' as const;
  readonly inDim: number;
  readonly outDim: number;
  readonly params: Param[];
  /** Stored as Linear stores it, K × out (K = in·k·k); torchWeight() gives PyTorch's out × in × k × k. */
  readonly weight: Param;
  readonly bias: Param | null;
  readonly inShape: ImageShape;
  readonly outShape: ImageShape;
  readonly kernel: number;
  readonly stride: number;
  readonly padding: number;
  out: Float32Array = new Float32Array(0);
  /** Patch offsets into one padded sample: P × K. */
  private readonly table: Int32Array;
  private readonly K: number;
  private readonly P: number;
  private readonly padSize: number;
  private xp: Float32Array = new Float32Array(0);
  private cols: Float32Array = new Float32Array(0);
  private dYt: Float32Array = new Float32Array(0);
  private dXp: Float32Array = new Float32Array(0);
  private dIn: Float32Array = new Float32Array(0);
  /** The patches' product: rows are (sample, position), columns output channels. */
  readonly lin: Linear;

  constructor(inShape: ImageShape, o: Conv2dOptions, shared?: { weight: Param; bias: Param | null }) {
    const { c: C, h: H, w: W } = inShape, k = o.kernel, s = o.stride, p = o.padding;
    const Ho = convOut(H, k, s, p), Wo = convOut(W, k, s, p);
    this.inShape = inShape;
    this.outShape = { c: o.out, h: Ho, w: Wo };
    this.kernel = k;
    this.stride = s;
    this.padding = p;
    this.inDim = C * H * W;
    this.outDim = o.out * Ho * Wo;
    this.K = C * k * k;
    this.P = Ho * Wo;
    const Hp = H + 2 * p, Wp = W + 2 * p;
    this.padSize = C * Hp * Wp;
    this.lin = new Linear(this.K, o.out, shared, o.bias, o.sparseInputGrad ?? false);
    this.weight = this.lin.weight;
    this.bias = this.lin.bias;
    this.params = this.bias ? [this.weight, this.bias] : [this.weight];
    const t = new Int32Array(this.P * this.K);
    for (let i = 0; i < Ho; i++) {
      for (let j = 0; j < Wo; j++) {
        const row = (i * Wo + j) * this.K;
        for (let c = 0; c < C; c++) {
          for (let u = 0; u < k; u++) {
            for (let v = 0; v < k; v++) t[row + c * k * k + u * k + v] = c * Hp * Wp + (i * s + u) * Wp + (j * s + v);
          }
        }
      }
    }
    this.table = t;
  }

  get sparseInputGrad(): boolean {
    return this.lin.sparseInputGrad;
  }

  torchWeight(): Float32Array {
    return this.lin.torchWeight();
  }

  torchWeightGrad(): Float32Array {
    return this.lin.torchWeightGrad();
  }

  setTorchWeight(src: ArrayLike<number>): void {
    this.lin.setTorchWeight(src);
  }

  get outChannels(): number {
    return this.outShape.c;
  }

  /** Normal initialization: He (std √(2/fan_in)) or Xavier (std √(2/(fan_in + fan_out))), fan = channels·k²; bias 0. */
  init(rng: Rng, kind: InitKind, scale: number): void {
    const kk = this.kernel * this.kernel;
    const fanIn = this.inShape.c * kk, fanOut = this.outShape.c * kk;
    const std = scale * (kind === 'he' ? Math.sqrt(2 / fanIn) : Math.sqrt(2 / (fanIn + fanOut)));
    const w = this.weight.value;
    for (let i = 0; i < w.length; i++) w[i] = rng.normal() * std;
    this.bias?.value.fill(0);
  }

  ensureCapacity(B: number): void {
    this.out = grow(this.out, B * this.outDim);
    this.dIn = grow(this.dIn, B * this.inDim);
    this.xp = grow(this.xp, B * this.padSize);
    this.cols = grow(this.cols, B * this.P * this.K);
    this.dYt = grow(this.dYt, B * this.outDim);
  }

  forward(x: Float32Array, B: number, mode: ForwardMode): Float32Array {
    this.ensureCapacity(B);
    const { c: C, h: H, w: W } = this.inShape;
    pad(x, this.xp, B, C, H, W, this.padding);
    im2col(this.xp, this.cols, B, this.padSize, this.table, this.P * this.K);
    const yt = this.lin.forward(this.cols, B * this.P, mode);
    toChannelsFirst(yt, this.out, B, this.P, this.outShape.c);
    return this.out;
  }

  backward(dOut: Float32Array, B: number, needDIn: boolean): Float32Array {
    const P = this.P, K = this.K;
    toChannelsLast(dOut, this.dYt, B, P, this.outShape.c);
    const dCols = this.lin.backward(this.dYt, B * P, needDIn);
    if (!needDIn) return this.dIn;
    this.dXp = grow(this.dXp, B * this.padSize);
    this.dXp.fill(0, 0, B * this.padSize);
    col2im(dCols, this.dXp, B, this.padSize, this.table, P * K);
    const { c: C, h: H, w: W } = this.inShape;
    crop(this.dXp, this.dIn, B, C, H, W, this.padding);
    return this.dIn;
  }

  twin(): Conv2d {
    return new Conv2d(this.inShape, { out: this.outShape.c, kernel: this.kernel, stride: this.stride, padding: this.padding, bias: !!this.bias, sparseInputGrad: this.sparseInputGrad }, {
      weight: this.weight,
      bias: this.bias,
    });
  }
}

// Each loop nest is its own function with nothing after it (see matmul-kernels.ts on V8's on-stack compilation).

/** xp = x with p zeros on every side of each map. The border stays zero once written. */
function pad(x: Float32Array, xp: Float32Array, B: number, C: number, H: number, W: number, p: number): void {
  const Hp = H + 2 * p, Wp = W + 2 * p;
  if (p > 0) xp.fill(0, 0, B * C * Hp * Wp);
  for (let m = 0; m < B * C; m++) {
    const src = m * H * W, dst = m * Hp * Wp + p * Wp + p;
    for (let i = 0; i < H; i++) {
      const s = src + i * W, d = dst + i * Wp;
      for (let j = 0; j < W; j++) xp[d + j] = x[s + j];
    }
  }
}

function crop(dXp: Float32Array, dX: Float32Array, B: number, C: number, H: number, W: number, p: number): void {
  const Hp = H + 2 * p, Wp = W + 2 * p;
  for (let m = 0; m < B * C; m++) {
    const dst = m * H * W, src = m * Hp * Wp + p * Wp + p;
    for (let i = 0; i < H; i++) {
      const s = src + i * Wp, d = dst + i * W;
      for (let j = 0; j < W; j++) dX[d + j] = dXp[s + j];
    }
  }
}

/** cols[b·PK + t] = xp[b·S + table[t]]: each sample's P patches of K values. */
function im2col(xp: Float32Array, cols: Float32Array, B: number, S: number, table: Int32Array, PK: number): void {
  for (let b = 0; b < B; b++) {
    const so = b * S, co = b * PK;
    for (let t = 0; t < PK; t++) cols[co + t] = xp[so + table[t]];
  }
}

/** The adjoint of im2col: every patch entry's gradient added back where it was read from. */
function col2im(dCols: Float32Array, dXp: Float32Array, B: number, S: number, table: Int32Array, PK: number): void {
  for (let b = 0; b < B; b++) {
    const so = b * S, co = b * PK;
    for (let t = 0; t < PK; t++) dXp[so + table[t]] += dCols[co + t];
  }
}

/** (B·P × O) → NCHW. */
function toChannelsFirst(yt: Float32Array, y: Float32Array, B: number, P: number, O: number): void {
  for (let b = 0; b < B; b++) {
    const base = b * P * O;
    for (let o = 0; o < O; o++) {
      const d = base + o * P;
      for (let q = 0; q < P; q++) y[d + q] = yt[base + q * O + o];
    }
  }
}

function toChannelsLast(d: Float32Array, dt: Float32Array, B: number, P: number, O: number): void {
  for (let b = 0; b < B; b++) {
    const base = b * P * O;
    for (let o = 0; o < O; o++) {
      const s = base + o * P;
      for (let q = 0; q < P; q++) dt[base + q * O + o] = d[s + q];
    }
  }
}
