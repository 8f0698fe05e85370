// The speed kernels against plain references: matrix products (dense and sparse, transposed operands
// read in place) give exactly the float64 sum in the documented order rounded once to float32, so the
// dense and sparse paths agree bit for bit; the fast tanh/sigmoid stay within one float32 ulp of the
// Math-based formulas; dropout's masks keep units at rate 1 − p and repeat for a seed.
import { describe, expect, it } from 'vitest';
import {
  compactRows, countNonZeros, denseTimes, denseTimesT, sparseTimes, sparseTimesT, transposeLists,
} from '../../src/engine/layers/matmul-kernels.ts';
import { zeroInputsNeedNoGradient } from '../../src/engine/layers/matmul.ts';
import { expm1 } from '../../src/engine/layers/fastmath.ts';
import { Activation, Conv2d, Dropout, Linear, Rng, TRAIN_MODE, buildModel, type LayerType } from '../../src/engine/index.ts';

const f32 = Math.fround;

function data(rng: Rng, n: number, density: number): Float32Array {
  return new Float32Array(n).map(() => (rng.next() < density ? rng.normal() : 0));
}

/** out[r][o] = init[o] + Σ_k a(r,k)·M[k][o], float64 in ascending k, rounded once. */
function refTimes(R: number, K: number, O: number, a: (r: number, k: number) => number, M: Float32Array, init: ArrayLike<number>): Float32Array {
  const out = new Float32Array(R * O);
  for (let r = 0; r < R; r++) {
    for (let o = 0; o < O; o++) {
      let c = init[o];
      for (let k = 0; k < K; k++) if (a(r, k) !== 0) c += a(r, k) * M[k * O + o];
      out[r * O + o] = c;
    }
  }
  return out;
}

function bitsEqual(a: Float32Array, b: Float32Array): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]) || (v === 0 && b[i] === 0));
}

const SHAPES: [number, number, number][] = [[1, 1, 1], [2, 3, 2], [3, 4, 5], [5, 7, 9], [8, 9, 13], [7, 16, 17], [4, 5, 3], [6, 2, 10]];

describe('matrix kernels', () => {
  it.each(SHAPES)('forward X·W + b, dense and sparse, equals the reference (B=%i, I=%i, O=%i)', (B, I, O) => {
    const rng = new Rng(B * 100 + I * 10 + O);
    for (const density of [0, 0.3, 1]) {
      const x = data(rng, B * I, density), W = data(rng, I * O, 1), bias = data(rng, O, 1);
      const ref = refTimes(B, I, O, (r, k) => x[r * I + k], W, bias);
      const dense = new Float32Array(B * O).fill(NaN);
      denseTimes(B, I, O, x, I, 1, W, bias, dense);
      expect(bitsEqual(dense, ref)).toBe(true);
      const start = new Int32Array(B), count = new Int32Array(B), col = new Int32Array(B * I), off = new Int32Array(B * I);
      const val = new Float32Array(B * I), sparse = new Float32Array(B * O).fill(NaN);
      const nnz = compactRows(x, B, I, O, start, count, col, val, off);
      expect(nnz).toBe(countNonZeros(x, B * I));
      expect(nnz).toBe(x.filter((v) => v !== 0).length);
      sparseTimes(B, O, start, count, val, off, W, bias, sparse);
      expect(bitsEqual(sparse, ref)).toBe(true);
    }
  });

  it.each(SHAPES)('∂W = Xᵀ·∂Y, X read transposed in place or by column lists (B=%i, I=%i, O=%i)', (B, I, O) => {
    const rng = new Rng(7 + B * 100 + I * 10 + O);
    for (const density of [0, 0.3, 1]) {
      const x = data(rng, B * I, density), dY = data(rng, B * O, 1), zeros = new Float32Array(O);
      const ref = refTimes(I, B, O, (i, b) => x[b * I + i], dY, zeros);
      const dense = new Float32Array(I * O).fill(NaN);
      denseTimes(I, B, O, x, 1, I, dY, zeros, dense);
      expect(bitsEqual(dense, ref)).toBe(true);
      const rs = new Int32Array(B), rc = new Int32Array(B), rcol = new Int32Array(B * I), roff = new Int32Array(B * I), rval = new Float32Array(B * I);
      compactRows(x, B, I, O, rs, rc, rcol, rval, roff);
      const cs = new Int32Array(I), cc = new Int32Array(I), cur = new Int32Array(I), coff = new Int32Array(B * I), cval = new Float32Array(B * I);
      transposeLists(B, I, O, rs, rc, rcol, rval, cs, cc, cval, coff, cur);
      const sparse = new Float32Array(I * O).fill(NaN);
      sparseTimes(I, O, cs, cc, cval, coff, dY, zeros, sparse);
      expect(bitsEqual(sparse, ref)).toBe(true);
    }
  });

  it.each(SHAPES)('∂X = ∂Y·Wᵀ, W read in place; the sparse kernel fills only non-zero inputs (B=%i, I=%i, O=%i)', (B, I, O) => {
    const rng = new Rng(13 + B * 100 + I * 10 + O);
    const x = data(rng, B * I, 0.4), dY = data(rng, B * O, 1), W = data(rng, I * O, 1);
    const ref = new Float32Array(B * I);
    for (let b = 0; b < B; b++) {
      for (let i = 0; i < I; i++) {
        let c = 0;
        for (let o = 0; o < O; o++) c += dY[b * O + o] * W[i * O + o];
        ref[b * I + i] = c;
      }
    }
    const dense = new Float32Array(B * I).fill(NaN);
    denseTimesT(B, I, O, dY, W, dense);
    expect(bitsEqual(dense, ref)).toBe(true);
    const rs = new Int32Array(B), rc = new Int32Array(B), rcol = new Int32Array(B * I), roff = new Int32Array(B * I), rval = new Float32Array(B * I);
    compactRows(x, B, I, O, rs, rc, rcol, rval, roff);
    const sparse = new Float32Array(B * I);
    sparseTimesT(B, I, O, rs, rc, rcol, roff, dY, W, sparse);
    expect(bitsEqual(sparse, ref.map((v, k) => (x[k] !== 0 ? v : 0)))).toBe(true);
  });

  it.each([
    [12, 40, 24, 1], [12, 40, 24, 0.3], [12, 40, 24, 0], [9, 7, 3, 0.3], [9, 7, 3, 1], [5, 33, 10, 0.5],
  ])('a Linear layer: forward, ∂W, ∂b and ∂X match the references (B=%i, I=%i, O=%i, density %f)', (B, I, O, density) => {
    const rng = new Rng(B + I + O);
    for (const sparseInputGrad of [false, true]) {
      const lin = new Linear(I, O, undefined, true, sparseInputGrad);
      lin.init(new Rng(9), 'he', 1);
      lin.bias!.value.set(data(rng, O, 1));
      const x = data(rng, B * I, density), dY = data(rng, B * O, 1);
      const y = lin.forward(x, B, TRAIN_MODE).slice(0, B * O);
      expect(bitsEqual(y, refTimes(B, I, O, (r, k) => x[r * I + k], lin.weight.value, lin.bias!.value))).toBe(true);
      const dX = lin.backward(dY, B, true).slice(0, B * I);
      expect(bitsEqual(lin.weight.grad, refTimes(I, B, O, (i, r) => x[r * I + i], dY, new Float32Array(O)))).toBe(true);
      for (let o = 0; o < O; o++) {
        let s = 0;
        for (let r = 0; r < B; r++) s += dY[r * O + o];
        expect(lin.bias!.grad[o]).toBe(f32(s));
      }
      for (let r = 0; r < B; r++) {
        for (let i = 0; i < I; i++) {
          let s = 0;
          for (let o = 0; o < O; o++) s += dY[r * O + o] * lin.weight.value[i * O + o];
          // With sparseInputGrad the layer may skip inputs that are 0 (ReLU before it zeroes them anyway).
          if (!sparseInputGrad || x[r * I + i] !== 0) expect(dX[r * I + i]).toBe(f32(s));
        }
      }
    }
  });
});

describe('which inputs need no gradient', () => {
  const at = (types: LayerType[]) => zeroInputsNeedNoGradient(types, types.length - 1);

  it('a zero from ReLU, passed on by dropout, pooling or flatten, carries no gradient; any other zero does', () => {
    expect(at(['relu', 'linear'])).toBe(true);
    expect(at(['relu', 'dropout', 'linear'])).toBe(true);
    expect(at(['relu', 'maxpool2d', 'dropout2d', 'flatten', 'linear'])).toBe(true);
    for (const before of ['tanh', 'sigmoid', 'batchnorm', 'layernorm', 'linear'] as const) expect(at(['relu', before, 'linear'])).toBe(false);
    expect(at(['linear'])).toBe(false);
    expect(at(['dropout', 'linear'])).toBe(false);
  });

  it('the model builds its layers with the rule, and their twins keep it', () => {
    const rng = new Rng(1);
    const model = buildModel({
      input: 16, inputShape: [1, 4, 4], loss: 'cross_entropy',
      layers: [{ type: 'conv2d', out: 2, kernel: 3, padding: 1 }, { type: 'relu' }, { type: 'conv2d', out: 2, kernel: 3, padding: 1 },
        { type: 'relu' }, { type: 'flatten' }, { type: 'linear', out: 4 }, { type: 'tanh' }, { type: 'linear', out: 3 }],
    }, { initRng: rng, dropoutRng: rng });
    const flags = (m: typeof model) => m.layers.map((l) => (l instanceof Linear || l instanceof Conv2d ? l.sparseInputGrad : null));
    const want = [false, null, true, null, null, true, null, false];
    expect(flags(model)).toEqual(want);
    expect(flags(model.twin(new Rng(2)))).toEqual(want);
  });
});

describe('fast tanh and sigmoid', () => {
  it('expm1 matches Math.expm1 to 1e-9 relative over the clamped range (float32 resolves 6e-8)', () => {
    let worst = 0;
    for (let k = -125000; k <= 125000; k += 7) {
      const z = k / 1000, e = Math.expm1(z);
      worst = Math.max(worst, Math.abs(expm1(z) - e) / Math.abs(e || 1));
    }
    for (const z of [1e-300, -1e-300, 1e-12, -1e-12, 3e-7]) worst = Math.max(worst, Math.abs(expm1(z) - Math.expm1(z)) / Math.abs(Math.expm1(z)));
    expect(worst).toBeLessThan(1e-9);
  });

  it.each(['tanh', 'sigmoid'] as const)('%s is within one float32 ulp of the Math-based formula, with edge values exact', (type) => {
    const N = 1 << 16, x = new Float32Array(N);
    for (let i = 0; i < N; i++) x[i] = i % 2 ? (i / N - 0.5) * 300 : (i % 4 ? -1 : 1) * Math.exp(-80 * ((i * 0.618034) % 1));
    const edges = [0, -0, Infinity, -Infinity, 1e-45, -1e-45, 20, -20, 120, -120];
    x.set(edges);
    const y = new Activation(type, N).forward(x, 1, TRAIN_MODE).slice(0, N);
    const ref = x.map((v) => (type === 'tanh' ? Math.tanh(v) : v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v))));
    const yb = new Int32Array(y.buffer), rb = new Int32Array(ref.buffer);
    let worst = 0;
    for (let i = 0; i < N; i++) worst = Math.max(worst, Math.abs(yb[i] - rb[i]));
    expect(worst).toBeLessThanOrEqual(1);
    for (let i = 0; i < edges.length; i++) expect(Object.is(y[i], ref[i])).toBe(true);
  });
});

describe('dropout masks', () => {
  it('keep units at rate 1 − p, differ between steps, and repeat for the same seed', () => {
    const W = 500, B = 40, n = W * B, x = new Float32Array(n).fill(1);
    for (const p of [0.1, 0.5, 0.9]) {
      const d = new Dropout(W, { p, scaling: 'inverted', forgetScaling: false }, new Rng(3));
      d.forward(x, B, TRAIN_MODE);
      const first = d.mask.slice(0, n);
      const kept = first.reduce((s, v) => s + v, 0) / n;
      // 20 000 Bernoulli draws: 5 standard deviations is below 0.018.
      expect(Math.abs(kept - (1 - p))).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
      d.forward(x, B, TRAIN_MODE);
      expect(d.mask.slice(0, n)).not.toEqual(first);
      const again = new Dropout(W, { p, scaling: 'inverted', forgetScaling: false }, new Rng(3));
      again.forward(x, B, TRAIN_MODE);
      expect(again.mask.slice(0, n)).toEqual(first);
    }
  });

  it('neighbouring units are uncorrelated', () => {
    const W = 1000, n = W * 20, x = new Float32Array(n).fill(1);
    const d = new Dropout(W, { p: 0.5, scaling: 'inverted', forgetScaling: false }, new Rng(11));
    d.forward(x, 20, TRAIN_MODE);
    let same = 0;
    for (let i = 1; i < n; i++) same += d.mask[i] === d.mask[i - 1] ? 1 : 0;
    expect(Math.abs(same / (n - 1) - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / n));
  });
});
