// The comparison table's figures, read from a variant's streamed History (train and test evaluated on
// the full sets in inference mode) and its latest metrics. History points merge in pairs once the
// buffer fills, so each reader uses the merged extremes (min/max) where the plain mean would hide an
// evaluation that happened.
import type { History, Metrics } from '../../protocol/frame.ts';

export interface Reach {
  /** Step of the first evaluation with train loss ≤ the target, or the last step of the merged point holding it. */
  step: number;
  /** First step that point covers (steps trained since the evaluation before it). */
  first: number;
  /** True while points are single evaluations (stride 1): `step` is then the evaluation's own step. */
  exact: boolean;
}

/** When the training loss first reached `target`, or null if it has not yet. */
export function stepsToTarget(h: History, target: number): Reach | null {
  const n = h.step.length, single = h.stride === 1;
  for (let i = 0; i < n; i++) {
    // A merged point's min is its lowest evaluation; a single evaluation's is the value itself.
    const v = single ? h.trainLoss[i] : h.min.trainLoss[i];
    if (v <= target) return { step: h.step[i], first: h.stepFirst[i], exact: single };
  }
  return null;
}

/** Highest test accuracy of any evaluation so far (NaN for regression or before any evaluation). */
export function bestTestAcc(h: History): number {
  let best = NaN;
  for (let i = 0; i < h.step.length; i++) {
    const v = h.max.testAcc[i];
    if (Number.isFinite(v) && !(v <= best)) best = v;
  }
  return best;
}

/** Lowest test loss of any evaluation so far, with the step of the point holding it. */
export function bestTestLoss(h: History): { loss: number; step: number } | null {
  let best: { loss: number; step: number } | null = null;
  for (let i = 0; i < h.step.length; i++) {
    const v = h.min.testLoss[i];
    if (Number.isFinite(v) && (!best || v < best.loss)) best = { loss: v, step: h.step[i] };
  }
  return best;
}

/** Test − train loss at the latest evaluation (the metrics when given, else the newest history point). */
export function finalGap(h: History | null, m: Metrics | null): number {
  if (m) return m.testLoss - m.trainLoss;
  if (!h || !h.step.length) return NaN;
  const i = h.step.length - 1;
  return h.testLoss[i] - h.trainLoss[i];
}

/** Milliseconds per training step from a steps-per-second rate (NaN when none was measured). */
export function msPerStep(stepsPerSecond: number): number {
  return stepsPerSecond > 0 && Number.isFinite(stepsPerSecond) ? 1000 / stepsPerSecond : NaN;
}

/** True when the latest evaluation is not finite: the run has blown up even if no step was refused yet. */
export function nonFinite(m: Metrics | null): boolean {
  return !!m && (!Number.isFinite(m.trainLoss) || !Number.isFinite(m.testLoss));
}
