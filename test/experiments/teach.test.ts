// E10 and E11 on three seeds. E10: noise after BN makes the 5th layer's input drift far more than
// with or without BN, yet the network trains nearly as fast as with BN. E11: a network trained with
// dropout loses less than half the accuracy a plain one loses when half its last hidden layer is
// knocked out at inference. Both directions of each claim are asserted, and the judges are shown to
// fail on figures that break it.
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPERIMENT_SEEDS } from '../../src/experiments/presets.ts';
import { measureE10, measureE11, type DriftRun, type E10Figures, type E11Figures } from '../../src/experiments/measures-teach.ts';
import { judgeE10, judgeE11 } from '../../src/experiments/criteria.ts';

const e10 = new Map<number, E10Figures>();
const e11 = new Map<number, E11Figures>();

beforeAll(() => {
  for (const seed of EXPERIMENT_SEEDS) {
    e10.set(seed, measureE10(seed));
    e11.set(seed, measureE11(seed));
  }
}, 300_000);

const held = (c: Record<string, boolean>): boolean => Object.values(c).every(Boolean);

describe.each(EXPERIMENT_SEEDS.map((s) => [s]))('seed %i', (seed) => {
  it('E10: noisy BN drifts more than BN and than no BN, on the scale-free and the absolute measure', () => {
    const { plain, bn, noisy } = e10.get(seed)!;
    expect(noisy.drift).toBeGreaterThan(bn.drift);
    expect(noisy.drift).toBeGreaterThan(plain.drift);
    expect(noisy.driftAbs).toBeGreaterThan(bn.driftAbs);
    expect(noisy.driftAbs).toBeGreaterThan(plain.driftAbs);
    // BN itself holds the input steadier than no BN does.
    expect(bn.drift).toBeLessThan(plain.drift);
  });

  it('E10: yet noisy BN trains nearly as fast as BN, faster than halfway between BN and no BN', () => {
    const { plain, bn, noisy } = e10.get(seed)!;
    for (const r of [plain, bn, noisy]) expect(r.divergedAt).toBeNull();
    expect(bn.steps).not.toBeNull();
    expect(noisy.steps).not.toBeNull();
    if (plain.steps !== null) expect(noisy.steps!).toBeLessThan((plain.steps + bn.steps!) / 2);
    expect(held(judgeE10(e10.get(seed)!).checks)).toBe(true);
  });

  it('E11: knocking out half the last hidden layer costs the plain network accuracy, the dropout-trained one less than half as much', () => {
    const { plain, dropout } = e11.get(seed)!;
    expect(plain.knockout.units).toBe(32);
    expect(plain.knockout.draws).toBe(20);
    expect(plain.knockout.intact.acc).toBeGreaterThan(0.9);
    expect(dropout.knockout.intact.acc).toBeGreaterThan(0.9);
    expect(plain.drop).toBeGreaterThan(0.02);
    expect(dropout.drop).toBeLessThan(0.5 * plain.drop);
    expect(held(judgeE11(e11.get(seed)!).checks)).toBe(true);
  });
});

describe('E10 and E11 judges follow the figures', () => {
  const r = (steps: number | null, drift: number): DriftRun => ({ steps, finalTrainLoss: 0.1, drift, driftAbs: drift, divergedAt: null });

  it('E10 fails when noisy BN drifts less than no BN, or trains as slowly as no BN', () => {
    const f: E10Figures = { plain: r(250, 0.07), bn: r(50, 0.006), noisy: r(50, 0.16), budget: 600 };
    expect(held(judgeE10(f).checks)).toBe(true);
    expect(judgeE10({ ...f, plain: r(null, 0.07) }).checks.noisyFasterThanMidpoint).toBe(true);
    expect(held(judgeE10({ ...f, noisy: r(50, 0.05) }).checks)).toBe(false);
    expect(held(judgeE10({ ...f, noisy: r(200, 0.16) }).checks)).toBe(false);
    expect(held(judgeE10({ ...f, noisy: r(null, 0.16) }).checks)).toBe(false);
  });

  it('E11 fails when the dropout-trained network loses half as much or more', () => {
    const ev = (acc: number) => ({ loss: 0.1, acc });
    const k = (intact: number, knocked: number) => ({
      knockout: { units: 32, width: 64, draws: 20, intact: ev(intact), knocked: ev(knocked), accMin: knocked, accMax: knocked }, drop: intact - knocked,
    });
    const f: E11Figures = { plain: k(0.97, 0.85), dropout: k(0.98, 0.96), fraction: 0.5 };
    expect(held(judgeE11(f).checks)).toBe(true);
    expect(held(judgeE11({ ...f, dropout: k(0.98, 0.9) }).checks)).toBe(false);
    expect(held(judgeE11({ ...f, plain: k(0.97, 0.97) }).checks)).toBe(false);
  });
});
