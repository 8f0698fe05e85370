// Figures of the experiments that turn two taught claims into measurements: E10, internal covariate
// shift is not what BN fixes (after Santurkar et al. 2018), and E11, co-adaptation seen as how much a
// network loses when some of its units are knocked out at inference.
import { THIS_BATCH_MODE, rngFor, type Model } from '../engine/index.ts';
import { knockoutLayerIndex, measureKnockout, type KnockoutFigures } from './knockout.ts';
import { PRESETS, presetRun, withSeed } from './presets.ts';
import { buildRun, evalPoint, type Run } from './run.ts';
import type { Memo } from './measures.ts';
import { trained } from './measures.ts';

// ---- E10: internal covariate shift ----------------------------------------------------------------

/** Training loss (the whole training set, inference mode) each E10 run is timed to. */
export const E10_TARGET = 0.3;
/** Rows of the fixed probe batch the drift is measured on (the first rows of the training set). */
export const E10_PROBE_ROWS = 256;
/** Hidden layer whose output is the input of the 5th linear layer (0-based: the 4th hidden layer). */
export const E10_PROBE_HIDDEN = 3;

export interface DriftRun {
  /** First evaluation step (every 10) with the training loss ≤ the target; null when never within the budget. */
  steps: number | null;
  finalTrainLoss: number;
  /**
   * Mean over the steps of Σⱼ(|Δμⱼ| + |Δσⱼ|) ÷ Σⱼ σⱼ: how far the probe batch's per-unit mean and standard
   * deviation at the 5th linear layer's input move in one step, relative to that layer's spread. Scale-free.
   */
  drift: number;
  /** The same without the division: the mean over units of |Δμⱼ| + |Δσⱼ| (the reference's measure). */
  driftAbs: number;
  divergedAt: number | null;
}

/** Per-unit mean and population standard deviation of an N×F block. */
function moments(a: Float32Array, N: number, F: number, mu: Float64Array, sd: Float64Array): void {
  mu.fill(0);
  sd.fill(0);
  for (let b = 0; b < N; b++) for (let j = 0; j < F; j++) mu[j] += a[b * F + j];
  for (let j = 0; j < F; j++) mu[j] /= N;
  for (let b = 0; b < N; b++) {
    for (let j = 0; j < F; j++) {
      const d = a[b * F + j] - mu[j];
      sd[j] += d * d;
    }
  }
  for (let j = 0; j < F; j++) sd[j] = Math.sqrt(sd[j] / N);
}

/**
 * Trains one E10 run for the preset's steps, evaluating the training loss every evalEvery steps, and
 * after every step passes the probe batch through a twin in training mode (batch statistics; with the
 * noise switch on, a fresh noise draw, as a training step would see) to measure the drift.
 */
export function driftRun(run: Run, steps: number, evalEvery: number, seed: number): DriftRun {
  const { model, data } = run;
  const at = knockoutLayerIndex(run.config.net, E10_PROBE_HIDDEN);
  const probeN = Math.min(E10_PROBE_ROWS, data.train.n), D = data.inputDim;
  const probe = data.train.x.subarray(0, probeN * D);
  const tw: Model = model.twin(rngFor(seed, 'view'));
  const F = tw.layers[at].outDim;
  const mu = [new Float64Array(F), new Float64Array(F)], sd = [new Float64Array(F), new Float64Array(F)];
  const look = (k: number) => {
    tw.forward(probe, probeN, THIS_BATCH_MODE);
    moments(tw.layers[at].out, probeN, F, mu[k], sd[k]);
  };
  look(0);
  let rel = 0, abs = 0, reached: number | null = null, divergedAt: number | null = null, cur = 0, s = 0;
  while (s < steps) {
    const r = run.trainer.trainStep();
    if (r.diverged) {
      divergedAt = s + 1;
      break;
    }
    s++;
    const prev = cur;
    cur = 1 - cur;
    look(cur);
    let d = 0, spread = 0;
    for (let j = 0; j < F; j++) {
      d += Math.abs(mu[cur][j] - mu[prev][j]) + Math.abs(sd[cur][j] - sd[prev][j]);
      spread += sd[prev][j];
    }
    abs += d / F;
    rel += spread > 0 ? d / spread : 0;
    if (reached === null && s % evalEvery === 0 && evalPoint(run, s).trainLoss <= E10_TARGET) reached = s;
  }
  return { steps: reached, finalTrainLoss: evalPoint(run, s).trainLoss, drift: rel / Math.max(1, s), driftAbs: abs / Math.max(1, s), divergedAt };
}

export type E10Key = 'ics-plain' | 'ics-bn' | 'ics-noisy-bn';
export type E10Figures = Record<'plain' | 'bn' | 'noisy', DriftRun> & { budget: number };

export function measureE10(seed: number): E10Figures {
  const p = PRESETS.E10;
  const one = (key: E10Key) => {
    const r = withSeed(presetRun('E10', key), seed);
    return driftRun(buildRun(r.config, r.teach), p.steps, p.evalEvery, seed);
  };
  return { plain: one('ics-plain'), bn: one('ics-bn'), noisy: one('ics-noisy-bn'), budget: p.steps };
}

// ---- E11: knocking units out at inference -----------------------------------------------------------

/** Half of the last hidden layer's units, as in the reference. */
export const E11_FRACTION = 0.5;

export interface E11Run {
  knockout: KnockoutFigures;
  /** Accuracy points lost: intact − knocked out (test set, mean over the draws). */
  drop: number;
}

export type E11Figures = { plain: E11Run; dropout: E11Run; fraction: number };

export function knockoutOf(run: Run, hidden: number, fraction: number, seed: number): KnockoutFigures {
  const tw = run.model.twin(rngFor(seed, 'view')); // inference: no mask is drawn
  const { x, y, n } = run.data.test;
  return measureKnockout(tw.layers, tw.loss, x, y, n, knockoutLayerIndex(run.config.net, hidden), fraction, rngFor(seed, 'mc'));
}

export function measureE11(seed: number, memo?: Memo): E11Figures {
  const one = (key: 'ko-plain' | 'ko-dropout'): E11Run => {
    const { run } = trained('E11', key, seed, memo);
    const k = knockoutOf(run, run.config.net.hidden.length - 1, E11_FRACTION, seed);
    return { knockout: k, drop: k.intact.acc - k.knocked.acc };
  };
  return { plain: one('ko-plain'), dropout: one('ko-dropout'), fraction: E11_FRACTION };
}
