// Hand-built History values for the comparison's tests: each point a single evaluation unless given
// as a merged point with its own first step and min/max.
import type { History, HistoryKey } from '../../src/protocol/frame.ts';

export interface Point {
  step: number;
  /** First step the point covers (default: step, a single evaluation). */
  first?: number;
  train: number;
  test: number;
  trainAcc?: number;
  testAcc?: number;
  /** Extremes of a merged point (default: the values themselves). */
  min?: Partial<Record<HistoryKey, number>>;
  max?: Partial<Record<HistoryKey, number>>;
}

const KEYS: HistoryKey[] = ['batchLoss', 'trainLoss', 'testLoss', 'trainAcc', 'testAcc'];

export function makeHistory(points: Point[], stride = 1): History {
  const val = (p: Point, k: HistoryKey): number =>
    k === 'trainLoss' ? p.train : k === 'testLoss' ? p.test : k === 'trainAcc' ? (p.trainAcc ?? NaN) : k === 'testAcc' ? (p.testAcc ?? NaN) : p.train;
  const series = (f: (p: Point, k: HistoryKey) => number) =>
    Object.fromEntries(KEYS.map((k) => [k, Float32Array.from(points, (p) => f(p, k))])) as Record<HistoryKey, Float32Array>;
  return {
    ...series(val),
    step: Float64Array.from(points, (p) => p.step),
    stepFirst: Float64Array.from(points, (p) => p.first ?? p.step),
    stride,
    min: series((p, k) => p.min?.[k] ?? val(p, k)),
    max: series((p, k) => p.max?.[k] ?? val(p, k)),
  };
}
