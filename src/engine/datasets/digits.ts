// The real 8×8 UCI handwritten digits (1,797 rows; E. Alpaydin & C. Kaynak 1998, CC BY 4.0), decoded
// from the generated digits-data.ts. The train/test split is fixed (every 4th row of each class, in
// file order, is a test row), so the test set means the same thing for every seed and every trainSize.
import type { Rng } from '../rng.ts';
import type { Split } from '../trainer.ts';
import { DIGITS_ROW_COUNT, DIGITS_TEXT } from './digits-data.ts';
import type { Dataset } from './types.ts';

export const DIGITS_SIDE = 8;
export const DIGITS_PIXELS = DIGITS_SIDE * DIGITS_SIDE;
export const DIGITS_CLASSES = 10;
export const DIGITS_MAX_VALUE = 16;
const CHAR_OFFSET = 65; // 'A' + value, as written by scripts/build-digits.mjs
const TEST_EVERY = 4;

export interface DigitsTable {
  /** rows × 64 raw pixel values 0..16. */
  pixels: Uint8Array;
  labels: Uint8Array;
  rows: number;
}

/** Decodes the letter lines of digits-data.ts (one row per line, 65 letters). */
export function decodeDigits(text: string): DigitsTable {
  const lines = text.split('\n');
  const rows = lines.length;
  const pixels = new Uint8Array(rows * DIGITS_PIXELS), labels = new Uint8Array(rows);
  lines.forEach((line, r) => {
    if (line.length !== DIGITS_PIXELS + 1) throw new Error(`digits row ${r}: ${line.length} values`);
    for (let c = 0; c < DIGITS_PIXELS; c++) pixels[r * DIGITS_PIXELS + c] = line.charCodeAt(c) - CHAR_OFFSET;
    labels[r] = line.charCodeAt(DIGITS_PIXELS) - CHAR_OFFSET;
  });
  return { pixels, labels, rows };
}

export interface DigitsSplit {
  /** Row indices into the table, in file order. */
  train: number[];
  test: number[];
}

/** Per class, rows 3, 7, 11, … (counting that class's rows in file order) go to test: ⌊n_c / 4⌋ each. */
export function splitDigits(table: DigitsTable): DigitsSplit {
  const seen = new Array<number>(DIGITS_CLASSES).fill(0);
  const train: number[] = [], test: number[] = [];
  for (let r = 0; r < table.rows; r++) {
    const k = seen[table.labels[r]]++;
    (k % TEST_EVERY === TEST_EVERY - 1 ? test : train).push(r);
  }
  return { train, test };
}

export interface PixelStats {
  mean: Float32Array;
  /** Population standard deviation; 1 where a pixel never varies, so it stays centred at 0. */
  std: Float32Array;
}

export function pixelStats(table: DigitsTable, rows: number[]): PixelStats {
  const mean = new Float32Array(DIGITS_PIXELS), std = new Float32Array(DIGITS_PIXELS);
  for (let c = 0; c < DIGITS_PIXELS; c++) {
    let s = 0;
    for (const r of rows) s += table.pixels[r * DIGITS_PIXELS + c];
    const m = s / rows.length;
    let v = 0;
    for (const r of rows) v += (table.pixels[r * DIGITS_PIXELS + c] - m) ** 2;
    const sd = Math.sqrt(v / rows.length);
    mean[c] = m;
    std[c] = sd > 0 ? sd : 1;
  }
  return { mean, std };
}

let cache: { table: DigitsTable; split: DigitsSplit; stats: PixelStats } | null = null;

/** Decoded once per process: the table, the fixed split and the full training split's pixel statistics. */
export function digitsSource(): { table: DigitsTable; split: DigitsSplit; stats: PixelStats } {
  if (!cache) {
    const table = decodeDigits(DIGITS_TEXT);
    if (table.rows !== DIGITS_ROW_COUNT) throw new Error(`digits: decoded ${table.rows} rows, expected ${DIGITS_ROW_COUNT}`);
    const split = splitDigits(table);
    cache = { table, split, stats: pixelStats(table, split.train) };
  }
  return cache;
}

/**
 * Up to `count` training rows, balanced across classes: each class's rows shuffled by the seed, then
 * taken round-robin 0, 1, …, 9, 0, … (a class that runs out is skipped).
 */
export function balancedSubset(rows: number[], labels: Uint8Array, count: number, rng: Rng): number[] {
  const byClass: number[][] = Array.from({ length: DIGITS_CLASSES }, () => []);
  for (const r of rows) byClass[labels[r]].push(r);
  for (const list of byClass) rng.shuffle(list);
  const out: number[] = [];
  const take = Math.min(count, rows.length);
  for (let k = 0; out.length < take; k++) {
    for (const list of byClass) if (k < list.length && out.length < take) out.push(list[k]);
  }
  return out;
}

function gather(table: DigitsTable, stats: PixelStats, rows: number[]): { split: Split; raw: Uint8Array } {
  const n = rows.length;
  const x = new Float32Array(n * DIGITS_PIXELS), y = new Int32Array(n), raw = new Uint8Array(n * DIGITS_PIXELS);
  rows.forEach((r, i) => {
    for (let c = 0; c < DIGITS_PIXELS; c++) {
      const v = table.pixels[r * DIGITS_PIXELS + c];
      raw[i * DIGITS_PIXELS + c] = v;
      x[i * DIGITS_PIXELS + c] = (v - stats.mean[c]) / stats.std[c];
    }
    y[i] = table.labels[r];
  });
  return { split: { x, y, n }, raw };
}

/** Standardized with the whole training split's statistics, so features do not move with trainSize. */
export function makeDigits(trainSize: number, rng: Rng): Dataset {
  const { table, split, stats } = digitsSource();
  const train = gather(table, stats, balancedSubset(split.train, table.labels, trainSize, rng));
  const test = gather(table, stats, split.test);
  return {
    name: 'digits',
    kind: 'classification',
    inputDim: DIGITS_PIXELS,
    classes: DIGITS_CLASSES,
    train: train.split,
    test: test.split,
    domain: null,
    images: { width: DIGITS_SIDE, height: DIGITS_SIDE, maxValue: DIGITS_MAX_VALUE, train: train.raw, test: test.raw },
  };
}
