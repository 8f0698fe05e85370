// The seeded data sets: determinism, shapes, labels, noise behaviour, validation, the real digits file
// (decoded form against the CSV, split, standardization, generated file up to date) and a small noisy
// set that a large network visibly overfits.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeDataset, DATA_LIMITS, SINE_SUPPORT, type Dataset } from '../../src/engine/datasets/index.ts';
import { decodeDigits } from '../../src/engine/datasets/digits.ts';
import { DIGITS_TEXT } from '../../src/engine/datasets/digits-data.ts';
import { SINE_NOISE_SD } from '../../src/engine/datasets/sine.ts';
import { EngineError, Trainer, buildModel, compileNet, rngFor } from '../../src/engine/index.ts';
import { DEFAULT_CONFIG, type DataConfig, type DatasetName } from '../../src/protocol/config.ts';
import { renderDigitsModule } from '../../scripts/build-digits.mjs';

const TWO_D: DatasetName[] = ['circles', 'xor', 'gaussians', 'spiral', 'moons'];
const ALL: DatasetName[] = [...TWO_D, 'sine', 'digits'];
const cfg = (name: DatasetName, over: Partial<DataConfig> = {}): DataConfig => ({ name, noise: 0.2, trainSize: 300, testSize: 400, ...over });
const bytes = (a: Float32Array | Int32Array | Uint8Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
const sameBytes = (a: Float32Array | Int32Array | Uint8Array, b: Float32Array | Int32Array | Uint8Array): boolean =>
  a.length === b.length && Buffer.compare(bytes(a), bytes(b)) === 0;

/** Test accuracy of 1-nearest-neighbour on the 2-D training points. */
function oneNN(d: Dataset): number {
  let ok = 0;
  for (let i = 0; i < d.test.n; i++) {
    let best = Infinity, label = -1;
    for (let j = 0; j < d.train.n; j++) {
      const q = (d.test.x[2 * i] - d.train.x[2 * j]) ** 2 + (d.test.x[2 * i + 1] - d.train.x[2 * j + 1]) ** 2;
      if (q < best) [best, label] = [q, d.train.y[j]];
    }
    if (label === d.test.y[i]) ok++;
  }
  return ok / d.test.n;
}

describe('makeDataset: determinism', () => {
  it.each(ALL)('%s: same (cfg, seed) gives identical arrays, another seed different ones', (name) => {
    const a = makeDataset(cfg(name), 11), b = makeDataset(cfg(name), 11), c = makeDataset(cfg(name), 12);
    expect(sameBytes(a.train.x, b.train.x) && sameBytes(a.train.y, b.train.y)).toBe(true);
    expect(sameBytes(a.test.x, b.test.x) && sameBytes(a.test.y, b.test.y)).toBe(true);
    expect(sameBytes(a.train.x, c.train.x)).toBe(false);
    // digits' test split is fixed by design; every generated set draws a new test set per seed.
    expect(sameBytes(a.test.x, c.test.x)).toBe(name === 'digits');
  });

  it.each([...TWO_D, 'sine'] as DatasetName[])('%s: train and test are independent draws; sizes do not disturb each other', (name) => {
    const d = makeDataset(cfg(name, { trainSize: 200, testSize: 200 }), 3);
    expect(sameBytes(d.train.x, d.test.x)).toBe(false);
    const bigger = makeDataset(cfg(name, { trainSize: 400, testSize: 300 }), 3);
    expect(sameBytes(bigger.train.x.subarray(0, d.train.x.length), d.train.x)).toBe(true);
    expect(sameBytes(bigger.test.x.subarray(0, d.test.x.length), d.test.x)).toBe(true);
  });
});

describe('makeDataset: shapes, labels, domains', () => {
  it.each(TWO_D)('%s: 2-D, two balanced classes, points inside the domain with a margin', (name) => {
    const d = makeDataset(cfg(name, { trainSize: 301, testSize: 500, noise: 0.6 }), 5);
    expect([d.kind, d.inputDim, d.classes]).toEqual(['classification', 2, 2]);
    for (const [s, n] of [[d.train, 301], [d.test, 500]] as const) {
      expect([s.n, s.x.length, s.y.length, s.y instanceof Int32Array]).toEqual([n, 2 * n, n, true]);
      const ones = Array.from(s.y).filter((v) => v === 1).length;
      expect(Array.from(s.y).every((v) => v === 0 || v === 1)).toBe(true);
      expect(Math.abs(ones - n / 2)).toBeLessThanOrEqual(1);
      expect(Array.from(s.x).every(Number.isFinite)).toBe(true);
      const dom = d.domain!;
      for (let i = 0; i < n; i++) {
        expect(s.x[2 * i]).toBeGreaterThan(dom.xMin + 0.1);
        expect(s.x[2 * i]).toBeLessThan(dom.xMax - 0.1);
        expect(s.x[2 * i + 1]).toBeGreaterThan(dom.yMin + 0.1);
        expect(s.x[2 * i + 1]).toBeLessThan(dom.yMax - 0.1);
      }
    }
    // At low noise the inputs stay around [-1, 1]² (the domain only grows when the points need it).
    expect(makeDataset(cfg(name, { noise: 0 }), 5).domain).toEqual({ xMin: -1.5, xMax: 1.5, yMin: -1.5, yMax: 1.5 });
  });

  it('sine: 1-D regression on [-3, -1] ∪ [1, 3], targets sin(x) plus noise of the documented size', () => {
    const d = makeDataset(cfg('sine', { trainSize: 3000, testSize: 50, noise: 0.6 }), 2);
    expect([d.kind, d.inputDim, d.classes, d.train.y instanceof Float32Array]).toEqual(['regression', 1, 1, true]);
    let left = 0, s2 = 0;
    for (let i = 0; i < d.train.n; i++) {
      const x = d.train.x[i];
      expect(Math.abs(x)).toBeGreaterThanOrEqual(SINE_SUPPORT.gapMax);
      expect(Math.abs(x)).toBeLessThanOrEqual(SINE_SUPPORT.max);
      if (x < 0) left++;
      s2 += (d.train.y[i] - Math.sin(x)) ** 2;
    }
    expect(left / d.train.n).toBeGreaterThan(0.45);
    expect(left / d.train.n).toBeLessThan(0.55);
    expect(Math.sqrt(s2 / d.train.n) / (0.6 * SINE_NOISE_SD)).toBeGreaterThan(0.93);
    expect(Math.sqrt(s2 / d.train.n) / (0.6 * SINE_NOISE_SD)).toBeLessThan(1.07);
    const clean = makeDataset(cfg('sine', { noise: 0 }), 2);
    for (let i = 0; i < clean.train.n; i++) expect(clean.train.y[i]).toBeCloseTo(Math.sin(clean.train.x[i]), 6);
    const dom = d.domain!;
    expect(dom.xMin).toBeLessThan(-SINE_SUPPORT.max);
    expect(dom.xMax).toBeGreaterThan(SINE_SUPPORT.max);
    for (const v of d.train.y) expect(v > dom.yMin && v < dom.yMax).toBe(true);
  });
});

describe('makeDataset: noise', () => {
  it('noise 0: simple rules separate circles (radius), xor (sign of x·y) and gaussians (x + y) perfectly', () => {
    const rules: [DatasetName, (x: number, y: number) => number][] = [
      ['circles', (x, y) => (Math.hypot(x, y) < 0.6 ? 0 : 1)],
      ['xor', (x, y) => (x * y > 0 ? 0 : 1)],
      ['gaussians', (x, y) => (x + y < 0 ? 0 : 1)],
    ];
    for (const [name, rule] of rules) {
      const d = makeDataset(cfg(name, { noise: 0, trainSize: 2000 }), 9);
      const wrong = Array.from(d.train.y).filter((label, i) => rule(d.train.x[2 * i], d.train.x[2 * i + 1]) !== label).length;
      expect([name, wrong]).toEqual([name, 0]);
    }
  });

  it.each(TWO_D)('%s: 1-NN is near perfect at noise 0 and clearly worse at noise 1', (name) => {
    const clean = oneNN(makeDataset(cfg(name, { noise: 0, trainSize: 400, testSize: 400 }), 4));
    const noisy = oneNN(makeDataset(cfg(name, { noise: 1, trainSize: 400, testSize: 400 }), 4));
    expect(clean).toBeGreaterThanOrEqual(0.99);
    expect(noisy).toBeLessThan(clean - 0.05);
  });

  it.each(TWO_D)('%s: the noise slider moves the same points, further the more noise', (name) => {
    const at = (noise: number) => makeDataset(cfg(name, { noise }), 8).train;
    const base = at(0), small = at(0.1), large = at(0.5);
    expect(sameBytes(base.y, large.y)).toBe(true);
    const shift = (s: typeof base) => Math.sqrt(s.x.reduce((acc, v, i) => acc + (v - base.x[i]) ** 2, 0) / s.n);
    expect(shift(small)).toBeGreaterThan(0);
    expect(shift(large) / shift(small)).toBeCloseTo(5, 3);
  });
});

describe('makeDataset: validation', () => {
  const bad: [Partial<DataConfig>, string, number?][] = [
    [{ name: 'mnist' as DatasetName }, 'name'],
    [{ noise: -0.01 }, 'noise'],
    [{ noise: 1.5 }, 'noise'],
    [{ noise: NaN }, 'noise'],
    [{ trainSize: 1 }, 'trainSize'],
    [{ trainSize: 20.5 }, 'trainSize'],
    [{ trainSize: DATA_LIMITS.trainSize.max + 1 }, 'trainSize'],
    [{ testSize: 0 }, 'testSize'],
    [{}, 'seed', -1],
    [{}, 'seed', 1.5],
  ];
  it.each(bad)('%o → invalid_spec naming %s', (over, field, seed = 1) => {
    let err: unknown;
    try {
      makeDataset(cfg('spiral', over), seed);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).code).toBe('invalid_spec');
    expect((err as EngineError).field).toBe(field);
    expect((err as EngineError).message).toMatch(new RegExp(`^${field}: `));
  });

  it('accepts the bounds themselves', () => {
    expect(makeDataset(cfg('moons', { noise: 0, trainSize: 2, testSize: 1 }), 0).train.n).toBe(2);
    expect(makeDataset(cfg('moons', { noise: 1 }), 0xffffffff).test.n).toBe(400);
  });
});

// ---------------------------------------------------------------------------------------------
// The real digits file.

const csvRows: number[][] = readFileSync(new URL('../../data/digits.csv', import.meta.url), 'utf8')
  .trim()
  .split(/\r?\n/)
  .map((l) => l.split(',').map(Number));
const rowKey = (pixels: ArrayLike<number>, label: number): string => `${Array.from(pixels).join(',')},${label}`;

describe('digits', () => {
  it('the shipped compact form decodes to data/digits.csv exactly (every row, value and label)', () => {
    expect(csvRows.length).toBe(1797);
    const t = decodeDigits(DIGITS_TEXT);
    expect(t.rows).toBe(csvRows.length);
    csvRows.forEach((row, r) => {
      expect(row.length).toBe(65);
      expect(Array.from(t.pixels.subarray(r * 64, r * 64 + 64))).toEqual(row.slice(0, 64));
      expect(t.labels[r]).toBe(row[64]);
    });
  });

  it('src/engine/datasets/digits-data.ts is what scripts/build-digits.mjs makes from the CSV now', () => {
    const csv = readFileSync(new URL('../../data/digits.csv', import.meta.url), 'utf8');
    const committed = readFileSync(new URL('../../src/engine/datasets/digits-data.ts', import.meta.url), 'utf8');
    expect(renderDigitsModule(csv) === committed).toBe(true);
  });

  const full = makeDataset(cfg('digits', { trainSize: DATA_LIMITS.trainSize.max }), 1);

  it('splits every row exactly once, about a quarter of each class to test; raw pixels kept', () => {
    expect([full.kind, full.inputDim, full.classes, full.domain]).toEqual(['classification', 64, 10, null]);
    const img = full.images!;
    expect([img.width, img.height, img.maxValue]).toEqual([8, 8, 16]);
    expect(img.train.length).toBe(full.train.n * 64);
    expect(img.test.length).toBe(full.test.n * 64);
    const fileCount = new Map<string, number>();
    for (const row of csvRows) fileCount.set(rowKey(row.slice(0, 64), row[64]), (fileCount.get(rowKey(row.slice(0, 64), row[64])) ?? 0) + 1);
    const seen = new Map<string, number>();
    for (const [s, raw] of [[full.train, img.train], [full.test, img.test]] as const) {
      for (let i = 0; i < s.n; i++) {
        const k = rowKey(raw.subarray(i * 64, i * 64 + 64), s.y[i]);
        seen.set(k, (seen.get(k) ?? 0) + 1);
      }
    }
    expect(full.train.n + full.test.n).toBe(1797);
    expect(seen).toEqual(fileCount);
    for (let c = 0; c < 10; c++) {
      const inFile = csvRows.filter((r) => r[64] === c).length;
      const inTest = Array.from(full.test.y).filter((y) => y === c).length;
      expect(Math.abs(inTest - inFile / 4)).toBeLessThanOrEqual(1);
    }
  });

  it('standardizes each pixel with the training split: mean 0, std 1 (or all 0 where a pixel never varies)', () => {
    const { x, n } = full.train;
    const img = full.images!;
    let constant = 0;
    for (let c = 0; c < 64; c++) {
      let m = 0, rawM = 0;
      for (let i = 0; i < n; i++) [m, rawM] = [m + x[i * 64 + c], rawM + img.train[i * 64 + c]];
      m /= n;
      rawM /= n;
      let v = 0, rawV = 0;
      for (let i = 0; i < n; i++) [v, rawV] = [v + (x[i * 64 + c] - m) ** 2, rawV + (img.train[i * 64 + c] - rawM) ** 2];
      const sd = Math.sqrt(v / n), rawSd = Math.sqrt(rawV / n);
      expect(Math.abs(m)).toBeLessThan(1e-4);
      if (rawSd > 0) expect(sd).toBeCloseTo(1, 4);
      else {
        constant++;
        expect(sd).toBe(0);
      }
      // The test split uses the same (training) statistics.
      for (let i = 0; i < full.test.n; i += 37) {
        const want = rawSd > 0 ? (img.test[i * 64 + c] - rawM) / rawSd : img.test[i * 64 + c] - rawM;
        expect(full.test.x[i * 64 + c]).toBeCloseTo(want, 4);
      }
    }
    expect(constant).toBeGreaterThan(0); // the corner pixels: the "std 0" branch is exercised
  });

  it('trainSize takes a class-balanced subset chosen by the seed; the test split never changes', () => {
    const a = makeDataset(cfg('digits', { trainSize: 105 }), 1), b = makeDataset(cfg('digits', { trainSize: 105 }), 2);
    expect(a.train.n).toBe(105);
    const counts = Array.from({ length: 10 }, (_, c) => Array.from(a.train.y).filter((y) => y === c).length);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(sameBytes(a.images!.train, b.images!.train)).toBe(false);
    expect(sameBytes(a.test.x, full.test.x) && sameBytes(b.test.y, full.test.y)).toBe(true);
    const trainKeys = new Set(Array.from({ length: full.train.n }, (_, i) => rowKey(full.images!.train.subarray(i * 64, i * 64 + 64), full.train.y[i])));
    for (let i = 0; i < a.train.n; i++) expect(trainKeys.has(rowKey(a.images!.train.subarray(i * 64, i * 64 + 64), a.train.y[i]))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

describe('overfitting', () => {
  it.each([1, 2])('seed %i: a [64, 64] ReLU net on 150 noisy spiral points: test loss turns up, train loss keeps falling', (seed) => {
    const d = makeDataset({ name: 'spiral', noise: 0.3, trainSize: 150, testSize: 1000 }, seed);
    const net = { ...DEFAULT_CONFIG.net, hidden: [64, 64], norm: ['none', 'none'] as const, dropoutP: 0, dropoutHidden: [false, false] };
    const model = buildModel(compileNet({ ...net, norm: [...net.norm] }, 2, 2, 'cross_entropy'), {
      initRng: rngFor(seed, 'init'),
      dropoutRng: rngFor(seed, 'dropout'),
    });
    model.setOptimizer({ type: 'adam', lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 });
    const trainer = new Trainer(model, d.train, 32, rngFor(seed, 'shuffle'));
    let best = { test: Infinity, train: NaN }, midTrain = NaN;
    for (let s = 1; s <= 3000; s++) {
      expect(trainer.trainStep().diverged).toBe(false);
      if (s % 100 === 0) {
        const te = model.evaluate(d.test.x, d.test.y, d.test.n).loss, tr = model.evaluate(d.train.x, d.train.y, d.train.n).loss;
        if (te < best.test) best = { test: te, train: tr };
        if (s === 1500) midTrain = tr;
      }
    }
    const train = model.evaluate(d.train.x, d.train.y, d.train.n), test = model.evaluate(d.test.x, d.test.y, d.test.n);
    expect(test.loss).toBeGreaterThan(1.5 * best.test);
    // Still falling: well below where it stood at the test minimum, and below its mid-run value.
    expect(train.loss).toBeLessThan(best.train / 3);
    expect(train.loss).toBeLessThan(midTrain);
    expect(train.accuracy - test.accuracy).toBeGreaterThan(0.08);
  });
});
