import { describe, expect, test } from 'vitest';
import { QUANTILES, SummarySeries, quantiles } from '../../src/worker/history.ts';
import { RunHistory } from '../../src/worker/run-history.ts';
import { Rng } from '../../src/engine/rng.ts';

describe('SummarySeries', () => {
  test('stays within capacity and every point summarizes exactly the raw samples it covers', () => {
    const cap = 16, s = new SummarySeries(2, cap), rng = new Rng(3);
    const raw: number[][] = [];
    for (let step = 1; step <= 1000; step++) {
      const v = [rng.normal(), step % 7];
      raw.push(v);
      s.pushValues(step, v);
      expect(s.points).toBeLessThanOrEqual(cap + 1);
    }
    const snap = s.snapshot();
    expect(snap.stride).toBe(64); // 1000 samples need stride 64 to fit in 16 points
    const n = snap.stepLast.length;
    expect(snap.stepFirst[0]).toBe(1);
    expect(snap.stepLast[n - 1]).toBe(1000);
    for (let i = 0; i < n; i++) {
      const covered = raw.slice(snap.stepFirst[i] - 1, snap.stepLast[i]);
      if (i < n - 1) expect(covered.length).toBe(snap.stride);
      if (i > 0) expect(snap.stepFirst[i]).toBe(snap.stepLast[i - 1] + 1);
      for (let c = 0; c < 2; c++) {
        const vals = covered.map((v) => v[c]);
        expect(snap.mean[c][i]).toBeCloseTo(vals.reduce((a, b) => a + b, 0) / vals.length, 5);
        expect(snap.min[c][i]).toBeCloseTo(Math.min(...vals), 6);
        expect(snap.max[c][i]).toBeCloseTo(Math.max(...vals), 6);
      }
    }
  });

  test('a million samples keep the storage at capacity', () => {
    const s = new SummarySeries(1, 512);
    for (let i = 0; i < 1_000_000; i++) s.pushValues(i, [i]);
    const snap = s.snapshot();
    expect(snap.stepLast.length).toBeLessThanOrEqual(513);
    expect(snap.stepLast.length).toBeGreaterThan(256);
    // The last point's mean is the mean of the steps it covers (an arithmetic run).
    const k = snap.stepLast.length - 1;
    expect(snap.mean[0][k]).toBeCloseTo((snap.stepFirst[k] + snap.stepLast[k]) / 2, 0);
    expect(snap.min[0][0]).toBe(0);
    expect(snap.max[0][k]).toBe(999_999);
  });

  test('missing values (NaN) do not poison merged points', () => {
    const s = new SummarySeries(1, 4);
    s.pushValues(0, [NaN]);
    for (let i = 1; i < 6; i++) s.pushValues(i, [i]);
    const snap = s.snapshot();
    expect(snap.stride).toBe(2);
    expect(snap.mean[0][0]).toBe(1); // (missing, 1) → 1
    expect(snap.min[0][0]).toBe(1);
    expect(Array.from(snap.mean[0]).every(Number.isFinite)).toBe(true);
  });

  test('summaries merge weighted by how many values they stand for', () => {
    const s = new SummarySeries(1, 2);
    s.pushSummaries(1, 9, [{ mean: 1, min: 0, max: 2, weight: 9 }]);
    s.pushSummaries(10, 10, [{ mean: 11, min: 11, max: 11, weight: 1 }]);
    const snap = s.snapshot();
    expect(snap.stepFirst[0]).toBe(1);
    expect(snap.stepLast[0]).toBe(10);
    expect(snap.mean[0][0]).toBeCloseTo(2, 6);
    expect(snap.min[0][0]).toBe(0);
    expect(snap.max[0][0]).toBe(11);
  });
});

test('quantiles match a sorted reference', () => {
  const rng = new Rng(5), n = 101, v = new Float32Array(n);
  for (let i = 0; i < n; i++) v[i] = rng.normal();
  const out = new Float64Array(5);
  quantiles(v, n, new Float32Array(n), out);
  const s = Array.from(v).sort((a, b) => a - b);
  QUANTILES.forEach((q, k) => expect(out[k]).toBeCloseTo(s[Math.round(q * 100)], 6));
  expect(v[0]).not.toBe(s[0]); // the source was not sorted in place
});

test('RunHistory: batch losses between evaluations become one summarized point', () => {
  const h = new RunHistory([3]);
  const metrics = (step: number) => ({ step, trainLoss: 1 / (step + 1), trainAcc: 0.5, testLoss: 2, testAcc: NaN });
  h.onEval(metrics(0), () => false);
  [4, 2, 6].forEach((l, i) => h.onStep(i + 1, l));
  h.onStep(4, NaN); // a diverged step carries no loss
  h.onEval(metrics(4), (_, out) => {
    out.set([1, 2, 3, 4, 5]);
    return true;
  });
  const { history, activations } = h.snapshot();
  expect(Array.from(history.step)).toEqual([0, 4]);
  expect(history.stepFirst[1]).toBe(1);
  expect(Number.isNaN(history.batchLoss[0])).toBe(true);
  expect(history.batchLoss[1]).toBeCloseTo(4, 6);
  expect(history.min.batchLoss[1]).toBe(2);
  expect(history.max.batchLoss[1]).toBe(6);
  expect(history.trainLoss[1]).toBeCloseTo(0.2, 6);
  expect(Number.isNaN(history.testAcc[1])).toBe(true);
  expect(activations.layers[0].index).toBe(3);
  expect(Array.from(activations.layers[0].q.slice(5))).toEqual([1, 2, 3, 4, 5]);
});
