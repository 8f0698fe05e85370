// The comparison table's numbers, taken from the learner's own runs: which regularizers a config has
// on, a run's loss curve as metrics arrive, steps to a target training loss, the final gap, and
// whether dropout and BN change values at inference (read from an inference-mode frame's probes).
import type { LabConfig, TeachFlags } from '../protocol/config.ts';
import type { Frame, Metrics } from '../protocol/frame.ts';
import type { LayerModes } from '../protocol/inspection.ts';
import { COMPARE, type RunKind } from './setups.ts';

export interface RunPoint {
  step: number;
  train: number;
  test: number;
}

export interface MeasuredRun {
  kind: RunKind;
  dataset: LabConfig['data']['name'];
  seed: number;
  /** Everything that defines the run; two runs compare fairly when only the regularizers differ. */
  base: string;
  points: RunPoint[];
  /** Largest |out − in| over switched-on dropout layers, measured in inference mode. */
  inferDropout?: number;
  /** Mean |out − in| over BN layers, measured in inference mode. */
  inferBn?: number;
}

export const MAX_POINTS = 400;
/** A run is recorded only if its first evaluation came this early (so step counts start at 0). */
export const FRESH_STEPS = 100;

export function dropoutOn(config: LabConfig): boolean {
  const n = config.net;
  return n.dropoutP > 0 && (n.dropoutInput || n.dropoutHidden.some(Boolean));
}

export function bnOn(config: LabConfig): boolean {
  return config.net.norm.includes('batchnorm');
}

export function runKindOf(config: LabConfig): RunKind {
  const d = dropoutOn(config), b = bnOn(config);
  return d && b ? 'both' : d ? 'dropout' : b ? 'bn' : 'none';
}

/** The run's identity: settings, seed and teaching flags. A change to any of them ends a run. */
export function signature(config: LabConfig, teach: TeachFlags): string {
  return JSON.stringify([config, teach]);
}

/** The settings apart from the regularizers, to tell whether two runs compare fairly. */
export function baseSignature(config: LabConfig): string {
  const { dropoutP: _p, dropoutInput: _i, dropoutHidden: _h, norm: _n, ...net } = config.net;
  return JSON.stringify([config.data, net, config.train, config.seed]);
}

/** The comparison lesson's data, network, training and seed: the table holds only runs on these. */
export const LESSON_BASE = baseSignature({ ...COMPARE.none.patch, seed: COMPARE.none.seed } as unknown as LabConfig);

/** Appends a point, thinning old ones pairwise when the buffer is full (the newest is always kept). */
export function addPoint(points: readonly RunPoint[], p: RunPoint): RunPoint[] {
  let out = [...points, p];
  if (out.length > MAX_POINTS) {
    const last = out[out.length - 1];
    out = out.filter((_, i) => i % 2 === 0);
    if (out[out.length - 1] !== last) out.push(last);
  }
  return out;
}

export function pointOf(m: Metrics): RunPoint {
  return { step: m.step, train: m.trainLoss, test: m.testLoss };
}

/** Step of the first evaluation at or under the target training loss; null if none yet. */
export function stepsToTarget(run: MeasuredRun, target: number): number | null {
  for (const p of run.points) if (p.train <= target) return p.step;
  return null;
}

export function lastPoint(run: MeasuredRun): RunPoint | null {
  return run.points.length ? run.points[run.points.length - 1] : null;
}

/** Test − train loss at the latest evaluation. */
export function finalGap(run: MeasuredRun): number | null {
  const p = lastPoint(run);
  return p && Number.isFinite(p.train) && Number.isFinite(p.test) ? p.test - p.train : null;
}

export interface InferenceEffect {
  dropout: number | null;
  bn: number | null;
}

/**
 * How much dropout and BN layers change their inputs in this frame's view mode: the largest
 * |out − in| over dropout layers with p > 0, and the mean |out − in| over BN layers, on the probe
 * inputs. A layer's input is the previous layer's probe output (the network inputs for layer 0).
 */
export function inferenceEffect(frame: Frame, probeX: Float32Array | null): InferenceEffect {
  const byIndex = new Map(frame.layers.map((l) => [l.index, l]));
  let dropout: number | null = null, bnSum = 0, bnCount = 0;
  for (const l of frame.layers) {
    const isDrop = l.type === 'dropout' && (l.p ?? 0) > 0;
    if (!isDrop && l.type !== 'batchnorm') continue;
    const input = l.index === 0 ? probeX : (byIndex.get(l.index - 1)?.probe ?? null);
    if (!input || input.length !== l.probe.length || l.probe.length === 0) continue;
    let max = 0, sum = 0;
    for (let i = 0; i < l.probe.length; i++) {
      const d = Math.abs(l.probe[i] - input[i]);
      if (d > max) max = d;
      sum += d;
    }
    if (isDrop) dropout = Math.max(dropout ?? 0, max);
    else {
      bnSum += sum / l.probe.length;
      bnCount++;
    }
  }
  return { dropout, bn: bnCount ? bnSum / bnCount : null };
}

/**
 * The same two figures from the worker's inspection (inference mode, a copy of the network, the
 * inspected test rows): the largest |out − in| over switched-on dropout layers, the mean over BN layers.
 */
export function inspectionEffect(layers: readonly LayerModes[]): InferenceEffect {
  let dropout: number | null = null, bnSum = 0, bnCount = 0;
  for (const l of layers) {
    if (l.type === 'dropout' && (l.p ?? 0) > 0 && Number.isFinite(l.changeInferMax)) dropout = Math.max(dropout ?? 0, l.changeInferMax);
    else if (l.type === 'batchnorm' && Number.isFinite(l.changeInfer)) {
      bnSum += l.changeInfer;
      bnCount++;
    }
  }
  return { dropout, bn: bnCount ? bnSum / bnCount : null };
}

/** Below this, a layer is taken as passing its input through unchanged (float32 rounding). */
export const UNCHANGED = 1e-6;
