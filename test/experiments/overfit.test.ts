// E1 and E2 on three seeds: the test loss turns up while the training loss keeps falling, and dropout
// narrows the final gap. Each seed's runs are trained once (the memo shares E1's run with E2).
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPERIMENT_SEEDS } from '../../src/experiments/presets.ts';
import { measureE1, measureE2, type E2Figures, type Memo, type OverfitFigures } from '../../src/experiments/measures.ts';
import { judgeE1, judgeE2 } from '../../src/experiments/criteria.ts';

const e1 = new Map<number, OverfitFigures>();
const e2 = new Map<number, E2Figures>();

beforeAll(() => {
  for (const seed of EXPERIMENT_SEEDS) {
    const memo: Memo = new Map();
    e1.set(seed, measureE1(seed, memo));
    e2.set(seed, measureE2(seed, memo));
  }
}, 120_000);

describe.each(EXPERIMENT_SEEDS.map((s) => [s]))('seed %i', (seed) => {
  it('E1: the test loss reaches a minimum early, then rises while the training loss keeps falling', () => {
    const f = e1.get(seed)!;
    expect(f.minTestStep).toBeGreaterThan(0);
    expect(f.minTestStep).toBeLessThanOrEqual(f.steps / 2);
    expect(f.finalTestLoss).toBeGreaterThan(1.25 * f.minTestLoss);
    expect(f.finalTrainLoss).toBeLessThan(0.5 * f.trainLossAtMin);
    expect(f.gap).toBeGreaterThan(0);
    expect(f.finalTrainAcc).toBeGreaterThan(f.finalTestAcc);
    expect(judgeE1(f).checks).toEqual({ testMinimumInFirstHalf: true, testLossRoseAfterMinimum: true, trainLossKeptFalling: true, gapPositive: true });
  });

  it('E2: dropout p = 0.5 narrows the final gap on the same setup', () => {
    const f = e2.get(seed)!;
    expect(f.gapPlain).toBeCloseTo(e1.get(seed)!.gap, 12); // the same run as E1's
    expect(f.gapDropout).toBeGreaterThan(0);
    expect(f.gapDropout).toBeLessThan(f.gapPlain);
    expect(judgeE2(f).value).toBeLessThan(1);
  });
});
