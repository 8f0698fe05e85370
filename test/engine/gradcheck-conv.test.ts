// Gradient checks for the convolution layers: Conv2d (padding, stride, with and without bias),
// BatchNorm2d before and after ReLU, Dropout2d with fixed channel masks, MaxPool2d away from ties,
// Flatten; and the fast Conv2d against the loop-by-loop reference.
import { describe, expect, it } from 'vitest';
import { BatchNorm2d, Conv2d, Dropout2d, MaxPool2d, Rng, THIS_BATCH_MODE, type LayerSpec, type ModelSpec } from '../../src/engine/index.ts';
import { batchNorm2dRef, conv2dRef, conv2dRefBackward, dropout2dRef, maxPool2dRef } from '../../src/engine/reference-conv.ts';
import { checkAll, makeCase, poolMarginOk, reluMarginOk, worstRatio, type Case } from './gradcheck-lib.ts';

const img = (c: number, h: number, w: number, layers: LayerSpec[], loss: ModelSpec['loss'] = 'cross_entropy'): ModelSpec => ({
  input: c * h * w, inputShape: [c, h, w], layers, loss,
});

/** The first seed whose case keeps its ReLU inputs and max-pool windows clear of their kinks. */
function findCase(spec: ModelSpec, B: number, masks: Record<number, number> = {}): Case {
  for (let seed = 1; seed < 300; seed++) {
    const c = makeCase(spec, B, seed, masks);
    if (reluMarginOk(c, 0.02) && poolMarginOk(c, 0.02)) return c;
  }
  throw new Error('no case clear of the kinks');
}

const cases: [string, ModelSpec, number, Record<number, number>][] = [
  ['Conv2d with padding 1, tanh, MSE', img(2, 5, 5, [
    { type: 'conv2d', out: 3, kernel: 3, padding: 1 }, { type: 'tanh' }, { type: 'flatten' }, { type: 'linear', out: 2 },
  ], 'mse'), 3, {}],
  ['Conv2d with stride 2 and no bias, padding 2', img(1, 6, 6, [
    { type: 'conv2d', out: 2, kernel: 3, stride: 2, padding: 2, bias: false }, { type: 'tanh' }, { type: 'flatten' }, { type: 'linear', out: 3 },
  ]), 2, {}],
  ['BatchNorm2d before ReLU, max-pool', img(1, 4, 4, [
    { type: 'conv2d', out: 3, kernel: 3, padding: 1 }, { type: 'batchnorm2d' }, { type: 'relu' }, { type: 'maxpool2d', kernel: 2 },
    { type: 'flatten' }, { type: 'linear', out: 3 },
  ]), 2, {}],
  ['BatchNorm2d after ReLU, second conv', img(2, 4, 4, [
    { type: 'conv2d', out: 3, kernel: 3, padding: 1 }, { type: 'relu' }, { type: 'batchnorm2d' },
    { type: 'conv2d', out: 2, kernel: 2 }, { type: 'flatten' }, { type: 'linear', out: 2 },
  ], 'mse'), 3, {}],
  ['BatchNorm2d with one sample (n = H·W)', img(1, 5, 5, [
    { type: 'conv2d', out: 2, kernel: 3, bias: false }, { type: 'batchnorm2d', eps: 1e-3 }, { type: 'tanh' }, { type: 'flatten' }, { type: 'linear', out: 2 },
  ], 'mse'), 1, {}],
  ['Dropout2d with fixed channel masks, on the input and after a conv', img(2, 4, 4, [
    { type: 'dropout2d', p: 0.5 }, { type: 'conv2d', out: 4, kernel: 3, padding: 1 }, { type: 'tanh' }, { type: 'dropout2d', p: 0.5 },
    { type: 'flatten' }, { type: 'linear', out: 3 },
  ]), 3, { 0: 0.5, 3: 0.5 }],
  ['ReLU feeding a conv (the path that skips zero inputs), through max-pool', img(1, 6, 6, [
    { type: 'conv2d', out: 3, kernel: 3, padding: 1 }, { type: 'relu' }, { type: 'maxpool2d' }, { type: 'conv2d', out: 2, kernel: 3, padding: 1 },
    { type: 'flatten' }, { type: 'linear', out: 2 },
  ], 'mse'), 2, {}],
  ['element dropout on an image, max-pool after ReLU', img(1, 4, 4, [
    { type: 'conv2d', out: 2, kernel: 3, padding: 1 }, { type: 'relu' }, { type: 'dropout', p: 0.3 }, { type: 'maxpool2d', kernel: 2 },
    { type: 'flatten' }, { type: 'linear', out: 2 },
  ], 'mse'), 2, { 2: 0.3 }],
];

describe('CNN gradients match central differences', () => {
  it.each(cases)('%s', (_name, spec, B, masks) => {
    const c = findCase(spec, B, masks);
    const bad = checkAll(c);
    expect(bad, bad.join('\n')).toEqual([]);
  });

  it('a conv after ReLU takes the sparse path', () => {
    const c = findCase(cases.find(([n]) => n.startsWith('ReLU feeding'))![1], 2);
    expect((c.model.layers[3] as Conv2d).sparseInputGrad).toBe(true);
    expect((c.model.layers[0] as Conv2d).sparseInputGrad).toBe(false);
  });

  it('Dropout2d drops whole maps: a dropped input channel has exactly zero gradient everywhere', () => {
    const c = findCase(cases.find(([n]) => n.startsWith('Dropout2d'))![1], 3, { 0: 0.5 });
    checkAll(c);
    const m = c.masks.get(0)!, HW = 16;
    expect(m.some((k) => k === 0)).toBe(true);
    c.model.inputGrad!.forEach((g, i) => m[Math.floor(i / HW)] === 0 && expect(g).toBe(0));
    const d = c.model.layers[0] as Dropout2d;
    expect(Array.from(d.mask.subarray(0, 6))).toEqual(m);
  });

  it('the worst error over every case is well inside the tolerance', () => {
    const worst = Math.max(...cases.map(([, spec, B, masks]) => worstRatio(findCase(spec, B, masks))));
    console.log(`CNN gradient check: worst error ${worst.toFixed(3)} of the tolerance`);
    expect(worst).toBeLessThan(0.75);
  });
});

describe('fast Conv2d equals the loop-by-loop reference', () => {
  const rng = new Rng(7);
  it.each([
    [2, 3, 6, 5, 4, 3, 1, 1],
    [3, 2, 8, 8, 16, 3, 1, 1],
    [1, 4, 7, 7, 3, 2, 2, 0],
    [2, 1, 5, 6, 2, 3, 2, 2],
  ])('B=%i C=%i %i×%i → %i ch, k=%i s=%i p=%i', (B, C, H, W, O, k, s, p) => {
    const conv = new Conv2d({ c: C, h: H, w: W }, { out: O, kernel: k, stride: s, padding: p, bias: true });
    conv.init(rng, 'he', 1);
    conv.bias!.value.forEach((_, i, a) => (a[i] = rng.normal()));
    const x = new Float32Array(B * C * H * W).map(() => rng.normal());
    const y = conv.forward(x, B, THIS_BATCH_MODE);
    const w = conv.torchWeight();
    const ref = conv2dRef(x, B, C, H, W, w, conv.bias!.value, O, k, s, p);
    expect(conv.outShape).toEqual({ c: O, h: ref.Ho, w: ref.Wo });
    const close = (a: ArrayLike<number>, b: ArrayLike<number>, n: number): void => {
      for (let i = 0; i < n; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(1e-5 * (1 + Math.abs(b[i])));
    };
    close(y, ref.y, ref.y.length);
    const dY = new Float32Array(ref.y.length).map(() => rng.normal());
    const dX = conv.backward(dY, B, true);
    const rb = conv2dRefBackward(x, B, C, H, W, w, O, k, s, p, dY);
    close(dX, rb.dX, rb.dX.length);
    close(conv.torchWeightGrad(), rb.dW, rb.dW.length);
    close(conv.bias!.grad, rb.dBias, O);
  });
});

describe('fast BatchNorm2d, Dropout2d and MaxPool2d equal the reference', () => {
  const rng = new Rng(8);
  const shape = { c: 3, h: 4, w: 4 }, B = 2, n = B * 48;
  const x = new Float32Array(n).map(() => rng.normal() * 2 + 1);
  const close = (a: ArrayLike<number>, b: ArrayLike<number>): void => {
    for (let i = 0; i < b.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(1e-5 * (1 + Math.abs(b[i])));
  };
  it('BatchNorm2d (training statistics)', () => {
    const bn = new BatchNorm2d(shape, { eps: 1e-5, momentum: 0.1, batchStatsAtInference: false });
    bn.gamma.value.set([1.5, -0.5, 2]);
    bn.beta.value.set([0.1, 0.2, -0.3]);
    close(bn.forward(x, B, THIS_BATCH_MODE), batchNorm2dRef(x, B, 3, 16, bn.gamma.value, bn.beta.value, 1e-5));
  });
  it('Dropout2d (a given mask)', () => {
    const d = new Dropout2d(shape, { p: 0.5, scaling: 'inverted', forgetScaling: false }, rng);
    const mask = [1, 0, 1, 0, 0, 1];
    d.nextMask = mask;
    close(d.forward(x, B, THIS_BATCH_MODE), dropout2dRef(x, B, 3, 16, mask, 0.5));
  });
  it('MaxPool2d (values and where the gradient goes)', () => {
    const pool = new MaxPool2d(shape, 2, 2);
    const ref = maxPool2dRef(x, B * 3, 4, 4, 2, 2);
    close(pool.forward(x, B, THIS_BATCH_MODE), ref.y);
    const d = pool.backward(new Float32Array(ref.y.length).fill(1), B, true);
    const expected = new Float32Array(n);
    for (const a of ref.arg) expected[a] += 1;
    expect(Array.from(d.subarray(0, n))).toEqual(Array.from(expected));
  });
});
