// What the frames show: training vs inference view semantics for BN and dropout, the teaching
// switches, and the per-data-set outputs (grid sweeps, MC-dropout band, digits).
import { afterEach, expect, test } from 'vitest';
import type { CurveOutput, DigitsOutput, Frame, GridOutput, LayerFrame } from '../../src/protocol/frame.ts';
import { Harness, tinyConfig } from './harness.ts';

let h: Harness;
afterEach(() => h?.dispose());

async function stepAndView(mode: 'training' | 'inference', rev: number): Promise<Frame> {
  h.send({ type: 'mode', mode, rev });
  return h.frameWhere((f) => f.rev === rev);
}

function normalizeCheck(input: Float32Array, out: Float32Array, bn: LayerFrame, mean: Float32Array, vari: Float32Array, rows: number): void {
  const F = bn.width;
  let worst = 0;
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < F; j++) {
      const want = bn.gamma![j] * ((input[r * F + j] - mean[j]) / Math.sqrt(vari[j] + bn.eps!)) + bn.beta![j];
      worst = Math.max(worst, Math.abs(want - out[r * F + j]));
    }
  }
  expect(worst).toBeLessThan(1e-4);
}

test('BN: the training view normalizes with the last training batch’s statistics, inference with the running ones', async () => {
  h = new Harness();
  h.configure(tinyConfig({ norm: ['batchnorm', 'none'], dropoutP: 0 }));
  h.send({ type: 'step', n: 12 });
  await h.frameWhere((f) => f.step === 12);
  const t = await stepAndView('training', 1);
  const i = await stepAndView('inference', 2);
  const bnT = t.layers[2], bnI = i.layers[2];
  expect(bnT.type).toBe('batchnorm');
  const P = 8;
  normalizeCheck(t.layers[1].probe, bnT.probe, bnT, bnT.batchMean!, bnT.batchVar!, P);
  normalizeCheck(i.layers[1].probe, bnI.probe, bnI, bnI.runningMean!, bnI.runningVar!, P);
  // The two sets of statistics really differ, so the checks above tell the views apart.
  expect(Array.from(bnT.batchMean!)).not.toEqual(Array.from(bnT.runningMean!));
  // The batch panel's three steps for the chosen feature, in each view.
  const j = bnT.feature!;
  bnT.batchIn!.forEach((x, r) => expect(bnT.batchHat![r]).toBeCloseTo((x - bnT.batchMean![j]) / Math.sqrt(bnT.batchVar![j] + bnT.eps!), 4));
  bnI.batchIn!.forEach((x, r) => expect(bnI.batchHat![r]).toBeCloseTo((x - bnI.runningMean![j]) / Math.sqrt(bnI.runningVar![j] + bnI.eps!), 4));
  expect(bnT.histIn!.counts.reduce((a, b) => a + b, 0) + bnT.histIn!.under + bnT.histIn!.over).toBe(16 * 8);
});

test('BN teaching switch: inference with batch statistics normalizes the batch by itself', async () => {
  h = new Harness();
  h.configure(tinyConfig({ norm: ['batchnorm', 'none'], dropoutP: 0 }));
  h.send({ type: 'step', n: 12 });
  await h.frameWhere((f) => f.step === 12);
  const t = await stepAndView('training', 1);
  const right = await stepAndView('inference', 2);
  h.send({ type: 'set', patch: { teach: { bnBatchStatsAtInference: true } }, rev: 3 });
  const wrong = await h.frameWhere((f) => f.rev === 3);
  // The batch normalized by its own mean and biased variance (computed here from the frame's x).
  const selfNormalized = (f: Frame) => {
    const l = f.layers[2], x = Array.from(l.batchIn!), n = x.length;
    const m = x.reduce((a, b) => a + b, 0) / n, v = x.reduce((a, b) => a + (b - m) ** 2, 0) / n;
    return x.map((xi) => (xi - m) / Math.sqrt(v + l.eps!));
  };
  const want = selfNormalized(wrong);
  wrong.layers[2].batchHat!.forEach((v, r) => expect(v).toBeCloseTo(want[r], 4));
  const ref = selfNormalized(right);
  expect(Math.max(...right.layers[2].batchHat!.map((v, r) => Math.abs(v - ref[r])))).toBeGreaterThan(1e-3);
  // Fixed histogram ranges: the edges do not move from frame to frame.
  expect(wrong.layers[2].histIn!.lo).toBe(t.layers[2].histIn!.lo);
});

test('dropout teaching switch: forgetting the classic scaling makes inference 1/(1 − p) too large', async () => {
  h = new Harness();
  h.configure(tinyConfig({ dropoutP: 0.5, dropoutScaling: 'classic' }));
  h.send({ type: 'step', n: 10 });
  const ok = await h.frameWhere((f) => f.step === 10);
  h.send({ type: 'set', patch: { teach: { forgetDropoutScaling: true } }, rev: 1 });
  const bad = await h.frameWhere((f) => f.rev === 1);
  const d = 3; // the dropout after the first hidden ReLU
  expect(ok.layers[d].type).toBe('dropout');
  expect(bad.layers[d].meanInfer / ok.layers[d].meanInfer).toBeCloseTo(2, 4);
  expect(bad.layers[d].meanTrain).toBe(ok.layers[d].meanTrain);
  // Classic dropout trains without scaling and infers with ×(1 − p): the means agree in expectation.
  expect(ok.layers[d].meanInfer / ok.layers[d].meanTrain).toBeGreaterThan(0.6);
  expect(ok.layers[d].meanInfer / ok.layers[d].meanTrain).toBeLessThan(1.6);
  // Metrics were re-evaluated for the changed inference rule.
  expect(bad.metrics!.testLoss).not.toBe(ok.metrics!.testLoss);
});

test('the grid is swept a slice per frame while training, and finished once paused', async () => {
  h = new Harness({ timing: { outputBudgetMs: 0.05 } });
  h.configure(tinyConfig({ hidden: [32, 32] }));
  h.send({ type: 'options', options: { gridSize: 256 } });
  h.send({ type: 'play' });
  await h.frameWhere((f) => f.playing && f.step > 100 && !(f.output as GridOutput).complete);
  h.send({ type: 'pause' });
  await h.settle();
  const g = h.lastFrame().output as GridOutput;
  expect(g.size).toBe(256);
  expect(g.complete).toBe(true);
  expect(g.prob.every((p) => p >= 0 && p <= 1)).toBe(true);
  expect(new Set(g.cls).size).toBe(2);
});

test('1-D regression: a predicted curve and a Monte-Carlo dropout band that vanishes at p = 0', async () => {
  h = new Harness();
  const config = tinyConfig({ dropoutP: 0.3, hidden: [16, 16] });
  config.data = { name: 'sine', noise: 0.2, trainSize: 64, testSize: 64 };
  h.configure(config);
  h.send({ type: 'options', options: { mcSamples: 25 } });
  h.send({ type: 'step', n: 50 });
  await h.frameWhere((f) => f.step === 50);
  await h.settle();
  let c = h.lastFrame().output as CurveOutput;
  expect(c.kind).toBe('curve');
  expect(c.xs.length).toBe(128);
  expect(c.xs[0]).toBe(h.readies[0].data.domain!.xMin);
  expect(c.mcSamples).toBe(25);
  expect(Math.max(...c.mcStd)).toBeGreaterThan(1e-3);
  expect(Number.isNaN(h.lastFrame().metrics!.testAcc)).toBe(true);
  h.send({ type: 'set', patch: { net: { dropoutP: 0 } }, rev: 1 });
  await h.frameWhere((f) => f.rev === 1);
  await h.settle();
  c = h.lastFrame().output as CurveOutput;
  expect(Math.max(...c.mcStd)).toBeLessThan(1e-3);
  // Without dropout every view agrees: the band's mean is the inference curve.
  h.send({ type: 'mode', mode: 'inference', rev: 2 });
  await h.frameWhere((f) => f.rev === 2);
  await h.settle();
  c = h.lastFrame().output as CurveOutput;
  c.ys.forEach((y, k) => expect(c.mcMean[k]).toBeCloseTo(y, 4));
});

test('digits: a confusion matrix that agrees with the test accuracy, and sample predictions', async () => {
  h = new Harness();
  const config = tinyConfig({ hidden: [16] , norm: ['none'], dropoutHidden: [true] }, { batchSize: 32 });
  config.data = { name: 'digits', noise: 0, trainSize: 300, testSize: 100 };
  h.configure(config);
  h.send({ type: 'step', n: 60 });
  await h.frameWhere((f) => f.step === 60);
  await h.settle();
  const f = h.lastFrame(), out = f.output as DigitsOutput;
  expect(out.kind).toBe('digits');
  const C = 10, n = h.readies[0].data.testSize;
  expect(out.confusion.reduce((a, b) => a + b, 0)).toBe(n);
  let diag = 0;
  for (let k = 0; k < C; k++) diag += out.confusion[k * C + k];
  expect(diag / n).toBeCloseTo(f.metrics!.testAcc, 6);
  expect(out.images.length).toBe(20 * 64);
  expect(Math.max(...out.images)).toBeLessThanOrEqual(16);
  expect(new Set(out.labels).size).toBe(10);
  expect(out.predicted.every((p) => p < 10)).toBe(true);
  expect(out.confidence.every((p) => p > 0 && p <= 1)).toBe(true);
  expect(h.readies[0].data.trainX.length).toBe(0);
});
