// BatchNorm and LayerNorm invariants: inference on running statistics, the running update, settable
// momentum and eps, the teaching switch, refusal of a batch of one, frozen and externally set γ/β.
import { describe, expect, it } from 'vitest';
import {
  BatchNorm, BN_BATCH_ONE_MESSAGE, buildModel, compileNet, EngineError, EVAL_MODE, Rng, Trainer, THIS_BATCH_MODE,
  type Model, type ModelSpec, type NetSpec, type OptimizerSpec,
} from '../../src/engine/index.ts';
import { sameBits, sameSnapshot, snapshot } from './helpers.ts';

const ADAM: OptimizerSpec = { type: 'adam', lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 };
const SGD: OptimizerSpec = { type: 'sgd', lr: 0.1, momentum: 0.9, weightDecay: 0 };
const randn = (n: number, seed: number, scale = 1, shift = 0): Float32Array => {
  const r = new Rng(seed);
  return new Float32Array(n).map(() => r.normal() * scale + shift);
};
const build = (spec: ModelSpec, opt: OptimizerSpec = SGD, seed = 1): Model => {
  const m = buildModel(spec, { initRng: new Rng(seed, 1), dropoutRng: new Rng(seed, 2) });
  m.setOptimizer(opt);
  return m;
};
const bnOf = (m: Model, k = 0): BatchNorm => m.layers.filter((l): l is BatchNorm => l instanceof BatchNorm)[k];
/** Within float32 rounding of a float64 expectation. */
const near = (got: number, exp: number, rel = 2e-6): boolean => Math.abs(got - exp) <= rel * Math.max(1, Math.abs(exp));

function columnStats(x: Float32Array, B: number, F: number): { mean: number[]; biased: number[] } {
  const mean = Array.from({ length: F }, (_, j) => { let s = 0; for (let b = 0; b < B; b++) s += x[b * F + j]; return s / B; });
  const biased = mean.map((m, j) => { let s = 0; for (let b = 0; b < B; b++) s += (x[b * F + j] - m) ** 2; return s / B; });
  return { mean, biased };
}

const F = 3;
const bnOnly = (extra: { eps?: number; momentum?: number } = {}): ModelSpec => ({ input: F, layers: [{ type: 'batchnorm', ...extra }], loss: 'mse' });

describe('BatchNorm statistics', () => {
  it('inference normalizes with the running statistics, not the batch', () => {
    const m = build(bnOnly()), bn = bnOf(m);
    bn.runningMean.set([0.5, -1, 2]);
    bn.runningVar.set([4, 0.25, 1]);
    bn.gamma.value.set([1.5, 0.5, -1]);
    bn.beta.value.set([0.1, 0.2, 0.3]);
    const B = 5, x = randn(B * F, 2, 2, 1);
    const y = m.forward(x, B, EVAL_MODE);
    expect(bn.usedBatchStats).toBe(false);
    for (let b = 0; b < B; b++) for (let j = 0; j < F; j++) {
      const exp = (bn.gamma.value[j] * (x[b * F + j] - bn.runningMean[j])) / Math.sqrt(bn.runningVar[j] + 1e-5) + bn.beta.value[j];
      expect(near(y[b * F + j], exp), `row ${b} col ${j}`).toBe(true);
    }
    const before = snapshot(m);
    m.forward(x, B, EVAL_MODE);
    expect(sameSnapshot(snapshot(m), before)).toBe(true);
  });

  it('a train step moves running stats by momentum with the unbiased variance B/(B − 1); eps and momentum from the spec', () => {
    const m = build(bnOnly({ eps: 0.1, momentum: 0.3 })), bn = bnOf(m);
    bn.runningMean.set([0.2, -0.1, 0.4]);
    bn.runningVar.set([1.5, 0.7, 2]);
    const oldM = Array.from(bn.runningMean), oldV = Array.from(bn.runningVar);
    const B = 4, x = randn(B * F, 3, 1.5, -0.5);
    m.trainStep(x, randn(B * F, 4), B);
    const { mean, biased } = columnStats(x, B, F);
    for (let j = 0; j < F; j++) {
      expect(near(bn.runningMean[j], 0.7 * oldM[j] + 0.3 * mean[j]), `mean ${j}`).toBe(true);
      expect(near(bn.runningVar[j], 0.7 * oldV[j] + (0.3 * biased[j] * B) / (B - 1)), `var ${j}`).toBe(true);
      // The training output used the biased variance and eps = 0.1 (γ = 1, β = 0 before the update).
      for (let b = 0; b < B; b++) expect(near(bn.out[b * F + j], (x[b * F + j] - mean[j]) / Math.sqrt(biased[j] + 0.1))).toBe(true);
    }
  });

  it('momentum is live: 0 freezes the estimates, 1 replaces them with the batch statistics', () => {
    const m = build(bnOnly()), bn = bnOf(m), B = 6;
    bn.cfg.momentum = 0;
    const frozen = snapshot(m).slice(2);
    m.trainStep(randn(B * F, 5), randn(B * F, 6), B);
    expect(sameBits(bn.runningMean, frozen[0]) && sameBits(bn.runningVar, frozen[1])).toBe(true);
    bn.cfg.momentum = 1;
    const x = randn(B * F, 7, 3, 2);
    m.trainStep(x, randn(B * F, 8), B);
    const { mean, biased } = columnStats(x, B, F);
    for (let j = 0; j < F; j++) {
      expect(near(bn.runningMean[j], mean[j])).toBe(true);
      expect(near(bn.runningVar[j], (biased[j] * B) / (B - 1))).toBe(true);
    }
  });

  it('deeper in a network the update uses the statistics of the BN input of that step', () => {
    const m = build({ input: 2, layers: [{ type: 'linear', out: 4 }, { type: 'batchnorm', momentum: 0.2 }, { type: 'relu' }, { type: 'linear', out: 1 }], loss: 'mse' });
    const bn = bnOf(m), B = 8, old = snapshot(m).slice(4);
    m.trainStep(randn(B * 2, 9), randn(B, 10), B);
    const { mean, biased } = columnStats(m.layers[0].out, B, 4);
    for (let j = 0; j < 4; j++) {
      expect(near(bn.runningMean[j], 0.8 * old[0][j] + 0.2 * mean[j])).toBe(true);
      expect(near(bn.runningVar[j], 0.8 * old[1][j] + (0.2 * biased[j] * B) / (B - 1))).toBe(true);
    }
  });

  it('batchStatsAtInference: a single sample collapses to β; a batch matches training-mode output', () => {
    const m = build(bnOnly()), bn = bnOf(m);
    bn.beta.value.set([0.25, -0.5, 1.75]);
    bn.gamma.value.set([2, 3, 4]);
    const one = randn(F, 11, 1, 3);
    expect(Array.from(m.forward(one, 1, EVAL_MODE).subarray(0, F))).not.toEqual([0.25, -0.5, 1.75]);
    bn.cfg.batchStatsAtInference = true;
    expect(Array.from(m.forward(one, 1, EVAL_MODE).subarray(0, F))).toEqual([0.25, -0.5, 1.75]);
    const B = 5, x = randn(B * F, 12), before = snapshot(m);
    const wrong = m.forward(x, B, EVAL_MODE).slice(0, B * F);
    bn.cfg.batchStatsAtInference = false;
    expect(sameBits(wrong, m.forward(x, B, THIS_BATCH_MODE).slice(0, B * F))).toBe(true);
    expect(sameSnapshot(snapshot(m), before)).toBe(true);
  });
});

const lab = (over: Partial<NetSpec>): NetSpec => ({
  hidden: [6, 5], activation: 'relu', norm: ['batchnorm', 'batchnorm'], normPlacement: 'before',
  dropoutP: 0.2, dropoutInput: true, dropoutHidden: [true, true], dropoutScaling: 'inverted',
  init: 'he', initScale: 1, bnMomentum: 0.1, bnEps: 1e-5, lnEps: 1e-5, ...over,
});

describe('a batch of one', () => {
  it('BN refuses it, changing nothing (params, running stats, Adam counts, later steps)', () => {
    const spec = compileNet(lab({}), 3, 2, 'cross_entropy');
    const a = build(spec, ADAM, 5), b = build(spec, ADAM, 5);
    const xs = [0, 1, 2, 3].map((s) => randn(4 * 3, 20 + s)), ys = [0, 1, 2, 3].map((s) => new Int32Array(4).map((_, i) => (s + i) % 2));
    for (const m of [a, b]) for (let s = 0; s < 3; s++) m.trainStep(xs[s], ys[s], 4);
    const before = snapshot(a), counts = a.params().map((p) => a.optimizer!.stepsOf(p));
    expect(counts.every((c) => c === 3)).toBe(true);
    let err: unknown = null;
    try {
      a.trainStep(randn(3, 30), new Int32Array([1]), 1);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).code).toBe('bn_batch_one');
    expect((err as EngineError).message).toBe('batchnorm needs batch size > 1 in training');
    expect(BN_BATCH_ONE_MESSAGE).toBe('batchnorm needs batch size > 1 in training');
    expect(sameSnapshot(snapshot(a), before)).toBe(true);
    expect(a.params().map((p) => a.optimizer!.stepsOf(p))).toEqual(counts);
    // The refused step left no trace: a run without it continues identically (masks included).
    a.trainStep(xs[3], ys[3], 4);
    b.trainStep(xs[3], ys[3], 4);
    expect(sameSnapshot(snapshot(a), snapshot(b))).toBe(true);
  });

  it('a Trainer with batch size 1 on a BN network throws and does not count the step', () => {
    const m = build(compileNet(lab({}), 3, 2, 'cross_entropy'));
    const t = new Trainer(m, { x: randn(10 * 3, 40), y: new Int32Array(10).map((_, i) => i % 2), n: 10 }, 1, new Rng(41));
    expect(() => t.trainStep()).toThrow(BN_BATCH_ONE_MESSAGE);
    expect(t.step).toBe(0);
  });

  it('a refused step at the end of an epoch leaves the Trainer where it was (epoch, order)', () => {
    const spec = compileNet(lab({}), 3, 2, 'cross_entropy');
    const split = { x: randn(8 * 3, 42), y: new Int32Array(8).map((_, i) => i % 2), n: 8 };
    const [a, b] = [0, 1].map(() => new Trainer(build(spec, ADAM, 6), split, 4, new Rng(43)));
    for (const t of [a, b]) for (let s = 0; s < 2; s++) t.trainStep();
    a.setBatchSize(1);
    expect(() => a.trainStep()).toThrow(BN_BATCH_ONE_MESSAGE);
    expect([a.step, a.epoch]).toEqual([2, 0]);
    a.setBatchSize(4);
    a.trainStep();
    b.trainStep();
    expect([a.step, a.epoch]).toEqual([b.step, b.epoch]);
    expect(sameBits(a.batchX, b.batchX)).toBe(true);
    expect(sameSnapshot(snapshot(a.model), snapshot(b.model))).toBe(true);
  });

  it('a LayerNorm network trains at batch size 1', () => {
    const m = build(compileNet(lab({ norm: ['layernorm', 'layernorm'], dropoutInput: false, dropoutHidden: [false, false] }), 3, 1, 'mse'));
    const x = randn(3, 50), y = new Float32Array([0.7]);
    const losses: number[] = [];
    for (let s = 0; s < 30; s++) {
      const r = m.trainStep(x, y, 1);
      expect(r.diverged).toBe(false);
      losses.push(r.loss);
    }
    expect(losses[29]).toBeLessThan(losses[0] * 0.1);
    const t = new Trainer(m, { x: randn(8 * 3, 51), y: randn(8, 52), n: 8 }, 1, new Rng(53));
    for (let s = 0; s < 16; s++) expect(t.trainStep().diverged).toBe(false);
    expect([t.step, t.epoch]).toEqual([16, 1]);
  });
});

describe('γ and β', () => {
  const spec: ModelSpec = { input: 3, layers: [{ type: 'linear', out: 4 }, { type: 'batchnorm' }, { type: 'tanh' }, { type: 'linear', out: 2 }], loss: 'mse' };
  const B = 6, x = randn(B * 3, 60), y = randn(B * 2, 61);

  it('frozen γ/β are not updated but still get gradients; unfrozen they move again', () => {
    const m = build(spec, ADAM), bn = bnOf(m);
    bn.gamma.frozen = true;
    bn.beta.frozen = true;
    const g0 = bn.gamma.value.slice(), b0 = bn.beta.value.slice(), w0 = m.params()[0].value.slice();
    for (let s = 0; s < 3; s++) m.trainStep(x, y, B);
    expect(sameBits(bn.gamma.value, g0) && sameBits(bn.beta.value, b0)).toBe(true);
    expect(bn.gamma.gradNorm).toBeGreaterThan(0);
    expect(bn.beta.gradNorm).toBeGreaterThan(0);
    expect(bn.gamma.grad.some((v) => v !== 0)).toBe(true);
    expect(m.optimizer!.stepsOf(bn.gamma)).toBe(0);
    expect(sameBits(m.params()[0].value, w0)).toBe(false);
    bn.gamma.frozen = false;
    m.trainStep(x, y, B);
    expect(sameBits(bn.gamma.value, g0)).toBe(false);
    expect(sameBits(bn.beta.value, b0)).toBe(true);
  });

  it('γ and β set from outside between steps are what the next step uses', () => {
    const m = build(spec), bn = bnOf(m);
    m.trainStep(x, y, B);
    bn.gamma.value.fill(0);
    bn.beta.value.set([0.5, -0.25, 0, 1]);
    m.forward(x, B, EVAL_MODE);
    expect(Array.from(m.layers[1].out.subarray(0, 4))).toEqual([0.5, -0.25, 0, 1]);
    // γ = 0 cuts every gradient path below BN: the first layer's gradients are exactly zero.
    m.wantInputGrad = true;
    m.trainStep(x, y, B);
    expect(m.params()[0].grad.every((v) => v === 0)).toBe(true);
    expect(m.params()[1].grad.every((v) => v === 0)).toBe(true);
    expect(m.inputGrad!.every((v) => v === 0)).toBe(true);
    expect(bn.gamma.grad.some((v) => v !== 0)).toBe(true);
    bn.gamma.value.fill(2);
    bn.beta.value.fill(0);
    m.forward(x, B, THIS_BATCH_MODE);
    for (let i = 0; i < B * 4; i++) expect(bn.out[i]).toBe(Math.fround(2 * bn.xhat[i]));
  });
});
