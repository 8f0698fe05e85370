// Running a lab config headless: the same data, model, masks and batch order the lab would build for
// that config and seed (one seeded stream per use), trained for a number of steps with the curves the
// experiments read. Pure engine code: no DOM, so Node tests and the experiments script share it.
import { Trainer, buildModel, compileNet, makeDataset, rngFor, type Dataset, type Model } from '../engine/index.ts';
import { DEFAULT_TEACH, optimizerSpec, type LabConfig, type TeachFlags } from '../protocol/config.ts';

export interface Run {
  config: LabConfig;
  teach: TeachFlags;
  data: Dataset;
  model: Model;
  trainer: Trainer;
}

/** Builds a config's run; pass `data` to share one data set between runs of the same data config and seed. */
export function buildRun(config: LabConfig, teach: TeachFlags = DEFAULT_TEACH, data?: Dataset): Run {
  const d = data ?? makeDataset(config.data, config.seed);
  const spec = compileNet(config.net, d.inputDim, d.classes, d.kind === 'regression' ? 'mse' : 'cross_entropy');
  const model = buildModel(spec, { initRng: rngFor(config.seed, 'init'), dropoutRng: rngFor(config.seed, 'dropout'), noiseRng: rngFor(config.seed, 'noise') });
  model.setTeaching(teach);
  model.setOptimizer(optimizerSpec(config.train));
  const trainer = new Trainer(model, d.train, Math.min(config.train.batchSize, d.train.n), rngFor(config.seed, 'shuffle'));
  return { config, teach, data: d, model, trainer };
}

export interface EvalPoint {
  step: number;
  trainLoss: number;
  testLoss: number;
  trainAcc: number;
  testAcc: number;
}

export interface Curves {
  /** Inference-mode losses on the whole train and test sets every `evalEvery` steps (step 0 included). */
  evals: EvalPoint[];
  /** Every step's training-batch loss (training mode), as the optimizer saw it. */
  batchLoss: Float32Array;
  /** Steps actually taken (fewer than asked when the run diverged). */
  steps: number;
  /** Step at which the loss or a gradient went non-finite; null when it never did. */
  divergedAt: number | null;
}

export function evalPoint(run: Run, step: number): EvalPoint {
  const { model, data } = run;
  const tr = model.evaluate(data.train.x, data.train.y, data.train.n);
  const te = model.evaluate(data.test.x, data.test.y, data.test.n);
  return { step, trainLoss: tr.loss, testLoss: te.loss, trainAcc: tr.accuracy, testAcc: te.accuracy };
}

export interface TrainOptions {
  /** 0: no full evaluations (only the batch losses). */
  evalEvery?: number;
  /** Stop as soon as this returns true (checked after each step with the batch losses so far). */
  stopWhen?: (batchLoss: Float32Array, step: number) => boolean;
}

/**
 * Trains for `steps` steps. A diverged step changes nothing in the engine and would be retried on the
 * same batch forever, so the run stops there and says so.
 */
export function train(run: Run, steps: number, opts: TrainOptions = {}): Curves {
  const evalEvery = opts.evalEvery ?? 0;
  const evals: EvalPoint[] = evalEvery > 0 ? [evalPoint(run, 0)] : [];
  const batchLoss = new Float32Array(steps);
  let divergedAt: number | null = null, s = 0;
  while (s < steps) {
    const r = run.trainer.trainStep();
    if (r.diverged) {
      divergedAt = s + 1;
      break;
    }
    batchLoss[s++] = r.loss;
    if (evalEvery > 0 && s % evalEvery === 0) evals.push(evalPoint(run, s));
    if (opts.stopWhen?.(batchLoss, s)) break;
  }
  return { evals, batchLoss: batchLoss.subarray(0, s), steps: s, divergedAt };
}

/** Mean of the last `window` values ending at index end − 1 (fewer at the start). */
export function trailingMean(a: ArrayLike<number>, end: number, window: number): number {
  const from = Math.max(0, end - window);
  let s = 0;
  for (let i = from; i < end; i++) s += a[i];
  return s / (end - from);
}

export function median(xs: readonly number[]): number {
  const a = [...xs].sort((p, q) => p - q), m = a.length >> 1;
  return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2;
}
