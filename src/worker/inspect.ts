// The Inference lab's measurements (the `inspect` command): the same test rows through training and
// inference mode, dropout's scaling done right and forgotten, Monte-Carlo dropout, and BatchNorm at
// inference with running statistics, the whole test set's statistics and a batch of one (LayerNorm
// beside it). Runs on an InspectNet: the run's model, buffers, masks, statistics and random streams
// are left exactly as they were.
import { BatchNorm } from '../engine/layers/batchnorm.ts';
import { Conv2d } from '../engine/layers/conv2d.ts';
import { Dropout } from '../engine/layers/dropout.ts';
import { Dropout2d } from '../engine/layers/dropout2d.ts';
import { EVAL_MODE, MC_MODE, THIS_BATCH_MODE } from '../engine/layers/types.ts';
import { argmaxRow, type Targets } from '../engine/loss.ts';
import type { Split } from '../engine/trainer.ts';
import {
  INSPECT_LIMITS, type BatchOfOne, type BnInspection, type EvalFigures, type InspectionReport, type LayerModes, type LnInspection,
  type KnockoutInspection, type KnockoutRequest, type McDigit, type McInspection, type ScalingInspection,
} from '../protocol/inspection.ts';
import { THIS_BATCH_INFER, InspectNet, means } from './inspect-net.ts';
import { bn2dFigures } from './inspect-bn2d.ts';
import type { Run } from './run.ts';
import { chooseRows } from './run-setup.ts';
import { KNOCKOUT_DRAWS, measureKnockout } from '../experiments/knockout.ts';

/** Training-mode passes averaged per layer: one mask draw over 64 rows is noisy to a few per cent. */
export const TRAIN_PASSES = 8;
/** Multiply-adds the training-mode passes may take together (a very large network gets fewer passes). */
export const TRAIN_MAC_BUDGET = 4e6;
/**
 * Multiply-adds one pass over the test rows may take (there are up to seven such passes): the whole
 * test set on every default network, an even spread of at least MIN_TEST_ROWS rows on a very large one.
 */
export const PASS_MAC_BUDGET = 3e6;
export const MIN_TEST_ROWS = 100;
/**
 * Monte-Carlo on the test set: at most this many multiply-adds (K passes × rows × weights per row), so
 * the measurement stays cheap whatever K and the network; the rows are spread evenly over the test set.
 */
export const MC_MAC_BUDGET = 8e6;

interface Cached {
  net: InspectNet;
  rowsFor: Map<number, Float32Array>;
  spread: Map<number, Split>;
}

// One inspection network per run (a run never changes structure; live settings reach it as a twin
// of the run's model, through Model.applyLive), so repeated measurements reuse its buffers and continue its random stream.
const cache = new WeakMap<Run, Cached>();

function cached(run: Run): Cached {
  let c = cache.get(run);
  if (!c) {
    c = { net: new InspectNet(run.model, run.seed), rowsFor: new Map(), spread: new Map() };
    cache.set(run, c);
  }
  return c;
}

function inspectedRows(run: Run, c: Cached, rows: number): Float32Array {
  let x = c.rowsFor.get(rows);
  if (!x) {
    const d = run.dataset, D = d.inputDim;
    const picked = chooseRows(d.test, d.kind === 'classification' ? d.classes : 0, rows);
    x = new Float32Array(picked.length * D);
    picked.forEach((r, k) => x!.set(d.test.x.subarray(r * D, (r + 1) * D), k * D));
    c.rowsFor.set(rows, x);
  }
  return x;
}

/** `n` test rows spread evenly over the test set (its order may follow the classes); all of it when n covers it. */
function spreadRows(run: Run, c: Cached, n: number): Split {
  const of = run.dataset.test.n;
  if (n >= of) return run.dataset.test;
  let s = c.spread.get(n);
  if (!s) {
    const t = run.dataset.test, D = run.dataset.inputDim, ce = run.spec.loss === 'cross_entropy';
    const C = ce ? 1 : run.model.outDim;
    const x = new Float32Array(n * D), y = ce ? new Int32Array(n) : new Float32Array(n * C);
    for (let i = 0; i < n; i++) {
      const r = Math.floor((i * of) / n);
      x.set(t.x.subarray(r * D, (r + 1) * D), i * D);
      for (let j = 0; j < C; j++) y[i * C + j] = t.y[r * C + j];
    }
    s = { x, y, n };
    c.spread.set(n, s);
  }
  return s;
}

/** Multiply-adds of one row's forward pass (the linear and conv layers dominate). */
export function macsPerRow(run: Run): number {
  let m = 0;
  for (const l of run.model.layers) {
    if (l.type === 'linear') m += l.inDim * l.outDim;
    else if (l instanceof Conv2d) m += l.outDim * l.inShape.c * l.kernel * l.kernel;
  }
  return Math.max(1, m);
}

export function validateInspect(k: unknown, rows: unknown, knockout?: unknown, probe?: unknown): string | null {
  const { k: K, rows: R } = INSPECT_LIMITS;
  if (!(typeof k === 'number' && Number.isInteger(k) && k >= K.min && k <= K.max)) return `inspect: k must be a whole number in [${K.min}, ${K.max}] (got ${String(k)})`;
  if (rows !== undefined && !(typeof rows === 'number' && Number.isInteger(rows) && rows >= R.min && rows <= R.max)) {
    return `inspect: rows must be a whole number in [${R.min}, ${R.max}] (got ${String(rows)})`;
  }
  if (knockout !== undefined) {
    const ko = knockout as Partial<KnockoutRequest> | null;
    const h = ko?.hidden, f = ko?.fraction;
    if (!(typeof h === 'number' && Number.isInteger(h) && h >= 0)) return `inspect: knockout.hidden must be a whole number ≥ 0 (got ${String(h)})`;
    if (!(typeof f === 'number' && f >= 0 && f <= 1)) return `inspect: knockout.fraction must be a number in [0, 1] (got ${String(f)})`;
    const u = ko?.unit;
    if (u !== undefined && !(typeof u === 'number' && Number.isInteger(u) && u >= 0)) return `inspect: knockout.unit must be a whole number ≥ 0 (got ${String(u)})`;
  }
  if (probe !== undefined && !(typeof probe === 'number' && Number.isInteger(probe) && probe >= 0)) return `inspect: probe must be a whole number ≥ 0 (got ${String(probe)})`;
  return null;
}

export function inspect(
  run: Run, k: number, rows: number = INSPECT_LIMITS.defaultRows, now: () => number = () => performance.now(), knockout?: KnockoutRequest, probe?: number,
): InspectionReport {
  const t0 = now();
  const c = cached(run), ins = c.net, d = run.dataset;
  const X = inspectedRows(run, c, Math.min(rows, d.test.n));
  const R = X.length / d.inputDim;
  const macs = macsPerRow(run);
  const testRows = Math.min(d.test.n, Math.max(MIN_TEST_ROWS, Math.floor(PASS_MAC_BUDGET / macs)));
  const test = spreadRows(run, c, testRows);
  const passes = Math.max(1, Math.min(TRAIN_PASSES, Math.floor(TRAIN_MAC_BUDGET / (R * macs))));
  const layers = layerModes(ins, X, R, passes);
  const scaling = scalingFigures(ins, X, R, test, layers);
  const report: InspectionReport = {
    runId: run.id,
    step: run.step,
    kind: d.kind,
    rows: R,
    trainPasses: passes,
    testRows,
    layers,
    scaling,
    mc: scaling ? monteCarlo(ins, run, k, spreadRows(run, c, mcRows(run, k, testRows)), probe) : null,
    bn: ins.bns.length ? bnFigures(ins, test, d.classes, run) : null,
    bn2d: bn2dFigures(ins, test),
    ln: ins.lns.length ? lnFigures(ins, test) : null,
    knockout: knockout ? knockoutFigures(ins, run, test, knockout) : null,
    ms: 0,
  };
  report.ms = now() - t0;
  return report;
}

export function mcRows(run: Run, k: number, testRows: number): number {
  return Math.max(1, Math.min(testRows, Math.floor(MC_MAC_BUDGET / (k * macsPerRow(run)))));
}

function layerModes(ins: InspectNet, X: Float32Array, R: number, passes: number): LayerModes[] {
  const L = ins.net.layers, n = L.length;
  const sum = new Float64Array(n), abs = new Float64Array(n);
  for (let t = 0; t < passes; t++) {
    ins.forward(X, R, THIS_BATCH_MODE);
    L.forEach((l, i) => {
      const m = means(l.out, R * l.outDim);
      sum[i] += m.mean / passes;
      abs[i] += m.abs / passes;
    });
  }
  // Inference exactly as the lab's network computes it now, teaching switches included.
  ins.with(null, null, () => ins.forward(X, R, EVAL_MODE));
  return L.map((l, i) => {
    const m = means(l.out, R * l.outDim);
    const c = change(i === 0 ? X : L[i - 1].out, l.out, l.inDim === l.outDim ? R * l.outDim : 0);
    const row: LayerModes = {
      index: i, type: l.type, meanTrain: sum[i], meanInfer: m.mean, absTrain: abs[i], absInfer: m.abs, ratio: abs[i] > 0 ? m.abs / abs[i] : NaN,
      changeInfer: c.mean, changeInferMax: c.max,
    };
    if (l instanceof Dropout || l instanceof Dropout2d) row.p = l.p;
    return row;
  });
}

/** Mean and largest |out − in| over the first n values (NaN for n = 0: sizes differ). */
function change(input: Float32Array, out: Float32Array, n: number): { mean: number; max: number } {
  if (n === 0) return { mean: NaN, max: NaN };
  let sum = 0, max = 0;
  for (let j = 0; j < n; j++) {
    const d = Math.abs(out[j] - input[j]);
    sum += d;
    if (d > max) max = d;
  }
  return { mean: sum / n, max };
}

function scalingFigures(ins: InspectNet, X: Float32Array, R: number, test: Split, layers: LayerModes[]): ScalingInspection | null {
  const dropping = ins.drops.filter((l) => l.p > 0);
  if (!dropping.length) return null;
  const first = dropping[0], at = ins.net.layers.indexOf(first), p = first.p;
  const scaling = first.cfg.scaling;
  const inverted = scaling === 'inverted';
  // BN on running statistics in both, so only dropout's scaling differs.
  const run = (mistake: boolean) =>
    ins.with(mistake && !inverted, false, () => {
      ins.forward(X, R, EVAL_MODE);
      const mean = means(first.out, R * first.outDim).abs;
      return { mean, e: ins.evaluate(test.x, test.y, test.n, EVAL_MODE, 256) };
    }, mistake && inverted);
  const ok = run(false), bad = run(true);
  return {
    scaling,
    mistake: inverted ? 'train-factor-at-inference' : 'skip-keep-factor',
    layer: at,
    p,
    dropping: dropping.length,
    theory: 1 / (1 - p),
    forgottenInLab: !inverted && first.cfg.forgetScaling,
    scaled: ok.e,
    forgot: bad.e,
    meanTrain: layers[at].absTrain,
    meanScaled: ok.mean,
    meanForgot: bad.mean,
    ratio: ok.mean > 0 ? bad.mean / ok.mean : NaN,
  };
}

function softmaxAt(z: Float32Array, b: number, C: number, c: number): number {
  const o = b * C;
  let max = -Infinity;
  for (let j = 0; j < C; j++) max = Math.max(max, z[o + j]);
  let s = 0;
  for (let j = 0; j < C; j++) s += Math.exp(z[o + j] - max);
  return Math.exp(z[o + c] - max) / s;
}

function monteCarlo(ins: InspectNet, run: Run, k: number, rows: Split, probe?: number): McInspection {
  const net = ins.net, C = net.outDim, ce = net.loss.kind === 'cross_entropy';
  return ins.with(false, false, () => {
    const digit = ce && probe !== undefined && probe < run.probeRows.length ? mcDigit(ins, run.probeX.subarray(probe * net.spec.input, (probe + 1) * net.spec.input), k, probe) : null;
    const P = run.probeRows.length;
    const mc = net.mcPredict(run.probeX, P, k, MC_MODE);
    const z = ins.forward(run.probeX, P, EVAL_MODE);
    const probes = Array.from({ length: P }, (_, b) => {
      const cls = ce ? argmaxRow(mc.mean, b, C) : 0;
      const i = b * C + cls;
      return { cls, mean: mc.mean[i], std: Math.sqrt(mc.variance[i]), single: ce ? softmaxAt(z, b, C, cls) : z[i] };
    });
    const m = net.mcPredict(rows.x, rows.n, k, MC_MODE).mean;
    return { k, digit, probes, rows: rows.n, mc: meanFigures(m, rows.y, rows.n, C, ce), single: ins.evaluate(rows.x, rows.y, rows.n, EVAL_MODE, 256) };
  });
}

/**
 * K passes with fresh masks (BN on running statistics) on one input: every class's mean probability and
 * its spread, beside the single inference pass. The teaching switches are the caller's (monteCarlo: off).
 */
export function mcDigit(ins: InspectNet, x: Float32Array, k: number, probe: number): McDigit {
  const C = ins.net.outDim;
  const mc = ins.net.mcPredict(x, 1, k, MC_MODE);
  const z = ins.forward(x, 1, EVAL_MODE);
  return {
    probe,
    mean: Array.from(mc.mean.subarray(0, C)),
    std: Array.from(mc.variance.subarray(0, C), (v) => Math.sqrt(v)),
    single: Array.from({ length: C }, (_, c) => softmaxAt(z, 0, C, c)),
  };
}

/** Loss and accuracy of averaged predictions: probabilities (cross-entropy) or values (MSE). */
function meanFigures(m: Float32Array, y: Targets, n: number, C: number, ce: boolean): EvalFigures {
  let loss = 0, correct = 0;
  for (let b = 0; b < n; b++) {
    if (ce) {
      loss -= Math.log(Math.max(m[b * C + y[b]], 1e-12));
      if (argmaxRow(m, b, C) === y[b]) correct++;
    } else {
      for (let c = 0; c < C; c++) loss += (m[b * C + c] - y[b * C + c]) ** 2 / C;
    }
  }
  return { loss: loss / n, acc: ce ? correct / n : NaN };
}

function bnFigures(ins: InspectNet, test: Split, classes: number, run: Run): BnInspection {
  const ce = ins.net.loss.kind === 'cross_entropy', C = ins.net.outDim, n = test.n;
  return ins.with(false, false, () => {
    const running = ins.evaluate(test.x, test.y, n, EVAL_MODE, 256);
    const wholeBatch = ins.evaluate(test.x, test.y, n, THIS_BATCH_INFER, n);
    const counts = new Uint32Array(ce ? C : 0);
    let maxAbsXhat = 0, maxFromBeta = 0, s1 = 0, s2 = 0;
    const e = ins.evaluate(test.x, test.y, n, THIS_BATCH_INFER, 1, (z) => {
      if (ce) counts[argmaxRow(z, 0, C)]++;
      else {
        s1 += z[0];
        s2 += z[0] * z[0];
      }
      for (const l of ins.bns) {
        const beta = l.beta.value;
        for (let j = 0; j < l.outDim; j++) {
          maxAbsXhat = Math.max(maxAbsXhat, Math.abs(l.xhat[j]));
          maxFromBeta = Math.max(maxFromBeta, Math.abs(l.out[j] - beta[j]));
        }
      }
    });
    const batchOfOne: BatchOfOne = {
      ...e,
      topShare: ce ? Math.max(...counts) / n : NaN,
      distinct: ce ? counts.filter((v) => v > 0).length : 0,
      outputStd: ce ? NaN : Math.sqrt(Math.max(0, s2 / n - (s1 / n) ** 2)),
      maxAbsXhat,
      maxFromBeta,
    };
    const labels = new Uint32Array(ce ? classes : 0);
    if (ce) for (let i = 0; i < n; i++) labels[test.y[i]]++;
    return {
      layers: ins.bns.length,
      running,
      wholeBatch,
      batchOfOne,
      largestClassShare: ce ? Math.max(...labels) / n : NaN,
      batchStatsInLab: run.model.layers.some((l) => l instanceof BatchNorm && l.cfg.batchStatsAtInference),
    };
  });
}

function lnFigures(ins: InspectNet, test: Split): LnInspection {
  const C = ins.net.outDim, n = test.n;
  return ins.with(false, false, () => {
    const full = new Float32Array(n * C);
    const fullBatch = ins.evaluate(test.x, test.y, n, EVAL_MODE, n, (z) => full.set(z.subarray(0, n * C)));
    let maxDiff = 0;
    const batchOfOne = ins.evaluate(test.x, test.y, n, EVAL_MODE, 1, (z, o) => {
      for (let c = 0; c < C; c++) maxDiff = Math.max(maxDiff, Math.abs(z[c] - full[o * C + c]));
    });
    return { layers: ins.lns.length, fullBatch, batchOfOne, maxDiff };
  });
}

/**
 * Where a hidden layer's units are (the dropout place after it, the identity at inference, which holds
 * them after the activation and any normalization) and how many values one unit is: for the MLP the
 * places are [input, after hidden 0, …] (see dropoutLayerIndices) and a unit is one value; for the CNN
 * they are one per conv block and a unit is a channel, its whole H×W map. Null: no such layer.
 */
export function knockoutPlace(ins: InspectNet, run: Run, hidden: number): { at: number; span: number; of: 'unit' | 'channel' } | null {
  const layers = ins.net.layers;
  const drops = layers.flatMap((l, i) => (l instanceof Dropout || l instanceof Dropout2d ? [i] : []));
  const convs = layers.filter((l): l is Conv2d => l instanceof Conv2d);
  if (convs.length) {
    const at = drops[hidden], conv = convs[hidden];
    if (at === undefined || !conv || drops.length !== convs.length) return null;
    return { at, span: layers[at].outDim / conv.outShape.c, of: 'channel' };
  }
  const at = drops[hidden + 1];
  if (at === undefined || drops.length !== run.model.layers.filter((l) => l.type === 'linear').length) return null;
  return { at, span: 1, of: 'unit' };
}

/**
 * Units (the CNN's: channels) of a hidden layer knocked out at inference (BN on running statistics,
 * dropout off, no teaching mistake). Null when the network has no such layer or unit.
 */
function knockoutFigures(ins: InspectNet, run: Run, test: Split, ko: KnockoutRequest): KnockoutInspection | null {
  const place = knockoutPlace(ins, run, ko.hidden);
  if (!place) return null;
  const { at, span, of } = place;
  if (ko.unit !== undefined && ko.unit >= ins.net.layers[at].outDim / span) return null;
  const f = ins.with(false, false, () =>
    measureKnockout(ins.net.layers, ins.net.loss, test.x, test.y, test.n, at, ko.fraction, ins.rng, KNOCKOUT_DRAWS, { span, unit: ko.unit }),
  );
  return {
    hidden: ko.hidden, fraction: ko.fraction, ...(ko.unit !== undefined ? { unit: ko.unit } : {}), of, units: f.units, width: f.width, draws: f.draws, testRows: test.n,
    intact: f.intact, knocked: f.knocked, accMin: f.accMin, accMax: f.accMax,
  };
}
