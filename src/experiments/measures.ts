// The measured figures of each experiment for one seed: plain numbers (null where a run diverged),
// computed with the engine alone. Whether a claim holds is decided from these in criteria.ts.
import { BatchNorm, Dropout, EVAL_MODE, EngineError, THIS_BATCH_MODE, rngFor, type Model } from '../engine/index.ts';
import { E3_RATE_KEYS, PRESETS, presetRun, withSeed, type E3Rate, type ExperimentId } from './presets.ts';
import { buildRun, evalPoint, median, train, trailingMean, type Curves, type EvalPoint, type Run } from './run.ts';

export interface Trained {
  run: Run;
  curves: Curves;
}

/** Trained runs by config, so experiments that share a run (E1's network is E2's baseline) train it once. */
export type Memo = Map<string, Trained>;

export function trained(id: ExperimentId, key: string, seed: number, memo: Memo = new Map()): Trained {
  const p = PRESETS[id], r = withSeed(presetRun(id, key), seed);
  const k = JSON.stringify([r.config, r.teach, p.steps, p.evalEvery]);
  let t = memo.get(k);
  if (!t) {
    const run = buildRun(r.config, r.teach);
    t = { run, curves: train(run, p.steps, { evalEvery: p.evalEvery }) };
    memo.set(k, t);
  }
  return t;
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

// ---- E1, E2: overfitting and dropout ----------------------------------------------------------

export interface OverfitFigures {
  minTestLoss: number;
  minTestStep: number;
  trainLossAtMin: number;
  finalTestLoss: number;
  finalTrainLoss: number;
  /** Final test loss − final training loss. */
  gap: number;
  finalTrainAcc: number;
  finalTestAcc: number;
  steps: number;
}

export function overfitFigures(evals: EvalPoint[]): OverfitFigures {
  let best = evals[0];
  for (const e of evals) if (e.testLoss < best.testLoss) best = e;
  const last = evals[evals.length - 1];
  return {
    minTestLoss: best.testLoss, minTestStep: best.step, trainLossAtMin: best.trainLoss,
    finalTestLoss: last.testLoss, finalTrainLoss: last.trainLoss, gap: last.testLoss - last.trainLoss,
    finalTrainAcc: last.trainAcc, finalTestAcc: last.testAcc, steps: last.step,
  };
}

export function measureE1(seed: number, memo?: Memo): OverfitFigures {
  return overfitFigures(trained('E1', 'plain', seed, memo).curves.evals);
}

export interface E2Figures {
  gapPlain: number;
  gapDropout: number;
  testLossPlain: number;
  testLossDropout: number;
  testAccPlain: number;
  testAccDropout: number;
}

export function measureE2(seed: number, memo?: Memo): E2Figures {
  const a = overfitFigures(trained('E2', 'plain', seed, memo).curves.evals);
  const b = overfitFigures(trained('E2', 'dropout', seed, memo).curves.evals);
  return {
    gapPlain: a.gap, gapDropout: b.gap, testLossPlain: a.finalTestLoss, testLossDropout: b.finalTestLoss,
    testAccPlain: a.finalTestAcc, testAccDropout: b.finalTestAcc,
  };
}

// ---- E3: steps to a target training loss, plain vs BN, across learning rates ------------------------

export const E3_TARGET = 0.2;
/** The batch loss is noisy: the target counts as reached when the mean of the last 20 batches is below it. */
export const E3_WINDOW = 20;

export interface ToTarget {
  /** First step whose trailing mean is ≤ target; null when not reached within the budget. */
  steps: number | null;
  divergedAt: number | null;
  /** Trailing mean batch loss where the run stopped (null when it diverged). */
  lastLoss: number | null;
}

export function stepsToTarget(key: string, seed: number): ToTarget {
  const r = withSeed(presetRun('E3', key), seed), run = buildRun(r.config, r.teach);
  const reached = (bl: Float32Array, s: number): boolean => s >= E3_WINDOW && trailingMean(bl, s, E3_WINDOW) <= E3_TARGET;
  const c = train(run, PRESETS.E3.steps, { stopWhen: reached });
  return {
    steps: reached(c.batchLoss, c.steps) ? c.steps : null,
    divergedAt: c.divergedAt,
    lastLoss: c.divergedAt === null && c.steps > 0 ? trailingMean(c.batchLoss, c.steps, E3_WINDOW) : null,
  };
}

export type E3Figures = Record<`${'plain' | 'bn'}-${E3Rate}`, ToTarget> & { budget: number };

export function measureE3(seed: number): E3Figures {
  const out: Partial<E3Figures> = { budget: PRESETS.E3.steps };
  for (const r of E3_RATE_KEYS) {
    out[`plain-${r}`] = stepsToTarget(`plain-${r}`, seed);
    out[`bn-${r}`] = stepsToTarget(`bn-${r}`, seed);
  }
  return out as E3Figures;
}

/** plain ÷ BN steps; a plain run that never got there counts as the whole budget (so it is a lower bound). */
export function stepRatio(f: E3Figures, r: E3Rate): { ratio: number | null; lowerBound: boolean } {
  const p = f[`plain-${r}`], b = f[`bn-${r}`];
  if (b.steps === null) return { ratio: null, lowerBound: false };
  return { ratio: (p.steps ?? f.budget) / b.steps, lowerBound: p.steps === null };
}

// ---- E4: initialization scale ----------------------------------------------------------------------

export interface FinalLoss {
  /** Inference-mode loss on the whole training set after the run; null when it diverged. */
  loss: number | null;
  divergedAt: number | null;
}

export type E4Key = 'plain-sgd-0.1x' | 'plain-sgd-1x' | 'plain-sgd-10x' | 'bn-sgd-0.1x' | 'bn-sgd-10x' | 'plain-adam-0.1x' | 'plain-adam-10x';
export type E4Figures = Record<E4Key, FinalLoss> & { chanceLoss: number };

export function measureE4(seed: number, memo?: Memo): E4Figures {
  const out: Partial<E4Figures> = {};
  for (const { key } of PRESETS.E4.runs) {
    const t = trained('E4', key, seed, memo);
    const loss = t.curves.divergedAt === null ? evalPoint(t.run, t.curves.steps).trainLoss : NaN;
    out[key as E4Key] = { loss: finiteOrNull(loss), divergedAt: t.curves.divergedAt };
    out.chanceLoss = Math.log(t.run.data.classes);
  }
  return out as E4Figures;
}

// ---- shared probes -----------------------------------------------------------------------------------

/** Per-column population variance of an N×F block. */
export function columnVariance(a: Float32Array, N: number, F: number): Float64Array {
  const m = new Float64Array(F), v = new Float64Array(F);
  for (let b = 0; b < N; b++) for (let j = 0; j < F; j++) m[j] += a[b * F + j];
  for (let j = 0; j < F; j++) m[j] /= N;
  for (let b = 0; b < N; b++) {
    for (let j = 0; j < F; j++) {
      const d = a[b * F + j] - m[j];
      v[j] += d * d;
    }
  }
  for (let j = 0; j < F; j++) v[j] /= N;
  return v;
}

/**
 * Variance of the input of the `ordinal`-th BN layer over the rows X, training-mode forward (masks
 * sampled, averaged over `draws` masks) ÷ inference-mode forward; the median over features, so one
 * nearly constant feature cannot decide it.
 */
export function bnInputVarianceRatio(model: Model, X: Float32Array, N: number, ordinal: number, seed: number, draws = 5): number {
  const tw = model.twin(rngFor(seed, 'view'));
  const bnAt = tw.layers.flatMap((l, i) => (l instanceof BatchNorm ? [i] : []))[ordinal];
  const input = tw.layers[bnAt - 1], F = input.outDim;
  tw.forward(X, N, EVAL_MODE);
  const inf = columnVariance(input.out, N, F);
  const tr = new Float64Array(F);
  for (let k = 0; k < draws; k++) {
    tw.forward(X, N, THIS_BATCH_MODE);
    const v = columnVariance(input.out, N, F);
    for (let j = 0; j < F; j++) tr[j] += v[j] / draws;
  }
  return median(Array.from(inf, (v, j) => tr[j] / v));
}

/** Mean |value| of a layer's inference-mode output over the rows X. */
export function meanAbsOutput(model: Model, layer: number, X: Float32Array, N: number): number {
  const tw = model.twin(rngFor(0, 'view')); // inference mode: no mask is drawn
  tw.forward(X, N, EVAL_MODE);
  const out = tw.layers[layer].out, n = N * tw.layers[layer].outDim;
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.abs(out[i]);
  return s / n;
}

export function firstDroppingLayer(model: Model): number {
  const i = model.layers.findIndex((l) => l instanceof Dropout && l.p > 0);
  if (i < 0) throw new Error('no dropout layer with p > 0');
  return i;
}

export function isRefusal(e: unknown): boolean {
  return e instanceof EngineError && e.code === 'bn_batch_one';
}
