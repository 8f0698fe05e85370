// A network built from a ModelSpec: layers in order, a loss, and the training step that ties forward,
// loss, backward and the optimizer together with the refusal and divergence rules.
import { Activation } from './layers/activation.ts';
import { BatchNorm } from './layers/batchnorm.ts';
import { Dropout } from './layers/dropout.ts';
import { LayerNorm } from './layers/layernorm.ts';
import { Linear } from './layers/linear.ts';
import { zeroInputsNeedNoGradient } from './layers/matmul.ts';
import { Conv2d } from './layers/conv2d.ts';
import { BatchNorm2d } from './layers/batchnorm2d.ts';
import { Dropout2d } from './layers/dropout2d.ts';
import { Flatten, MaxPool2d } from './layers/pool.ts';
import { EVAL_MODE, TRAIN_MODE, type ForwardMode, type Layer, type Param } from './layers/types.ts';
import { Loss, type Targets } from './loss.ts';
import { evaluateRows, type EvalResult } from './evaluate.ts';
import { Optimizer, type OptimizerSpec } from './optim.ts';
import { BN_DEFAULTS, LN_DEFAULTS, specShapes, type ImageShape, type ModelSpec } from './spec.ts';
import { BN_BATCH_ONE_MESSAGE, BN2D_ONE_VALUE_MESSAGE, EngineError } from './errors.ts';
import type { Rng } from './rng.ts';
import { NO_TEACHING, checkSameStructure, writeLive, type LiveSettings, type Teaching } from './live.ts';

export interface StepResult {
  /** The batch loss; NaN or ±Infinity when diverged. */
  loss: number;
  /** True when the loss or a gradient was not finite: nothing was changed. */
  diverged: boolean;
}

export interface BuildOptions {
  /** Draws the initial weights (He/Xavier). */
  initRng: Rng;
  /** Draws the dropout masks. */
  dropoutRng: Rng;
  /** Draws the teaching noise after BN (default: the dropout stream). */
  noiseRng?: Rng;
}

export class Model {
  readonly layers: Layer[];
  readonly loss: Loss;
  readonly outDim: number;
  /** BatchNorm1d somewhere: a training batch needs at least two samples. */
  readonly hasBatchNorm: boolean;
  /** Smallest H·W a BatchNorm2d normalizes over (Infinity without one): B·H·W must be at least 2. */
  readonly minBn2dArea: number;
  /** Gradient ∂L/∂x of the last training step's input (only when requested). */
  inputGrad: Float32Array | null = null;
  /** Set a step's input gradient to be computed (parity checks); off in normal training. */
  wantInputGrad = false;
  optimizer: Optimizer | null = null;
  /** What trainStep returns, reused so that a training step allocates nothing: read it before the next step. */
  private readonly result: StepResult = { loss: 0, diverged: false };

  readonly spec: ModelSpec;
  /** The live settings in force (see live.ts): the one owner of p, scaling, ε, momentum and the switches. */
  private settings: LiveSettings;
  /** This twin's own teaching switches, over the ones in force (see setOverrides). */
  private overrides: Partial<Teaching> = {};
  /**
   * The twins made by twin(), which applyLive keeps in step. Held weakly: a twin made for one
   * measurement and dropped is collected with its buffers, and simply stops being updated.
   */
  private readonly twins: WeakRef<Model>[] = [];

  constructor(spec: ModelSpec, layers: Layer[]) {
    this.spec = spec;
    this.layers = layers;
    this.settings = { layers: spec.layers, teach: { ...NO_TEACHING } };
    this.outDim = layers.length ? layers[layers.length - 1].outDim : spec.input;
    this.loss = new Loss(spec.loss, this.outDim);
    this.hasBatchNorm = layers.some((l) => l.type === 'batchnorm');
    this.minBn2dArea = Math.min(Infinity, ...layers.map((l) => (l instanceof BatchNorm2d ? l.shape.h * l.shape.w : Infinity)));
  }

  /** Every learnable parameter with its PyTorch-style key ("<layer index>.weight"). */
  namedParams(): { key: string; layer: number; param: Param }[] {
    const out: { key: string; layer: number; param: Param }[] = [];
    this.layers.forEach((l, i) => l.params.forEach((p) => out.push({ key: `${i}.${p.name}`, layer: i, param: p })));
    return out;
  }

  params(): Param[] {
    return this.layers.flatMap((l) => l.params);
  }

  /** The live settings in force (read-only: change them with applyLive or setTeaching). */
  get live(): LiveSettings {
    return this.settings;
  }

  /**
   * Puts live settings in force: in this model's layers and in every twin it made (and theirs), each
   * twin keeping its own overrides. Throws, changing nothing, if `s` describes another structure.
   */
  applyLive(s: LiveSettings): void {
    checkSameStructure(this.layers, s.layers);
    const settings: LiveSettings = { layers: s.layers.map((l) => ({ ...l })), teach: { ...s.teach } };
    this.settings = settings;
    writeLive(this.layers, settings.layers, { ...settings.teach, ...this.overrides });
    for (const t of this.liveTwins()) t.applyLive(settings);
  }

  /** The twins still in use (forgetting the collected ones). */
  private liveTwins(): Model[] {
    const out: Model[] = [];
    let kept = 0;
    for (const ref of this.twins) {
      const t = ref.deref();
      if (!t) continue;
      out.push(t);
      this.twins[kept++] = ref;
    }
    this.twins.length = kept;
    return out;
  }

  /** Changes some teaching switches, keeping the other settings in force. */
  setTeaching(t: Partial<Teaching>): void {
    this.applyLive({ layers: this.settings.layers, teach: { ...this.settings.teach, ...t } });
  }

  /**
   * This twin's own switches, which win over the ones in force here and after every later applyLive
   * (an absent key follows the settings in force). Replaces the previous overrides.
   */
  get ownOverrides(): Partial<Teaching> {
    return { ...this.overrides };
  }

  setOverrides(o: Partial<Teaching>): void {
    this.overrides = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
    writeLive(this.layers, this.settings.layers, { ...this.settings.teach, ...this.overrides });
  }

  setOptimizer(spec: OptimizerSpec): void {
    if (this.optimizer) this.optimizer.setSpec(spec);
    else this.optimizer = new Optimizer(spec, this.params());
  }

  /** Forward through every layer; returns the last layer's output (B×outDim). */
  forward(x: Float32Array, B: number, mode: ForwardMode): Float32Array {
    let h = x;
    for (const l of this.layers) h = l.forward(h, B, mode);
    return h;
  }

  /**
   * One training step on a batch: forward (training mode), loss, backward, optimizer update.
   * Refuses a batch of one when the network has BatchNorm (as PyTorch does), changing nothing.
   * A non-finite loss or gradient reports diverged and changes nothing either.
   */
  /**
   * Throws the refusal a training step on B samples would meet, before anything changes: BatchNorm1d
   * needs two samples; BatchNorm2d needs two values per channel (B·H·W ≥ 2), so one sample with larger
   * maps is fine.
   */
  checkBatch(B: number): void {
    if (this.hasBatchNorm && B < 2) throw new EngineError('bn_batch_one', BN_BATCH_ONE_MESSAGE);
    if (B * this.minBn2dArea < 2) throw new EngineError('bn_batch_one', BN2D_ONE_VALUE_MESSAGE);
  }

  trainStep(x: Float32Array, y: Targets, B: number): StepResult {
    this.checkBatch(B);
    if (!this.optimizer) throw new EngineError('invalid_spec', 'no optimizer set', 'optimizer');
    const z = this.forward(x, B, TRAIN_MODE);
    const loss = this.loss.forward(z, y, B, true);
    if (!Number.isFinite(loss)) return this.abandon(loss);
    let d = this.loss.grad;
    for (let i = this.layers.length - 1; i >= 0; i--) {
      d = this.layers[i].backward(d, B, i > 0 || this.wantInputGrad);
    }
    this.inputGrad = this.wantInputGrad ? d.subarray(0, B * this.spec.input) : null;
    // Gradient norms are observable, and their sum tells whether any gradient is non-finite.
    let total = 0;
    for (const l of this.layers) {
      for (const p of l.params) {
        const g = p.grad;
        let s = 0;
        for (let i = 0; i < g.length; i++) s += g[i] * g[i];
        p.gradNorm = Math.sqrt(s);
        total += s;
      }
    }
    if (!Number.isFinite(total)) return this.abandon(loss);
    for (const l of this.layers) if (l instanceof BatchNorm || l instanceof BatchNorm2d) l.commit();
    this.optimizer.step();
    return this.report(loss, false);
  }

  private abandon(loss: number): StepResult {
    for (const l of this.layers) if (l instanceof BatchNorm || l instanceof BatchNorm2d) l.discard();
    return this.report(Number.isFinite(loss) ? NaN : loss, true);
  }

  private report(loss: number, diverged: boolean): StepResult {
    this.result.loss = loss;
    this.result.diverged = diverged;
    return this.result;
  }

  /** Inference-mode loss and accuracy over a whole set, in chunks (no state changes). */
  evaluate(X: Float32Array, y: Targets, N: number, chunk = 256): EvalResult {
    return evaluateRows((x, B) => this.forward(x, B, EVAL_MODE), this.loss, this.spec.input, X, y, N, chunk);
  }

  /**
   * Monte-Carlo dropout: K forward passes with fresh masks (BN on running statistics); per output
   * value, the mean and the (population) variance over the K samples. For cross-entropy the
   * softmax probabilities are averaged.
   */
  mcPredict(X: Float32Array, N: number, K: number, mode: ForwardMode): { mean: Float32Array; variance: Float32Array } {
    const C = this.outDim;
    const mean = new Float64Array(N * C), sq = new Float64Array(N * C);
    for (let k = 0; k < K; k++) {
      const z = this.forward(X, N, mode);
      for (let b = 0; b < N; b++) {
        const o = b * C;
        if (this.loss.kind === 'cross_entropy') {
          let max = -Infinity;
          for (let c = 0; c < C; c++) max = Math.max(max, z[o + c]);
          let s = 0;
          for (let c = 0; c < C; c++) s += Math.exp(z[o + c] - max);
          for (let c = 0; c < C; c++) {
            const p = Math.exp(z[o + c] - max) / s;
            mean[o + c] += p;
            sq[o + c] += p * p;
          }
        } else {
          for (let c = 0; c < C; c++) {
            mean[o + c] += z[o + c];
            sq[o + c] += z[o + c] * z[o + c];
          }
        }
      }
    }
    const m = new Float32Array(N * C), v = new Float32Array(N * C);
    for (let i = 0; i < N * C; i++) {
      m[i] = mean[i] / K;
      v[i] = Math.max(0, sq[i] / K - (mean[i] / K) ** 2);
    }
    return { mean: m, variance: v };
  }

  /**
   * A model that shares this one's parameters and running statistics but has its own buffers:
   * evaluation, probes and the output grid run on a twin so the training batch's activations, masks
   * and statistics stay readable. It starts with the settings in force here, and applyLive on this
   * model reaches it. `dropoutRng` draws the twin's masks (and BN noise): required, so a twin never
   * draws from the training stream and a view cannot change the training masks.
   */
  twin(dropoutRng: Rng): Model {
    const layers = this.layers.map((l) => {
      const t = l.twin();
      if (t instanceof Dropout || t instanceof Dropout2d) t.setRng(dropoutRng);
      if (t instanceof BatchNorm || t instanceof BatchNorm2d) t.setNoiseRng(dropoutRng);
      return t;
    });
    const twin = new Model(this.spec, layers);
    twin.applyLive(this.settings);
    this.liveTwins();
    this.twins.push(new WeakRef(twin));
    return twin;
  }
}

/** Initial values in PyTorch layout, keyed "<layer>.weight", "<layer>.running_mean", … (parity, import). */
export type InitialState = Record<string, ArrayLike<number> | null | undefined>;

export function buildModel(spec: ModelSpec, opts: BuildOptions, initial?: InitialState): Model {
  const { shapes } = specShapes(spec);
  let width = spec.input;
  const img = (i: number): ImageShape => shapes[i] as ImageShape; // specShapes checked it is an image
  const types = spec.layers.map((l) => l.type);
  const layers: Layer[] = spec.layers.map((ls, i) => {
    switch (ls.type) {
      case 'conv2d': {
        const conv = new Conv2d(img(i), { out: ls.out, kernel: ls.kernel, stride: ls.stride ?? 1, padding: ls.padding ?? 0, bias: ls.bias !== false, sparseInputGrad: zeroInputsNeedNoGradient(types, i) });
        conv.init(opts.initRng, ls.init ?? 'he', ls.initScale ?? 1);
        const w = initial?.[`${i}.weight`];
        if (w) {
          checkLength(`${i}.weight`, conv.weight.value.length, w);
          conv.setTorchWeight(w);
        }
        if (conv.bias) copyInto(conv.bias.value, initial?.[`${i}.bias`], `${i}.bias`);
        width = conv.outDim;
        return conv;
      }
      case 'batchnorm2d': {
        const bn = new BatchNorm2d(img(i), {
          eps: ls.eps ?? BN_DEFAULTS.eps,
          momentum: ls.momentum ?? BN_DEFAULTS.momentum,
          batchStatsAtInference: false,
          noise: false,
        });
        bn.setNoiseRng(opts.noiseRng ?? opts.dropoutRng);
        copyInto(bn.gamma.value, initial?.[`${i}.gamma`], `${i}.gamma`);
        copyInto(bn.beta.value, initial?.[`${i}.beta`], `${i}.beta`);
        copyInto(bn.runningMean, initial?.[`${i}.running_mean`], `${i}.running_mean`);
        copyInto(bn.runningVar, initial?.[`${i}.running_var`], `${i}.running_var`);
        return bn;
      }
      case 'dropout2d':
        return new Dropout2d(img(i), { p: ls.p, scaling: ls.scaling ?? 'inverted', forgetScaling: false }, opts.dropoutRng);
      case 'maxpool2d': {
        const k = ls.kernel ?? 2;
        const pool = new MaxPool2d(img(i), k, ls.stride ?? k);
        width = pool.outDim;
        return pool;
      }
      case 'flatten':
        return new Flatten(img(i));
      case 'linear': {
        const hasBias = ls.bias !== false;
        const lin = new Linear(width, ls.out, undefined, hasBias, zeroInputsNeedNoGradient(types, i));
        lin.init(opts.initRng, ls.init ?? 'he', ls.initScale ?? 1);
        const w = initial?.[`${i}.weight`];
        if (w) {
          checkLength(`${i}.weight`, lin.weight.value.length, w);
          lin.setTorchWeight(w);
        }
        if (lin.bias) copyInto(lin.bias.value, initial?.[`${i}.bias`], `${i}.bias`);
        width = ls.out;
        return lin;
      }
      case 'relu':
      case 'tanh':
      case 'sigmoid':
        return new Activation(ls.type, width);
      case 'dropout':
        return new Dropout(width, { p: ls.p, scaling: ls.scaling ?? 'inverted', forgetScaling: false }, opts.dropoutRng);
      case 'batchnorm': {
        const bn = new BatchNorm(width, {
          eps: ls.eps ?? BN_DEFAULTS.eps,
          momentum: ls.momentum ?? BN_DEFAULTS.momentum,
          batchStatsAtInference: false,
          noise: false,
        });
        bn.setNoiseRng(opts.noiseRng ?? opts.dropoutRng);
        copyInto(bn.gamma.value, initial?.[`${i}.gamma`], `${i}.gamma`);
        copyInto(bn.beta.value, initial?.[`${i}.beta`], `${i}.beta`);
        copyInto(bn.runningMean, initial?.[`${i}.running_mean`], `${i}.running_mean`);
        copyInto(bn.runningVar, initial?.[`${i}.running_var`], `${i}.running_var`);
        return bn;
      }
      case 'layernorm': {
        const ln = new LayerNorm(width, { eps: ls.eps ?? LN_DEFAULTS.eps });
        copyInto(ln.gamma.value, initial?.[`${i}.gamma`], `${i}.gamma`);
        copyInto(ln.beta.value, initial?.[`${i}.beta`], `${i}.beta`);
        return ln;
      }
    }
  });
  return new Model(spec, layers);
}

/** Initial values of the wrong length would leave NaN or stale entries behind, so they are refused by key. */
function checkLength(key: string, expected: number, src: ArrayLike<number>): void {
  if (src.length !== expected) throw new EngineError('shape', `${key}: expected ${expected} values, got ${src.length}`, key);
}

function copyInto(dst: Float32Array, src: ArrayLike<number> | null | undefined, key: string): void {
  if (!src) return;
  checkLength(key, dst.length, src);
  for (let i = 0; i < dst.length; i++) dst[i] = src[i];
}
