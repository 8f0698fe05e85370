// Scales shared by the loss and accuracy charts: one x over the current run's steps (earlier runs are
// cut to it, so runs are compared at equal steps), and the loss y, linear or logarithmic.
import { scaleLinear, scaleLog, type ContinuousScale } from '../../charts/scale.ts';
import { HISTORY_KEYS, type History, type HistoryKey } from '../../protocol/frame.ts';

export const W = 440;
export const M = { l: 44, r: 18, t: 10, b: 26 };

export type YScale = ContinuousScale;

export function stepScale(h: History) {
  const n = h.step.length;
  const hi = n ? h.step[n - 1] : 1;
  const lo = n ? h.step[0] : 0;
  return scaleLinear().domain([lo, Math.max(hi, lo + 1)]).range([M.l, W - M.r]);
}

/**
 * An earlier run up to step `last`. Spanning the longest run instead squeezed a fresh 500-step run
 * into the first pixels beside a 40,000-step one played earlier, and compared runs at unequal steps.
 */
export function upToStep(o: History, last: number): History {
  let n = 0;
  while (n < o.step.length && o.step[n] <= last) n++;
  if (n === o.step.length) return o;
  const cut = (r: Record<HistoryKey, Float32Array>) =>
    Object.fromEntries(HISTORY_KEYS.map((k) => [k, r[k].subarray(0, n)])) as Record<HistoryKey, Float32Array>;
  return { ...cut(o), step: o.step.subarray(0, n), stepFirst: o.stepFirst.subarray(0, n), stride: o.stride, min: cut(o.min), max: cut(o.max) };
}

const LOSS_KEYS: HistoryKey[] = ['trainLoss', 'testLoss', 'batchLoss'];

/** Loss y scale over everything drawn: the current run (bands included when merged) and earlier runs. */
export function lossScale(h: History, others: History[], log: boolean, height: number): YScale {
  let max = 0, minPos = Infinity;
  const take = (arr: Float32Array) => {
    for (const v of arr) {
      if (!Number.isFinite(v)) continue;
      if (v > max) max = v;
      if (v > 0 && v < minPos) minPos = v;
    }
  };
  for (const k of LOSS_KEYS) {
    take(h[k]);
    if (h.stride > 1 && k !== 'batchLoss') {
      take(h.min[k]);
      take(h.max[k]);
    }
  }
  for (const o of others) {
    take(o.trainLoss);
    take(o.testLoss);
  }
  const range = [height - M.b, M.t];
  if (log) {
    const top = max > 0 ? max : 1;
    // A loss that reaches 0 (MSE on a fit set) would send the log axis to −∞: floor it.
    const bottom = Math.max(Number.isFinite(minPos) ? minPos : top / 10, top * 1e-6);
    return scaleLog()
      .domain([bottom, bottom === top ? top * 10 : top])
      .nice()
      .clamp(true)
      .range(range);
  }
  return scaleLinear().domain([0, max || 1]).nice().range(range);
}
