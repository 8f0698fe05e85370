import { describe, expect, it } from 'vitest';
import { bestTestAcc, bestTestLoss, finalGap, msPerStep, nonFinite, stepsToTarget } from '../../src/panels/compare/measures.ts';
import { emptyLive } from '../../src/store/compare.ts';
import { liveFromFrame } from '../../src/panels/compare/live.ts';
import type { Frame } from '../../src/protocol/frame.ts';
import { makeHistory } from './history.ts';

describe('stepsToTarget', () => {
  const h = makeHistory([
    { step: 0, train: 2, test: 2 },
    { step: 10, train: 1.5, test: 1.6 },
    { step: 20, train: 0.75, test: 1 },
    { step: 30, train: 0.5, test: 0.875 },
    { step: 40, train: 0.625, test: 0.9 },
    { step: 50, train: 0.25, test: 1.25 },
  ]);

  it('is the step of the first evaluation at or under the target', () => {
    expect(stepsToTarget(h, 0.5)).toEqual({ step: 30, first: 30, exact: true });
    // 0.625 at step 40 comes after 0.5 at step 30: the first one counts.
    expect(stepsToTarget(h, 0.7)?.step).toBe(30);
    expect(stepsToTarget(h, 0.75)?.step).toBe(20);
    expect(stepsToTarget(h, 2)?.step).toBe(0);
    expect(stepsToTarget(h, 0.25)?.step).toBe(50);
  });

  it('is exact at stride 1 even though each point also covers the steps trained since the previous evaluation', () => {
    const real = makeHistory([
      { step: 0, train: 2, test: 2 },
      { step: 57, first: 1, train: 1, test: 1 },
      { step: 131, first: 58, train: 0.25, test: 1 },
    ]);
    expect(stepsToTarget(real, 0.5)).toEqual({ step: 131, first: 58, exact: true });
  });

  it('is null while the target is not reached', () => {
    expect(stepsToTarget(h, 0.2)).toBeNull();
    expect(stepsToTarget(makeHistory([]), 1)).toBeNull();
  });

  it('uses a merged point’s lowest evaluation and reports its step range', () => {
    const merged = makeHistory(
      [
        { step: 19, first: 0, train: 1.2, test: 1.3, min: { trainLoss: 0.9 } },
        { step: 39, first: 20, train: 0.6, test: 0.8, min: { trainLoss: 0.4 } },
      ],
      2,
    );
    // The mean 0.6 never reaches 0.5, but one evaluation in steps 20–39 did.
    expect(stepsToTarget(merged, 0.5)).toEqual({ step: 39, first: 20, exact: false });
    expect(stepsToTarget(merged, 0.3)).toBeNull();
  });
});

describe('best, gap, time', () => {
  const h = makeHistory([
    { step: 0, train: 2, test: 2, trainAcc: 0.5, testAcc: 0.5 },
    { step: 10, train: 1, test: 1.25, trainAcc: 0.75, testAcc: 0.8125, max: { testAcc: 0.875 }, min: { testLoss: 1 } },
    { step: 20, train: 0.5, test: 1.5, trainAcc: 0.9, testAcc: 0.75 },
  ]);

  it('best test accuracy is the highest evaluation, merged extremes included', () => {
    expect(bestTestAcc(h)).toBe(0.875);
    expect(bestTestAcc(makeHistory([{ step: 0, train: 1, test: 1 }]))).toBeNaN();
  });

  it('best test loss is the lowest evaluation with its point', () => {
    expect(bestTestLoss(h)).toEqual({ loss: 1, step: 10 });
  });

  it('final gap is test − train at the latest evaluation', () => {
    expect(finalGap(h, null)).toBe(1);
    expect(finalGap(h, { step: 21, trainLoss: 0.25, testLoss: 1.75, trainAcc: 1, testAcc: 0.5 })).toBe(1.5);
    expect(finalGap(null, null)).toBeNaN();
  });

  it('time per step is 1000 / steps per second, none when nothing was measured', () => {
    expect(msPerStep(250)).toBe(4);
    expect(msPerStep(0)).toBeNaN();
  });

  it('a non-finite evaluation counts as diverged', () => {
    expect(nonFinite({ step: 1, trainLoss: NaN, testLoss: 1, trainAcc: 0, testAcc: 0 })).toBe(true);
    expect(nonFinite({ step: 1, trainLoss: 1, testLoss: 1, trainAcc: 0, testAcc: 0 })).toBe(false);
  });
});

describe('liveFromFrame', () => {
  const frame = (runId: number, h: ReturnType<typeof makeHistory>, sps: number): Frame =>
    ({ runId, step: h.step[h.step.length - 1], history: h, metrics: null, playing: true, stepsPerSecond: sps }) as unknown as Frame;

  it('records the exact step the target was reached and keeps it after the points merge', () => {
    const fine = makeHistory([
      { step: 0, train: 1, test: 1 },
      { step: 10, train: 0.5, test: 0.75 },
      { step: 20, train: 0.25, test: 0.75 },
    ]);
    let live = liveFromFrame({ ...emptyLive(), runId: 1 }, frame(1, fine, 100), 0.5);
    expect(live.reach).toEqual({ target: 0.5, step: 10 });
    const coarse = makeHistory([{ step: 20, first: 0, train: 0.6, test: 0.8, min: { trainLoss: 0.25 } }], 4);
    live = liveFromFrame(live, frame(1, coarse, 0), 0.5);
    expect(live.reach).toEqual({ target: 0.5, step: 10 });
    // A paused frame reports 0 steps per second: the last measured rate stays.
    expect(live.stepsPerSecond).toBe(100);
    // Another target is looked up afresh; the merged history cannot say exactly, so nothing is recorded.
    expect(liveFromFrame(live, frame(1, coarse, 0), 0.3).reach).toBeNull();
    // A frame of an older run is ignored.
    expect(liveFromFrame({ ...live, runId: 2 }, frame(1, fine, 5), 0.5).stepsPerSecond).toBe(100);
  });
});
