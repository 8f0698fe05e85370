// The learner's rows as an engine Dataset: checked again on arrival (a message is not trusted just
// because the page parsed it), then split into train and test with the run's seed. Pure TypeScript:
// the worker imports it (the page side of the learner's data lives in src/data).
import { CUSTOM_LIMITS, customRows, customTestRows, customTrainRows, hasPicture, type CustomData } from '../protocol/custom-data.ts';
import type { DataConfig } from '../protocol/config.ts';
import type { Dataset } from '../engine/datasets/types.ts';
import { squareDomain } from '../engine/datasets/twod.ts';
import { validateDataConfig } from '../engine/datasets/index.ts';
import { EngineError } from '../engine/errors.ts';
import { Rng, STREAM } from '../engine/rng.ts';
import type { Split } from '../engine/trainer.ts';

function bad(field: string, message: string): never {
  throw new EngineError('data', `your data: ${field}: ${message}`, field);
}

/** Throws an EngineError('data') naming the first thing wrong with a CustomData message. */
export function validateCustomData(d: CustomData): void {
  if (d === null || typeof d !== 'object') bad('dataset', 'missing');
  if (d.kind !== 'classification' && d.kind !== 'regression') bad('kind', `must be "classification" or "regression" (got ${String(d.kind)})`);
  if (!(d.x instanceof Float32Array) || !(d.y instanceof Float32Array)) bad('x', 'x and y must be Float32Arrays');
  const D = d.inputDim, n = customRows(d), L = CUSTOM_LIMITS;
  if (!Number.isInteger(D) || D < 1 || D > L.maxFeatures) bad('inputDim', `must be a whole number in [1, ${L.maxFeatures}] (got ${D})`);
  if (n < L.minRows || n > L.maxRows) bad('rows', `must be between ${L.minRows} and ${L.maxRows} (got ${n})`);
  if (d.x.length !== n * D) bad('x', `has ${d.x.length} values, expected ${n} rows × ${D} features = ${n * D}`);
  for (let i = 0; i < d.x.length; i++) if (!Number.isFinite(d.x[i])) bad('x', `row ${Math.floor(i / D) + 1}, feature ${(i % D) + 1} is not a finite number`);
  if (d.kind === 'regression') {
    if (d.classes !== 1) bad('classes', `must be 1 for regression (got ${d.classes})`);
    for (let i = 0; i < n; i++) if (!Number.isFinite(d.y[i])) bad('y', `row ${i + 1}: target is not a finite number`);
    return;
  }
  const C = d.classes;
  if (!Number.isInteger(C) || C < L.minClasses || C > L.maxClasses) bad('classes', `must be a whole number in [${L.minClasses}, ${L.maxClasses}] (got ${C})`);
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) {
    const c = d.y[i];
    if (!(Number.isInteger(c) && c >= 0 && c < C)) bad('y', `row ${i + 1}: class ${c} is not in [0, ${C - 1}]`);
    seen.add(c);
  }
  if (seen.size < 2) bad('y', 'every row has the same class; at least two are needed');
}

/** Plotting bounds of 1-D regression data: x and target ranges with a margin. */
function curveDomain(splits: Split[]): NonNullable<Dataset['domain']> {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (const s of splits) {
    for (let i = 0; i < s.n; i++) {
      x0 = Math.min(x0, s.x[i]);
      x1 = Math.max(x1, s.x[i]);
      y0 = Math.min(y0, s.y[i]);
      y1 = Math.max(y1, s.y[i]);
    }
  }
  const px = Math.max((x1 - x0) * 0.05, 0.5), py = Math.max((y1 - y0) * 0.1, 0.5);
  return { xMin: x0 - px, xMax: x1 + px, yMin: y0 - py, yMax: y1 + py };
}

/**
 * The run's data set from the learner's rows: shuffled on the seed's data stream, the first
 * customTestRows(n) rows held out for testing (so trainSize never changes the test set), then up to
 * trainSize rows for training. testSize does not apply (like digits' fixed split).
 */
export function customDataset(d: CustomData | null, cfg: DataConfig, seed: number): Dataset {
  if (!d) throw new EngineError('data', 'your data: none loaded yet — load a CSV file first', 'name');
  validateDataConfig(cfg, seed);
  validateCustomData(d);
  const n = customRows(d), D = d.inputDim;
  const order = Array.from({ length: n }, (_, i) => i);
  new Rng(seed, STREAM.data).shuffle(order);
  const nTest = customTestRows(n), nTrain = customTrainRows(n, cfg.trainSize);
  const take = (rows: number[]): Split => {
    const x = new Float32Array(rows.length * D);
    const y = d.kind === 'classification' ? new Int32Array(rows.length) : new Float32Array(rows.length);
    rows.forEach((r, k) => {
      x.set(d.x.subarray(r * D, (r + 1) * D), k * D);
      y[k] = d.y[r];
    });
    return { x, y, n: rows.length };
  };
  const test = take(order.slice(0, nTest));
  const train = take(order.slice(nTest, nTest + nTrain));
  let domain: Dataset['domain'] = null;
  if (hasPicture(d)) domain = D === 2 ? squareDomain(train, test) : curveDomain([train, test]);
  return { name: 'custom', kind: d.kind, inputDim: D, classes: d.classes, train, test, domain };
}
