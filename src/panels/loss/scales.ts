// Scales shared by the loss and accuracy charts: one x over steps (wide enough for the earlier runs
// shown), and the loss y, linear or logarithmic.
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';
import type { History, HistoryKey } from '../../protocol/frame.ts';

export const W = 440;
export const M = { l: 44, r: 18, t: 10, b: 26 };

export type YScale = ScaleContinuousNumeric<number, number>;

export function stepScale(h: History, others: History[]) {
  const n = h.step.length;
  let hi = n ? h.step[n - 1] : 1;
  for (const o of others) if (o.step.length) hi = Math.max(hi, o.step[o.step.length - 1]);
  const lo = n ? h.step[0] : 0;
  return scaleLinear().domain([lo, Math.max(hi, lo + 1)]).range([M.l, W - M.r]);
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
