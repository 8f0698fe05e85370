// Dropout invariants: identities, inference scaling in both conventions, the statistics of sampled
// masks, and Monte-Carlo dropout.
import { describe, expect, it } from 'vitest';
import {
  buildModel, compileNet, Dropout, EVAL_MODE, MC_MODE, Rng, TRAIN_MODE, THIS_BATCH_MODE,
  type DropoutScaling, type ForwardMode, type NetSpec,
} from '../../src/engine/index.ts';
import { sameBits, sameSnapshot, snapshot } from './helpers.ts';

const W = 40, B = 25, N = W * B;
const input = (seed: number): Float32Array => {
  const r = new Rng(seed);
  return new Float32Array(N).map(() => r.normal() || 1);
};
const layer = (p: number, scaling: DropoutScaling, seed = 7, forgetScaling = false): Dropout =>
  new Dropout(W, { p, scaling, forgetScaling }, new Rng(seed));
const run = (d: Dropout, x: Float32Array, mode: ForwardMode): Float32Array => d.forward(x, B, mode).slice(0, N);
const SCALINGS = ['inverted', 'classic'] as const;

describe('deterministic dropout behaviour', () => {
  it.each(SCALINGS)('p = 0 is the identity in every mode (%s)', (scaling) => {
    const x = input(1), d = layer(0, scaling);
    for (const mode of [TRAIN_MODE, THIS_BATCH_MODE, MC_MODE, EVAL_MODE]) expect(sameBits(run(d, x, mode), x)).toBe(true);
  });

  it('inverted dropout at inference is the identity', () => {
    const x = input(2);
    for (const p of [0.1, 0.5, 0.9]) expect(sameBits(run(layer(p, 'inverted'), x, EVAL_MODE), x)).toBe(true);
  });

  it('classic dropout multiplies by (1 − p) at inference, and keeps kept units unscaled in training', () => {
    const x = input(3);
    for (const p of [0.1, 0.5, 0.9]) {
      const d = layer(p, 'classic');
      const y = run(d, x, EVAL_MODE);
      y.forEach((v, i) => expect(v).toBe(Math.fround(x[i] * (1 - p))));
      const t = run(d, x, TRAIN_MODE);
      t.forEach((v, i) => expect(v).toBe(d.mask[i] ? x[i] : 0));
    }
  });

  it('inverted dropout divides kept units by (1 − p) in training', () => {
    const x = input(4), d = layer(0.3, 'inverted');
    const t = run(d, x, TRAIN_MODE), s = Math.fround(1 / 0.7);
    t.forEach((v, i) => expect(v).toBe(d.mask[i] ? Math.fround(x[i] * s) : 0));
  });

  it('forgetScaling leaves classic dropout unscaled at inference (the lab\'s planted mistake)', () => {
    const x = input(5), d = layer(0.5, 'classic', 7, true);
    expect(sameBits(run(d, x, EVAL_MODE), x)).toBe(true);
    d.cfg.forgetScaling = false;
    expect(run(d, x, EVAL_MODE)[0]).toBe(Math.fround(x[0] * 0.5));
  });

  it('a given mask is used once, then sampling resumes', () => {
    const x = input(6), d = layer(0.5, 'inverted');
    d.nextMask = new Array<number>(N).fill(1);
    expect(run(d, x, TRAIN_MODE).every((v, i) => v === Math.fround(x[i] * 2))).toBe(true);
    expect(d.nextMask).toBeNull();
    run(d, x, TRAIN_MODE);
    expect(d.mask.subarray(0, N).some((k) => k === 0)).toBe(true);
  });
});

describe('sampled masks, statistically (fixed seed; bounds from the sample size)', () => {
  const K = 1000;
  it.each(SCALINGS.flatMap((s) => [0.1, 0.5, 0.9].map((p) => [s, p] as const)))('%s, p = %s', (scaling, p) => {
    const x = input(8), d = layer(p, scaling, 100 + p * 10);
    const expected = run(d, x, EVAL_MODE);
    const acc = new Float64Array(N);
    let kept = 0;
    for (let k = 0; k < K; k++) {
      const y = d.forward(x, B, TRAIN_MODE);
      for (let i = 0; i < N; i++) {
        acc[i] += y[i];
        kept += d.mask[i];
      }
    }
    // Keep rate: binomial over N·K draws.
    const rate = kept / (N * K);
    expect(Math.abs(rate - (1 - p))).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / (N * K)));
    // Mean output per unit: y = x·s·m, so sd(mean) = |x|·s·√(p(1 − p)/K). The z-scores must be
    // bounded and their mean square near 1 (it is about 1 ± 0.045 for N = 1000 independent units).
    const s = d.trainScale();
    let zMax = 0, z2 = 0;
    for (let i = 0; i < N; i++) {
      const z = (acc[i] / K - expected[i]) / (Math.abs(x[i]) * s * Math.sqrt((p * (1 - p)) / K));
      zMax = Math.max(zMax, Math.abs(z));
      z2 += z * z;
    }
    expect(zMax).toBeLessThan(5);
    expect(z2 / N).toBeGreaterThan(0.8);
    expect(z2 / N).toBeLessThan(1.2);
  });
});

const lab = (over: Partial<NetSpec>): NetSpec => ({
  hidden: [12, 12], activation: 'relu', norm: ['batchnorm', 'none'], normPlacement: 'before',
  dropoutP: 0.3, dropoutInput: false, dropoutHidden: [true, true], dropoutScaling: 'inverted',
  init: 'he', initScale: 1, bnMomentum: 0.1, bnEps: 1e-5, lnEps: 1e-5, ...over,
});

/** A lab network trained a little on a smooth regression target, so running statistics are real. */
function trained(net: NetSpec, loss: 'mse' | 'cross_entropy' = 'mse') {
  const C = loss === 'mse' ? 1 : 3;
  const model = buildModel(compileNet(net, 2, C, loss), { initRng: new Rng(3), dropoutRng: new Rng(4) });
  model.setOptimizer({ type: 'adam', lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 });
  const r = new Rng(5), Bt = 16;
  const x = new Float32Array(Bt * 2);
  for (let s = 0; s < 60; s++) {
    x.forEach((_, i) => (x[i] = r.normal()));
    const y = loss === 'mse'
      ? new Float32Array(Bt).map((_, b) => Math.sin(2 * x[2 * b]) + x[2 * b + 1])
      : new Int32Array(Bt).map((_, b) => (x[2 * b] > 0 ? 1 : 0) + (x[2 * b + 1] > 0.5 ? 1 : 0));
    model.trainStep(x, y, Bt);
  }
  const X = new Float32Array(20 * 2).map(() => r.normal());
  return { model, X, n: 20 };
}

describe('Monte-Carlo dropout', () => {
  it('K = 1 with p = 0 equals the inference output (MSE: the values; CE: their softmax)', () => {
    const { model, X, n } = trained(lab({ dropoutHidden: [false, false] }));
    const mc = model.mcPredict(X, n, 1, MC_MODE);
    expect(sameBits(mc.mean, model.forward(X, n, EVAL_MODE).slice(0, n))).toBe(true);
    expect(mc.variance.every((v) => v === 0)).toBe(true);

    const ce = trained(lab({ dropoutHidden: [false, false] }), 'cross_entropy');
    const p = ce.model.mcPredict(ce.X, ce.n, 1, MC_MODE).mean;
    const z = ce.model.forward(ce.X, ce.n, EVAL_MODE);
    for (let b = 0; b < ce.n; b++) {
      const row = [0, 1, 2].map((c) => Math.exp(z[b * 3 + c]));
      const s = row[0] + row[1] + row[2];
      row.forEach((e, c) => expect(p[b * 3 + c]).toBeCloseTo(e / s, 6));
    }
  });

  it('with p > 0 on a trained net: variance positive everywhere, running statistics untouched', () => {
    const { model, X, n } = trained(lab({}));
    const before = snapshot(model);
    const mc = model.mcPredict(X, n, 30, MC_MODE);
    expect(mc.variance.every((v) => v > 0)).toBe(true);
    expect(sameSnapshot(snapshot(model), before)).toBe(true);
    const ce = trained(lab({}), 'cross_entropy');
    const pc = ce.model.mcPredict(ce.X, ce.n, 30, MC_MODE);
    expect(pc.variance.every((v) => v >= 0)).toBe(true);
    for (let b = 0; b < ce.n; b++) expect(pc.mean[b * 3] + pc.mean[b * 3 + 1] + pc.mean[b * 3 + 2]).toBeCloseTo(1, 5);
  });

  it('the mean approaches the inference output as K grows (inverted scaling, linear net)', () => {
    // Linear → dropout → Linear: the expectation over masks is exactly the inference output.
    const model = buildModel(
      { input: 3, layers: [{ type: 'linear', out: 10 }, { type: 'dropout', p: 0.5 }, { type: 'linear', out: 2 }], loss: 'mse' },
      { initRng: new Rng(21), dropoutRng: new Rng(22) },
    );
    const n = 15, r = new Rng(23), X = new Float32Array(n * 3).map(() => r.normal());
    const target = model.forward(X, n, EVAL_MODE).slice(0, n * 2);
    const rms = (K: number): { err: number; bound: boolean } => {
      const { mean, variance } = model.mcPredict(X, n, K, MC_MODE);
      let s = 0, bound = true;
      mean.forEach((m, i) => {
        s += (m - target[i]) ** 2;
        if (Math.abs(m - target[i]) > 5 * Math.sqrt(variance[i] / K) + 1e-6) bound = false;
      });
      return { err: Math.sqrt(s / mean.length), bound };
    };
    const small = rms(16), mid = rms(256), large = rms(4096);
    expect([small.bound, mid.bound, large.bound]).toEqual([true, true, true]);
    // The error shrinks like 1/√K: by 16 from K = 16 to 4096; ask for a factor 4.
    expect(mid.err).toBeLessThan(small.err);
    expect(large.err).toBeLessThan(small.err / 4);
  });
});

describe('one generator', () => {
  // sfc32 written out plainly from its definition (Chris Doty-Humphrey's PractRand), independent of rng.ts.
  function sfc32(words: number[]): () => number {
    let [a, b, c, d] = words.map((w) => w >>> 0);
    return () => {
      const t = (a + b + d) % 2 ** 32;
      d = (d + 1) % 2 ** 32;
      a = (b ^ (b >>> 9)) >>> 0;
      b = (c + c * 8) % 2 ** 32;
      c = ((((c << 21) | (c >>> 11)) >>> 0) + t) % 2 ** 32;
      return t;
    };
  }

  it("a dropout mask is the keep rule on sfc32 seeded with four draws of the layer's Rng, mixed eight times", () => {
    for (const p of [0.1, 0.5, 0.9]) {
      const rng = new Rng(11, 4), copy = new Rng(11, 4);
      const d = new Dropout(W, { p, scaling: 'inverted', forgetScaling: false }, rng);
      d.forward(input(5), B, TRAIN_MODE);
      const g = sfc32([copy.u32(), copy.u32(), copy.u32(), copy.u32()]);
      for (let i = 0; i < 8; i++) g();
      const thr = Math.ceil(p * 2 ** 32), want = Array.from({ length: N }, () => (g() >= thr ? 1 : 0));
      expect(Array.from(d.mask.subarray(0, N))).toEqual(want);
      // The layer's Rng moved on by exactly the four seed draws.
      expect(rng.u32()).toBe(copy.u32());
    }
  });

  it('Rng draws are the same sfc32 after splitmix32 seeding and twelve mixing steps', () => {
    const r = new Rng(123, 2), words: number[] = [];
    let s = (123 ^ Math.imul(3, 0x9e3779b9)) >>> 0;
    for (let i = 0; i < 4; i++) {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      words.push((z ^ (z >>> 16)) >>> 0);
    }
    const g = sfc32(words);
    for (let i = 0; i < 12; i++) g();
    expect(Array.from({ length: 1000 }, () => r.u32())).toEqual(Array.from({ length: 1000 }, g));
  });
});
