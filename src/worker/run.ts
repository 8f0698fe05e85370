// One run: the data, the network built from the config and seed, its trainer, the view networks, the
// latest evaluation and the bounded histories. A reset or a structural change builds a new Run; live
// changes (p, ε, momentum, optimizer, batch size, teaching switches) are applied to this one in place.
import { optimizerSpec, type LabConfig, type TeachFlags } from '../protocol/config.ts';
import type { Metrics } from '../protocol/frame.ts';
import { makeDataset, type Dataset } from '../engine/datasets/index.ts';
import type { CustomData } from '../protocol/custom-data.ts';
import { customDataset } from './custom-dataset.ts';
import { EngineError } from '../engine/errors.ts';
import { BatchNorm } from '../engine/layers/batchnorm.ts';
import { BatchNorm2d } from '../engine/layers/batchnorm2d.ts';
import { Dropout } from '../engine/layers/dropout.ts';
import { LayerNorm } from '../engine/layers/layernorm.ts';
import { EVAL_MODE, THIS_BATCH_MODE } from '../engine/layers/types.ts';
import { evaluateRows } from '../engine/evaluate.ts';
import { buildModel, type Model, type StepResult } from '../engine/model.ts';
import { modelSpecOf } from '../protocol/arch.ts';
import { Dropout2d } from '../engine/layers/dropout2d.ts';
import { rngFor, type Rng } from '../engine/rng.ts';
import { specShapes, validateModelSpec, type ImageShape, type LossKind, type ModelSpec } from '../engine/spec.ts';
import { Trainer, type Split } from '../engine/trainer.ts';
import { quantiles } from './history.ts';
import { RunHistory } from './run-history.ts';
import { trainingViewNet } from './views.ts';
import { chooseRows, normRanges, type Range2 } from './run-setup.ts';
import { batchFits } from '../protocol/rules.ts';

export const PROBE_COUNT = 8;
const EVAL_CHUNK = 256;

export function validateTrain(t: LabConfig['train'], trainRows: number): void {
  const bad = (field: string, msg: string): never => {
    throw new EngineError('invalid_spec', `${field}: ${msg}`, field);
  };
  if (t.optimizer !== 'sgd' && t.optimizer !== 'adam') bad('optimizer', `must be "sgd" or "adam" (got ${String(t.optimizer)})`);
  if (!(Number.isFinite(t.lr) && t.lr > 0 && t.lr <= 100)) bad('lr', `must be a number in (0, 100] (got ${t.lr})`);
  if (!(Number.isFinite(t.momentum) && t.momentum >= 0 && t.momentum < 1)) bad('momentum', `must be in [0, 1) (got ${t.momentum})`);
  if (!(Number.isFinite(t.weightDecay) && t.weightDecay >= 0 && t.weightDecay <= 10)) bad('weightDecay', `must be in [0, 10] (got ${t.weightDecay})`);
  if (!batchFits(t.batchSize, trainRows)) {
    bad('batchSize', `must be a whole number in [1, ${trainRows}] (got ${t.batchSize})`);
  }
}

export class Run {
  readonly id: number;
  readonly seed: number;
  readonly dataset: Dataset;
  readonly spec: ModelSpec;
  readonly model: Model;
  readonly trainer: Trainer;
  /** Inference mode (metrics, inference view) and Monte-Carlo dropout; masks from the `mc` stream. */
  readonly evalNet: Model;
  /** Training view (see views.ts); masks from the `view` stream. */
  readonly viewNet: Model;
  readonly viewRng: Rng;
  readonly probeRows: number[];
  /** The probe inputs (probeCount × inputDim) and their targets, fixed per run. */
  readonly probeX: Float32Array;
  readonly probeY: Float32Array;
  readonly history: RunHistory;
  /** Each layer's output image (C×H×W), null where it outputs flat rows. */
  readonly outShapes: (ImageShape | null)[];
  /** Fixed histogram ranges per norm layer, from the run's first batch. */
  readonly normRange = new Map<number, { in: Range2; out: Range2 }>();
  /** The latest evaluation; null until the loop's first (before the run's first frame or step). */
  metrics: Metrics | null = null;
  /** Test-set confusion matrix of the latest evaluation (classification), true row × predicted column. */
  confusion: Uint32Array | null = null;
  lastLoss = NaN;
  /** Rows of the batch the training model's buffers hold (the last step's, or the initial batch). */
  batchRows: number;
  /** Set by a live change that can alter inference outputs: metrics are re-evaluated before the next frame. */
  metricsStale = false;
  private batchCopy: Float32Array;
  private useBatchCopy = true;
  private qScratch = new Float32Array(0);

  constructor(id: number, config: LabConfig, teach: TeachFlags, frozen: ReadonlyMap<number, boolean>, custom: CustomData | null = null) {
    this.id = id;
    this.seed = config.seed;
    const data = (this.dataset = config.data.name === 'custom' ? customDataset(custom, config.data, config.seed) : makeDataset(config.data, config.seed));
    const loss: LossKind = data.kind === 'classification' ? 'cross_entropy' : 'mse';
    const spec = (this.spec = modelSpecOf(config, data.inputDim, data.classes, loss));
    validateModelSpec(spec);
    this.outShapes = [...specShapes(spec).shapes.slice(1), null];
    validateTrain(config.train, data.train.n);
    const dropoutRng = rngFor(config.seed, 'dropout');
    this.model = buildModel(spec, { initRng: rngFor(config.seed, 'init'), dropoutRng, noiseRng: rngFor(config.seed, 'noise') });
    this.model.setOptimizer(optimizerSpec(config.train));
    this.trainer = new Trainer(this.model, data.train, config.train.batchSize, rngFor(config.seed, 'shuffle'));
    this.viewRng = rngFor(config.seed, 'view');
    this.model.applyLive({ layers: spec.layers, teach });
    this.evalNet = this.model.twin(rngFor(config.seed, 'mc'));
    this.viewNet = trainingViewNet(this.model, this.viewRng);
    for (const [layer, f] of frozen) this.freeze(layer, f);
    this.probeRows = chooseRows(data.test, data.kind === 'classification' ? data.classes : 0, PROBE_COUNT);
    const D0 = data.inputDim, C0 = loss === 'cross_entropy' ? 1 : data.classes;
    this.probeX = new Float32Array(this.probeRows.length * D0);
    this.probeY = new Float32Array(this.probeRows.length * C0);
    this.probeRows.forEach((r, k) => {
      this.probeX.set(data.test.x.subarray(r * D0, (r + 1) * D0), k * D0);
      for (let c = 0; c < C0; c++) this.probeY[k * C0 + c] = data.test.y[r * C0 + c];
    });
    const tracked: number[] = [];
    this.model.layers.forEach((l, i) => {
      if (l.type !== 'relu' && l.type !== 'tanh' && l.type !== 'sigmoid') return;
      // With normalization before the activation, also what the norm receives (the linear output):
      // its output is steady by construction, so only its input shows how the distribution moves.
      const prev = this.model.layers[i - 1]?.type;
      if ((prev === 'batchnorm' || prev === 'batchnorm2d' || prev === 'layernorm') && i >= 2) tracked.push(i - 2);
      tracked.push(i - 1, i);
    });
    this.history = new RunHistory(tracked);

    // Before the first step, the training view and the batch panels show the first batchSize training
    // rows passed through the network in training mode (masks from the view stream, so the training
    // masks stay those of a bare run with this seed); the histogram ranges come from that pass.
    const B = config.train.batchSize, D = data.inputDim;
    this.batchRows = B;
    this.batchCopy = data.train.x.slice(0, B * D);
    const drops = this.model.layers.filter((l): l is Dropout | Dropout2d => l instanceof Dropout || l instanceof Dropout2d);
    drops.forEach((d) => d.setRng(this.viewRng));
    this.model.forward(this.batchCopy, B, THIS_BATCH_MODE);
    drops.forEach((d) => d.setRng(dropoutRng));
    normRanges(this.model, this.batchCopy, B, this.normRange);
    // Not evaluated here: the page's `ready` goes out first, and the loop evaluates before the run's
    // first frame or step (metrics null), 40 % of a cold configure that the first screen waited for.
  }

  get step(): number {
    return this.trainer.step;
  }

  /** The rows the training model's buffers describe (B × inputDim). */
  get batchX(): Float32Array {
    return this.useBatchCopy ? this.batchCopy : this.trainer.batchX;
  }

  /** True once a training step has run (masks and batch statistics are then the step's own). */
  get trained(): boolean {
    return !this.useBatchCopy || this.trainer.step > 0;
  }

  trainStep(): StepResult {
    const res = this.trainer.trainStep();
    this.useBatchCopy = false;
    this.batchRows = this.trainer.batch;
    if (!res.diverged) {
      this.lastLoss = res.loss;
      this.history.onStep(this.trainer.step, res.loss);
    }
    return res;
  }

  /** Applies the live part of a config (the structure must be unchanged); validates everything first. */
  applyLive(config: LabConfig, teach: TeachFlags): void {
    const d = this.dataset;
    const spec = modelSpecOf(config, d.inputDim, d.classes, this.spec.loss);
    validateModelSpec(spec);
    validateTrain(config.train, d.train.n);
    // p, scaling, ε, momentum and the switches, in the model and every twin (throws first on another structure).
    this.model.applyLive({ layers: spec.layers, teach });
    if (config.train.batchSize !== this.trainer.batch && !this.useBatchCopy) {
      // The buffers keep describing the last step's rows, which setBatchSize may reallocate away.
      this.batchCopy = this.trainer.batchX.slice(0, this.batchRows * d.inputDim);
      this.useBatchCopy = true;
    }
    this.trainer.setBatchSize(config.train.batchSize);
    this.model.setOptimizer(optimizerSpec(config.train));
    this.metricsStale = true;
  }

  normLayer(index: number): BatchNorm | BatchNorm2d | LayerNorm {
    const l = this.model.layers[index];
    if (!(l instanceof BatchNorm || l instanceof BatchNorm2d || l instanceof LayerNorm)) {
      throw new EngineError('invalid_spec', `layer: ${index} is not a normalization layer`, 'layer');
    }
    return l;
  }

  freeze(index: number, frozen: boolean): void {
    const l = this.model.layers[index];
    if (!(l instanceof BatchNorm || l instanceof BatchNorm2d || l instanceof LayerNorm)) return;
    l.gamma.frozen = frozen;
    l.beta.frozen = frozen;
  }

  /** Full train and test sets in inference mode; fills metrics, confusion and a history point. */
  evaluate(): Metrics {
    const d = this.dataset, ce = this.spec.loss === 'cross_entropy';
    const conf = ce ? new Uint32Array(d.classes * d.classes) : null;
    const tr = this.evalSplit(d.train, null);
    const te = this.evalSplit(d.test, conf);
    const m: Metrics = { step: this.trainer.step, trainLoss: tr.loss, trainAcc: ce ? tr.acc : NaN, testLoss: te.loss, testAcc: ce ? te.acc : NaN };
    this.metrics = m;
    this.confusion = conf;
    this.metricsStale = false;
    this.history.onEval(m, (index, out) => this.layerQuantiles(index, out));
    return m;
  }

  private evalSplit(s: Split, conf: Uint32Array | null): { loss: number; acc: number } {
    const net = this.evalNet;
    const r = evaluateRows((x, B) => net.forward(x, B, EVAL_MODE), net.loss, this.spec.input, s.x, s.y, s.n, EVAL_CHUNK, { confusion: conf });
    return { loss: r.loss, acc: r.accuracy };
  }

  private layerQuantiles(index: number, out: Float64Array): boolean {
    const l = this.model.layers[index];
    const n = this.batchRows * l.outDim;
    if (l.out.length < n) return false;
    if (this.qScratch.length < n) this.qScratch = new Float32Array(n);
    quantiles(l.out, n, this.qScratch, out);
    return true;
  }
}
