// The lessons' "Predict first" answers are what the lab will show: each step's setup is trained with
// the real engine (as the worker does, seed 1) and the answer, and the numbers quoted in the prose,
// are checked against it. If the engine or a setup changes so that a lesson would teach something the
// lab no longer does, this fails.
import { DEFAULT_CONFIG, type LabConfig } from '../../src/protocol/config.ts';
import { describe, expect, it } from 'vitest';
import { simulate, stepsTo, last, type Sim } from './lab-sim.ts';
import * as S from '../../src/lessons/setups.ts';
import type { FullSetup } from '../../src/lessons/setups.ts';
import { BatchNorm, Dropout, EngineError } from '../../src/engine/index.ts';
import { EVAL_MODE, MC_MODE, THIS_BATCH_MODE, type ForwardMode } from '../../src/engine/layers/types.ts';
import { kerasCode } from '../../src/codegen/index.ts';

const configOf = (s: FullSetup) => ({ data: s.patch.data, net: s.patch.net, arch: 'mlp' as const, conv: DEFAULT_CONFIG.conv, train: s.patch.train, seed: s.seed });
const cache = new Map<FullSetup, Sim>();
/** Trains a setup once for `steps` (evaluating every `every`), shared by the claims that need it. */
function trained(s: FullSetup, steps: number, every = 10): Sim {
  let sim = cache.get(s);
  if (!sim) {
    sim = simulate(configOf(s), s.patch.teach).run(steps, every);
    cache.set(s, sim);
  }
  return sim;
}
const gap = (sim: Sim) => last(sim.points).testLoss - last(sim.points).trainLoss;
const lossAt = (sim: Sim, step: number) => sim.points.find((p) => p.step === step)!.trainLoss;

/** Output of every layer up to (not including) `upTo`, for N rows, in a forward mode. */
function forwardTo(sim: Sim, x: Float32Array, n: number, upTo: number, mode: ForwardMode): Float32Array {
  let h = x;
  for (let i = 0; i < upTo; i++) h = sim.model.layers[i].forward(h, n, mode);
  return h.slice();
}

describe('overfitting', () => {
  it('small noisy data: the test loss turns up (ends about twice its best) while the training loss keeps falling', () => {
    const sim = trained(S.OVERFIT, 3000);
    const best = Math.min(...sim.points.map((p) => p.testLoss));
    const end = last(sim.points);
    expect(end.testLoss).toBeGreaterThan(1.7 * best);
    expect(end.trainLoss).toBeLessThan(0.05);
    expect(gap(sim)).toBeGreaterThan(0.6); // "about 0.78"
  });

  it('more data shrinks the gap (to about 0.07); dropout p = 0.5 shrinks it too (to about 0.34)', () => {
    const none = gap(trained(S.OVERFIT, 3000));
    const more = gap(trained(S.OVERFIT_MORE_DATA, 3000, 100));
    const drop = gap(trained(S.OVERFIT_DROPOUT, 3000));
    expect(more).toBeLessThan(0.12);
    expect(drop).toBeLessThan(0.6 * none);
    expect(drop).toBeGreaterThan(0.2);
  });
});

describe('dropout', () => {
  it('drops about half of 32 units per example, a different number from row to row', () => {
    const sim = simulate(configOf(S.DROPOUT_MASKS));
    sim.trainer.trainStep();
    const drop = sim.model.layers.find((l): l is Dropout => l instanceof Dropout && l.p === 0.5)!;
    const counts = Array.from({ length: drop.rows }, (_, r) => {
      let off = 0;
      for (let j = 0; j < drop.outDim; j++) off += drop.mask[r * drop.outDim + j] === 0 ? 1 : 0;
      return off;
    });
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    expect(mean).toBeGreaterThan(13);
    expect(mean).toBeLessThan(19);
    expect(new Set(counts).size).toBeGreaterThan(2);
  });

  it('inverted dropout: a dropout layer’s mean output is about the same in training and inference', () => {
    const sim = trained(S.DROPOUT_MASKS, 300, 300);
    const { x, n } = sim.data.test;
    const i = sim.model.layers.findIndex((l) => l instanceof Dropout && l.p > 0 && l.inDim === 32);
    const mean = (a: Float32Array) => a.reduce((s, v) => s + v, 0) / a.length;
    const train = mean(forwardTo(sim, x, n, i + 1, THIS_BATCH_MODE));
    const infer = mean(forwardTo(sim, x, n, i + 1, EVAL_MODE));
    expect(Math.abs(train - infer) / infer).toBeLessThan(0.1);
  });

  it('dropout 0.5 on two inputs: the training loss stays above 1, worse than guessing; without it, near 0', () => {
    expect(last(trained(S.INPUT_DROPOUT, 2000, 100).points).trainLoss).toBeGreaterThan(1);
    expect(last(trained(S.PLAIN_NET, 2000, 100).points).trainLoss).toBeLessThan(0.1);
  });

  it('forgetting classic scaling (p = 0.3): moons/ReLU loss about twice as bad, accuracy the same; circles/tanh accuracy drops several points', () => {
    const check = (s: FullSetup) => {
      const sim = trained(s, 1500, 1500);
      const bad = sim.evalNow();
      sim.model.setTeaching({ forgetDropoutScaling: false });
      const ok = sim.evalNow();
      sim.model.setTeaching({ forgetDropoutScaling: true });
      return { bad, ok };
    };
    const moons = check(S.FORGOT_SCALING_LOSS);
    expect(S.FORGOT_SCALING_LOSS.patch.net.dropoutP).toBe(0.3);
    expect(moons.bad.testLoss).toBeGreaterThan(1.7 * moons.ok.testLoss); // "0.24 instead of 0.12"
    expect(Math.abs(moons.bad.testAcc - moons.ok.testAcc)).toBeLessThan(0.01);
    expect(moons.ok.testAcc).toBeGreaterThan(0.95);
    const circles = check(S.FORGOT_SCALING_ACC);
    expect(circles.ok.testAcc - circles.bad.testAcc).toBeGreaterThan(0.03); // "98 % to 93 %"
    expect(circles.bad.testLoss).toBeGreaterThan(4 * circles.ok.testLoss); // "about five times worse"
  });

  it('Monte-Carlo dropout: the band is widest in the gap with no data', () => {
    const sim = trained(S.MC_DROPOUT, 3000, 3000);
    const xs = Float32Array.from({ length: 81 }, (_, i) => -4 + i * 0.1);
    const { variance } = sim.model.mcPredict(xs, xs.length, 100, MC_MODE);
    const sd = (keep: (x: number) => boolean) => {
      const v = Array.from(xs).flatMap((x, i) => (keep(x) ? [Math.sqrt(variance[i])] : []));
      return v.reduce((a, b) => a + b, 0) / v.length;
    };
    const inGap = sd((x) => Math.abs(x) < 0.6);
    const overData = sd((x) => Math.abs(x) >= 1.2 && Math.abs(x) <= 2.8);
    const edges = sd((x) => Math.abs(x) > 3.4);
    expect(inGap).toBeGreaterThan(1.3 * overData);
    expect(inGap).toBeGreaterThan(edges);
  });
});

describe('batch normalization', () => {
  it('tiny init with SGD: the plain net stalls above 0.6 at step 500, with BN it is below 0.3 by step 300', () => {
    expect(lossAt(trained(S.BAD_INIT_PLAIN, 1000, 50), 500)).toBeGreaterThan(0.6);
    expect(lossAt(trained(S.BAD_INIT_BN, 1000, 50), 300)).toBeLessThan(0.3);
  });

  it('the same tiny init with Adam and no BN falls below 0.5 within about 200 steps', () => {
    expect(stepsTo(trained(S.BAD_INIT_ADAM, 500, 50).points, 0.5)).toBeLessThanOrEqual(200);
  });

  it('with (wrong) batch statistics at inference, a batch of one comes out as β whatever the input', () => {
    const sim = trained(S.BN_BATCH_STATS, 200, 200);
    const i = sim.model.layers.findIndex((l) => l instanceof BatchNorm);
    const bn = sim.model.layers[i] as BatchNorm;
    const { x } = sim.data.test;
    for (const row of [0, 7]) {
      const out = forwardTo(sim, x.slice(row * 2, row * 2 + 2), 1, i + 1, EVAL_MODE);
      for (let f = 0; f < bn.outDim; f++) expect(out[f]).toBeCloseTo(bn.beta.value[f], 5);
    }
  });

  it('BN changes values at inference (running statistics, γ, β): it is not the identity', () => {
    const sim = trained(S.BN_INFERENCE, 300, 300);
    const i = sim.model.layers.findIndex((l) => l instanceof BatchNorm);
    const { x, n } = sim.data.test;
    const input = forwardTo(sim, x, n, i, EVAL_MODE);
    const out = forwardTo(sim, x, n, i + 1, EVAL_MODE);
    let diff = 0;
    for (let k = 0; k < out.length; k++) diff += Math.abs(out[k] - input[k]);
    expect(diff / out.length).toBeGreaterThan(0.1);
  });

  it('a batch of one is refused with BN and trains with LayerNorm', () => {
    const bn = simulate(configOf(S.BN_BATCH_ONE));
    expect(() => bn.trainer.trainStep()).toThrow(EngineError);
    const ln = simulate(configOf(S.LN_BATCH_ONE)).run(300, 300);
    expect(ln.diverged).toBe(false);
    expect(Number.isFinite(last(ln.points).trainLoss)).toBe(true);
  });
});

describe('the comparison (target 0.3)', () => {
  it('dropout needs more steps (3–4×); BN ends with a much smaller gap; both needs the most steps', () => {
    const none = trained(S.COMPARE.none, 3000), dropout = trained(S.COMPARE.dropout, 3000);
    const bn = trained(S.COMPARE.bn, 3000), both = trained(S.COMPARE.both, 3000);
    const steps = [none, dropout, bn, both].map((s) => stepsTo(s.points, 0.3) ?? Infinity);
    expect(steps[1]).toBeGreaterThan(3 * steps[0]);
    expect(steps[3]).toBe(Math.max(...steps));
    expect(steps[3]).toBeGreaterThan(700); // "about 1,000" (990 in the table, which evaluates every 30 steps)
    expect(gap(bn)).toBeLessThan(0.5 * gap(none));
    expect(gap(both)).toBeLessThan(gap(dropout));
  });
});

describe('using both', () => {
  it('dropout before BN: the BN input variance is larger in training than at inference, for every unit', () => {
    const sim = trained(S.VARIANCE_SHIFT, 1000, 1000);
    const layers = sim.model.layers;
    const second = layers.map((l, i) => (l instanceof BatchNorm ? i : -1)).filter((i) => i >= 0)[1];
    const { x, n } = sim.data.test;
    const a = forwardTo(sim, x, n, second, THIS_BATCH_MODE), b = forwardTo(sim, x, n, second, EVAL_MODE);
    const W = layers[second].inDim;
    const variance = (h: Float32Array, j: number) => {
      let m = 0, q = 0;
      for (let r = 0; r < n; r++) m += h[r * W + j];
      m /= n;
      for (let r = 0; r < n; r++) q += (h[r * W + j] - m) ** 2;
      return q / n;
    };
    const ratios = Array.from({ length: W }, (_, j) => variance(a, j) / variance(b, j));
    expect(Math.min(...ratios)).toBeGreaterThan(1);
    const mean = ratios.reduce((s, r) => s + r, 0) / W;
    expect(mean).toBeGreaterThan(1.2);
    expect(mean).toBeLessThan(2);
  });
});

describe('where they are used', () => {
  it('E9 in the lab: the deep CNN without BN stays near chance after 400 steps of SGD at lr 0.1; with BatchNorm2d it passes 0.9', () => {
    const cnn = (bn: boolean) => ({ ...DEFAULT_CONFIG, ...S.E9_PLAIN_SGD.patch, conv: { ...DEFAULT_CONFIG.conv, ...S.E9_PLAIN_SGD.patch.conv, bn }, seed: 1 }) as LabConfig;
    const plain = simulate(cnn(false)).run(400, 400);
    expect(plain.diverged || last(plain.points).testAcc <= 0.5).toBe(true);
    expect(last(simulate(cnn(true)).run(400, 400).points).testAcc).toBeGreaterThan(0.9);
  }, 240_000);
});

describe('code and conclusion', () => {
  it('the Keras code for the guide model writes PyTorch momentum 0.1 as momentum=0.9', () => {
    const code = kerasCode(configOf(S.GUIDE_MODEL), { inputDim: 64, classes: 10, kind: 'classification' });
    expect(code).toMatch(/BatchNormalization\([^)]*momentum=0\.9\b/);
  });

  it('final check: tiny init, SGD, BN and dropout: below 0.5 within 500 steps; without BN still above 0.5 at 1000', () => {
    expect(stepsTo(trained(S.FINAL_CHECK, 500, 50).points, 0.5)).toBeLessThanOrEqual(500);
    const noBn = S.setup({ ...S.FINAL_CHECK.patch, net: { ...S.FINAL_CHECK.patch.net, norm: ['none', 'none'] } });
    expect(last(trained(noBn, 1000, 1000).points).trainLoss).toBeGreaterThan(0.5);
  });
});

