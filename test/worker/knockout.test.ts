// Knocking units out at inference (the Inference lab's "Knock out units", E11's measure): nothing
// knocked out is the network itself, everything knocked out leaves only the biases after that layer,
// the draws are fresh random sets, and measuring leaves training untouched.
import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG, DEFAULT_TEACH, type LabConfig } from '../../src/protocol/config.ts';
import { Session } from '../../src/worker/session.ts';
import { inspect, validateInspect } from '../../src/worker/inspect.ts';
import { knockedUnits, knockoutLayerIndex } from '../../src/experiments/knockout.ts';
import { dropoutLayerIndices } from '../../src/engine/netspec.ts';
import { sameSnapshot, snapshot } from '../engine/helpers.ts';

function session(net: Partial<LabConfig['net']> = {}, steps = 150): Session {
  const c: LabConfig = {
    arch: 'mlp',
    conv: DEFAULT_CONFIG.conv,
    data: { ...DEFAULT_CONFIG.data, name: 'digits', trainSize: 300, testSize: 100 },
    net: { ...DEFAULT_CONFIG.net, hidden: [24, 16], norm: ['none', 'none'], dropoutHidden: [false, false], dropoutP: 0.3, ...net },
    train: { ...DEFAULT_CONFIG.train, lr: 0.003 },
    seed: 5,
  };
  const s = new Session();
  s.configure(c, DEFAULT_TEACH, 'training');
  for (let i = 0; i < steps; i++) s.current.trainStep();
  return s;
}

describe('knock out units at inference', () => {
  test('a fraction of 0 is the intact network; the intact figures are the test set’s', () => {
    const s = session();
    const r = inspect(s.current, 5, undefined, undefined, { hidden: 1, fraction: 0 });
    const ko = r.knockout!;
    expect(ko).toMatchObject({ hidden: 1, fraction: 0, units: 0, width: 16, draws: 20 });
    expect(ko.knocked.acc).toBeCloseTo(ko.intact.acc, 12);
    expect(ko.accMin).toBe(ko.intact.acc);
    expect(ko.accMax).toBe(ko.intact.acc);
    expect(ko.knocked.loss).toBeCloseTo(ko.intact.loss, 12);
    expect(ko.intact.acc).toBeGreaterThan(0.5); // a trained network on the digits
  });

  test('knocking out every unit leaves one prediction for all inputs; half costs accuracy, with draws that differ', () => {
    const s = session();
    const all = inspect(s.current, 5, undefined, undefined, { hidden: 0, fraction: 1 }).knockout!;
    expect(all.units).toBe(24);
    // Nothing reaches the next layer but its bias: every input gets the same output, so the accuracy is one class's share.
    expect(all.accMin).toBe(all.accMax);
    expect(all.knocked.acc).toBeLessThan(0.25);
    const half = inspect(s.current, 5, undefined, undefined, { hidden: 0, fraction: 0.5 }).knockout!;
    expect(half.units).toBe(12);
    expect(half.knocked.acc).toBeLessThan(half.intact.acc);
    expect(half.accMax).toBeGreaterThan(half.accMin);
  });

  test('no knockout unless asked; a missing hidden layer gives none; bad requests are refused', () => {
    const s = session();
    expect(inspect(s.current, 5).knockout).toBeNull();
    expect(inspect(s.current, 5, undefined, undefined, { hidden: 2, fraction: 0.5 }).knockout).toBeNull();
    expect(validateInspect(5, undefined, { hidden: 0, fraction: 1.5 })).toMatch(/fraction/);
    expect(validateInspect(5, undefined, { hidden: -1, fraction: 0.5 })).toMatch(/hidden/);
    expect(validateInspect(5, undefined, { hidden: 0, fraction: 0.5 })).toBeNull();
  });

  test('measuring does not change the network or its training', () => {
    const a = session({}, 40), b = session({}, 40);
    const before = snapshot(a.current.model);
    inspect(a.current, 5, undefined, undefined, { hidden: 1, fraction: 0.5 });
    expect(sameSnapshot(snapshot(a.current.model), before)).toBe(true);
    for (let i = 0; i < 10; i++) {
      a.current.trainStep();
      b.current.trainStep();
    }
    expect(sameSnapshot(snapshot(a.current.model), snapshot(b.current.model))).toBe(true);
  });

  test('the unit count and the layer it acts on', () => {
    expect(knockedUnits(64, 0.5)).toBe(32);
    expect(knockedUnits(10, 0.25)).toBe(3);
    const net = { ...DEFAULT_CONFIG.net, hidden: [8, 8, 8], norm: ['batchnorm', 'none', 'none'] as const, dropoutHidden: [false, false, false] };
    const n = { ...net, norm: [...net.norm] };
    expect(knockoutLayerIndex(n, 0)).toBe(dropoutLayerIndices(n)[1]);
    expect(knockoutLayerIndex(n, 2)).toBe(dropoutLayerIndices(n)[3]);
    expect(() => knockoutLayerIndex(n, 3)).toThrow(RangeError);
  });
});
