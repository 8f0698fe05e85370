// The Inference lab on the CNN (arch=cnn): the same `inspect` code path as the MLP's, measuring the
// conv layers in training and inference mode, Monte-Carlo dropout on one chosen digit, dropout's
// scaling with Dropout2d, and knocking out whole channels. Checked against independent computations.
import { describe, expect, it } from 'vitest';
import { BatchNorm2d } from '../../src/engine/layers/batchnorm2d.ts';
import { inspect, macsPerRow, mcDigit, validateInspect } from '../../src/worker/inspect.ts';
import { InspectNet } from '../../src/worker/inspect-net.ts';
import type { Session } from '../../src/worker/session.ts';
import { fixtureConfig, makeFixture } from '../fixtures/frames.ts';

function cnnSession(dropout: 'none' | 'channel' | 'element', p: number, steps = 120, scaling: 'inverted' | 'classic' = 'inverted'): Session {
  const config = fixtureConfig('digits', {
    arch: 'cnn', conv: { layers: 2, channels: 6, bn: true, dropout }, net: { dropoutP: p, dropoutScaling: scaling, normPlacement: 'before' },
    train: { lr: 0.01 },
  });
  return makeFixture(config, { steps }).session;
}

describe('the Inference lab on the CNN', () => {
  it('counts the conv layers’ multiply-adds in its work budget', () => {
    const run = cnnSession('channel', 0.3, 1).current;
    // conv 1: 6 maps of 8×8, each value 1·3·3 products; conv 2: 6 of 4×4 from 6 channels; head: 6·2·2 → 10.
    expect(macsPerRow(run)).toBe(6 * 64 * 9 + 6 * 16 * 6 * 9 + 24 * 10);
  });

  it('puts every conv layer through training and inference mode; Dropout2d keeps the scale (inverted)', () => {
    const run = cnnSession('channel', 0.3).current;
    const r = inspect(run, 8);
    const types = r.layers.map((l) => l.type);
    expect(types).toEqual(expect.arrayContaining(['conv2d', 'batchnorm2d', 'dropout2d', 'maxpool2d', 'flatten']));
    // Inverted Dropout2d changes no magnitude between the modes: its ratio is its input's (BN's batch vs running statistics aside).
    for (const l of r.layers.filter((x) => x.type === 'dropout2d')) {
      expect(l.p).toBe(0.3);
      const before = r.layers[l.index - 1];
      expect(l.ratio / before.ratio).toBeGreaterThan(0.9);
      expect(l.ratio / before.ratio).toBeLessThan(1.1);
    }
    expect(r.testRows).toBeGreaterThanOrEqual(100);
    expect(r.testRows).toBeLessThanOrEqual(run.dataset.test.n);
    // Scaling done wrong (classic, × (1 − p) skipped) makes inference 1/(1 − p) too large, for channel dropout too.
    expect(r.scaling!.ratio).toBeCloseTo(1 / 0.7, 4);
    const classic = inspect(cnnSession('channel', 0.3, 60, 'classic').current, 8).scaling!;
    expect(classic.mistake).toBe('skip-keep-factor');
    expect(classic.ratio).toBeCloseTo(1 / 0.7, 4);
    expect(r.bn).toBeNull(); // BatchNorm1d's figures
  });

  it('BatchNorm2d at inference: one image alone still normalizes over its H·W values (no collapse to β)', () => {
    const run = cnnSession('channel', 0.3).current;
    const b = inspect(run, 5).bn2d!;
    expect(b.layers).toBe(2);
    expect(b.areas).toEqual([64, 16]); // 8×8 maps in block 1, 4×4 after the first pool
    expect(b.maxAbsXhat).toBeGreaterThan(0.5); // BatchNorm1d with one row gives exactly 0
    // Each image by its own statistics is worse than the running ones, but far from one class for all.
    expect(b.running.acc).toBeGreaterThan(0.6);
    expect(b.batchOfOne.acc).toBeGreaterThan(0.3);
    expect(Number.isFinite(b.wholeBatch.loss)).toBe(true);
    const plain = makeFixture(fixtureConfig('digits', { arch: 'cnn', conv: { layers: 2, channels: 6, bn: false, dropout: 'channel' } }), { steps: 1 }).session.current;
    expect(inspect(plain, 5).bn2d).toBeNull();
  });

  it('Monte-Carlo on a chosen digit: with p = 0 every pass is the inference pass', () => {
    const run = cnnSession('channel', 0, 60).current;
    const ins = new InspectNet(run.model, run.seed);
    const d = mcDigit(ins, run.probeX.subarray(64 * 2, 64 * 3), 12, 2);
    expect(d.probe).toBe(2);
    expect(d.mean).toHaveLength(10);
    d.mean.forEach((m, c) => expect(m).toBeCloseTo(d.single[c], 6));
    d.std.forEach((s) => expect(s).toBeLessThan(1e-3)); // float32 rounding only
    // And the report has no MC section at p = 0, as for the MLP.
    expect(inspect(run, 5, undefined, undefined, undefined, 2).mc).toBeNull();
  });

  it('Monte-Carlo on a chosen digit with Dropout2d: probabilities that spread, their mean a distribution', () => {
    const run = cnnSession('channel', 0.5).current;
    const mc = inspect(run, 30, undefined, undefined, undefined, 3).mc!;
    const d = mc.digit!;
    expect(d.probe).toBe(3);
    expect(d.mean.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(d.single.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(Math.max(...d.std)).toBeGreaterThan(0.001);
    // The spread of a probability in [0, 1] is at most 0.5, and a mean is no further from the single pass than the whole range.
    d.std.forEach((s) => expect(s).toBeLessThanOrEqual(0.5));
    expect(mc.probes).toHaveLength(run.probeRows.length);
    // No probe asked, no digit; an unknown probe gives none either.
    expect(inspect(run, 5).mc!.digit).toBeNull();
    expect(inspect(run, 5, undefined, undefined, undefined, 999).mc!.digit).toBeNull();
    expect(validateInspect(5, undefined, undefined, -1)).toMatch(/probe/);
  });

  it('knocks out whole channels; a channel whose BN2d has γ = β = 0 (before ReLU) is already off, so knocking it out changes nothing', () => {
    const run = cnnSession('channel', 0.3).current;
    const bn = run.model.layers.find((l): l is BatchNorm2d => l instanceof BatchNorm2d)!;
    bn.gamma.value[4] = 0;
    bn.beta.value[4] = 0;
    const off = inspect(run, 5, undefined, undefined, { hidden: 0, fraction: 0, unit: 4 }).knockout!;
    expect(off).toMatchObject({ of: 'channel', hidden: 0, unit: 4, units: 1, width: 6, draws: 1 });
    expect(off.knocked.loss).toBe(off.intact.loss);
    expect(off.knocked.acc).toBe(off.intact.acc);

    // Independent computation: knocking out channel 1 equals evaluating the network with BN2d's γ₁ = β₁ = 0
    // (Conv → BN → ReLU: the map after ReLU is then 0 everywhere).
    const ko = inspect(run, 5, undefined, undefined, { hidden: 0, fraction: 0, unit: 1 }).knockout!;
    expect(ko.knocked.loss).not.toBe(ko.intact.loss);
    const [g, b] = [bn.gamma.value[1], bn.beta.value[1]];
    bn.gamma.value[1] = 0;
    bn.beta.value[1] = 0;
    const zeroed = inspect(run, 5, undefined, undefined, { hidden: 0, fraction: 0 }).knockout!.intact;
    expect(ko.knocked.loss).toBeCloseTo(zeroed.loss, 5);
    expect(ko.knocked.acc).toBe(zeroed.acc);
    bn.gamma.value[1] = g;
    bn.beta.value[1] = b;
  });

  it('knocks out a fraction of a block’s channels at random; all of the last block leaves one prediction', () => {
    const run = cnnSession('channel', 0.3).current;
    const half = inspect(run, 5, undefined, undefined, { hidden: 1, fraction: 0.5 }).knockout!;
    expect(half).toMatchObject({ of: 'channel', units: 3, width: 6, draws: 20 });
    expect(half.knocked.acc).toBeLessThan(half.intact.acc);
    const all = inspect(run, 5, undefined, undefined, { hidden: 1, fraction: 1 }).knockout!;
    expect(all.accMin).toBe(all.accMax);
    expect(inspect(run, 5, undefined, undefined, { hidden: 2, fraction: 0.5 }).knockout).toBeNull();
    expect(inspect(run, 5, undefined, undefined, { hidden: 0, fraction: 0, unit: 6 }).knockout).toBeNull();
  });

  it('element dropout in the CNN knocks out channels too (the unit is the map, whatever dropout trained it)', () => {
    const ko = inspect(cnnSession('element', 0.3, 40).current, 5, undefined, undefined, { hidden: 0, fraction: 0.5 }).knockout!;
    expect(ko).toMatchObject({ of: 'channel', width: 6, units: 3 });
  });
});
