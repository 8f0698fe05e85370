// The three sets of statistics a BN pass can normalize with, named for what they are: this batch's own
// ('thisBatch'), the running estimates ('running') and the last training batch's ('lastBatch', what the
// training view shows). Checked on the layer's own outputs against statistics computed here.
import { describe, expect, it } from 'vitest';
import {
  BatchNorm, BatchNorm2d, buildModel, EVAL_MODE, LAST_BATCH_MODE, Rng, THIS_BATCH_MODE, TRAIN_MODE,
  type Model, type ModelSpec,
} from '../../src/engine/index.ts';

const randn = (n: number, seed: number, scale = 1, shift = 0): Float32Array => {
  const r = new Rng(seed);
  return new Float32Array(n).map(() => r.normal() * scale + shift);
};
const build = (spec: ModelSpec): Model => {
  const m = buildModel(spec, { initRng: new Rng(1, 1), dropoutRng: new Rng(1, 2) });
  m.setOptimizer({ type: 'sgd', lr: 0.1, momentum: 0, weightDecay: 0 });
  return m;
};

/** Largest |out − (γ(x − mean)/√(var + eps) + β)| over a B×F batch, with the model's BN layer's γ, β. */
function worst(m: Model, x: Float32Array, out: Float32Array, B: number, mean: ArrayLike<number>, vari: ArrayLike<number>, eps = 1e-5): number {
  const F = mean.length, bn = m.layers[0] as BatchNorm, g = bn.gamma.value, be = bn.beta.value;
  let w = 0;
  for (let b = 0; b < B; b++) {
    for (let j = 0; j < F; j++) w = Math.max(w, Math.abs(out[b * F + j] - (g[j] * (x[b * F + j] - mean[j]) / Math.sqrt(vari[j] + eps) + be[j])));
  }
  return w;
}

function stats(x: Float32Array, B: number, F: number): { mean: number[]; vari: number[] } {
  const mean = Array.from({ length: F }, (_, j) => Array.from({ length: B }, (_, b) => x[b * F + j]).reduce((a, v) => a + v, 0) / B);
  const vari = mean.map((m, j) => Array.from({ length: B }, (_, b) => (x[b * F + j] - m) ** 2).reduce((a, v) => a + v, 0) / B);
  return { mean, vari };
}

describe('BN forward modes', () => {
  const F = 3, B = 8;
  const spec: ModelSpec = { input: F, layers: [{ type: 'batchnorm' }], loss: 'mse' };
  const trainX = randn(B * F, 1, 2, 1), other = randn(B * F, 2, 0.5, -3);

  it('a twin in lastBatch mode normalizes with the training layer’s last batch, not its own or the running estimates', () => {
    const m = build(spec);
    m.trainStep(trainX, new Float32Array(B * F), B);
    const tw = m.twin(new Rng(3));
    const out = tw.forward(other, B, LAST_BATCH_MODE);
    const last = stats(trainX, B, F), own = stats(other, B, F), bn = m.layers[0] as BatchNorm;
    expect(worst(m, other, out, B, last.mean, last.vari)).toBeLessThan(1e-5);
    expect(worst(m, other, out, B, own.mean, own.vari)).toBeGreaterThan(0.1);
    expect(worst(m, other, out, B, bn.runningMean, bn.runningVar)).toBeGreaterThan(0.1);
  });

  it('thisBatch normalizes with the batch passed; running with the running estimates; neither moves them', () => {
    const m = build(spec), bn = m.layers[0] as BatchNorm;
    m.trainStep(trainX, new Float32Array(B * F), B);
    const rm = bn.runningMean.slice(), rv = bn.runningVar.slice();
    const tw = m.twin(new Rng(3));
    const own = stats(other, B, F);
    expect(worst(m, other, tw.forward(other, B, THIS_BATCH_MODE), B, own.mean, own.vari)).toBeLessThan(1e-5);
    expect(worst(m, other, tw.forward(other, B, EVAL_MODE), B, rm, rv)).toBeLessThan(1e-5);
    m.forward(other, B, THIS_BATCH_MODE);
    expect(Array.from(bn.runningMean)).toEqual(Array.from(rm));
    expect(Array.from(bn.runningVar)).toEqual(Array.from(rv));
  });

  it('the teaching switch (batch statistics at inference) changes running passes only, never the training view', () => {
    const m = build(spec);
    m.trainStep(trainX, new Float32Array(B * F), B);
    const tw = m.twin(new Rng(3));
    m.setTeaching({ forgetDropoutScaling: false, bnBatchStatsAtInference: true });
    const own = stats(other, B, F), last = stats(trainX, B, F);
    expect(worst(m, other, tw.forward(other, B, EVAL_MODE), B, own.mean, own.vari)).toBeLessThan(1e-5);
    expect(worst(m, other, tw.forward(other, B, LAST_BATCH_MODE), B, last.mean, last.vari)).toBeLessThan(1e-5);
  });

  it('BatchNorm2d: lastBatch reads the training layer’s per-channel statistics', () => {
    const s2: ModelSpec = { input: 2 * 2 * 2, inputShape: [2, 2, 2], layers: [{ type: 'batchnorm2d' }], loss: 'mse' };
    const m = build(s2), bn = m.layers[0] as BatchNorm2d;
    const x = randn(4 * 8, 5, 2, 1), o = randn(4 * 8, 6, 0.5, -3);
    m.forward(x, 4, TRAIN_MODE);
    const tw = m.twin(new Rng(3));
    const out = tw.forward(o, 4, LAST_BATCH_MODE);
    for (let b = 0; b < 4; b++) {
      for (let c = 0; c < 2; c++) {
        for (let q = 0; q < 4; q++) {
          const i = (b * 2 + c) * 4 + q;
          expect(out[i]).toBeCloseTo((o[i] - bn.batchMean[c]) / Math.sqrt(bn.batchVar[c] + 1e-5), 5);
        }
      }
    }
  });
});
