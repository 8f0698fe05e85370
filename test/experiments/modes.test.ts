// E5–E8 on three seeds: what differs between training and inference (variance shift, forgotten
// dropout scaling, BN on a batch of one) and training at batch size one.
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPERIMENT_SEEDS } from '../../src/experiments/presets.ts';
import type { Memo } from '../../src/experiments/measures.ts';
import { measureE5, measureE6, measureE7, measureE8, type E5Figures, type E6Figures, type E7Figures, type E8Figures } from '../../src/experiments/measures-modes.ts';
import { judgeE5, judgeE6, judgeE7, judgeE8 } from '../../src/experiments/criteria.ts';

const figs = new Map<number, { e5: E5Figures; e6: E6Figures; e7: E7Figures; e8: E8Figures }>();

beforeAll(() => {
  for (const seed of EXPERIMENT_SEEDS) {
    const memo: Memo = new Map();
    figs.set(seed, { e5: measureE5(seed, memo), e6: measureE6(seed, memo), e7: measureE7(seed, memo), e8: measureE8(seed) });
  }
}, 120_000);

const allTrue = (checks: Record<string, boolean>): void => {
  expect(Object.entries(checks).filter(([, ok]) => !ok).map(([k]) => k)).toEqual([]);
};

describe.each(EXPERIMENT_SEEDS.map((s) => [s]))('seed %i', (seed) => {
  it('E5: dropout before BN shifts the variance of its input (≈ 1/(1−p) for zero-mean input, less for ReLU); after the last BN it does not', () => {
    const f = figs.get(seed)!.e5;
    expect(f.theory).toBe(2);
    expect(Math.abs(f.ratioZeroMean - f.theory)).toBeLessThan(0.1 * f.theory);
    expect(f.ratioBeforeBn).toBeGreaterThan(1.1);
    expect(f.ratioBeforeBn).toBeLessThan(f.theory);
    expect(f.ratioBeforeBn).toBeLessThan(f.ratioZeroMean);
    expect(Math.abs(f.ratioAfterLastBn - 1)).toBeLessThan(0.1);
    allTrue(judgeE5(f).checks);
  });

  it('E6: forgetting the classic scaling inflates activations by 1/(1−p), worsens the spiral test loss, and drops accuracy on the spiral only', () => {
    const { spiral: s, gaussians: g, theory } = figs.get(seed)!.e6;
    expect(s.activationRatio).toBeCloseTo(theory, 4);
    expect(g.activationRatio).toBeCloseTo(theory, 4);
    expect(s.logitRatio).toBeGreaterThan(theory); // two dropout layers compound
    expect(s.testLossForgot).toBeGreaterThan(s.testLossScaled);
    expect(s.testAccForgot).toBeLessThanOrEqual(s.testAccScaled - 0.03);
    expect(Math.abs(g.testAccForgot - g.testAccScaled)).toBeLessThanOrEqual(0.01);
    allTrue(judgeE6(figs.get(seed)!.e6).checks);
  });

  it('E7: batch-of-one statistics at inference collapse every BN unit to β and every prediction to one class', () => {
    const f = figs.get(seed)!.e7;
    expect(f.maxDeviationFromBeta).toBeLessThanOrEqual(1e-6);
    expect(f.distinctPredictions).toBe(1);
    expect(f.accBatchOfOne).toBeLessThanOrEqual(f.largestClassShare + 1e-9);
    expect(f.accRunning).toBeGreaterThan(0.9);
    allTrue(judgeE7(f).checks);
  });

  it('E8: BN refuses batch size one; LayerNorm trains there', () => {
    const f = figs.get(seed)!.e8;
    expect(f.bnRefused).toBe(true);
    expect(f.bnStepsTaken).toBe(0);
    expect(f.lnFinalLoss).toBeLessThan(f.lnInitialLoss);
    expect(f.lnFinalLoss).toBeLessThan(0.75 * f.chanceLoss);
    expect(f.lnTrainAcc).toBeGreaterThanOrEqual(f.chanceAcc + 0.25);
    allTrue(judgeE8(f).checks);
  });
});
