// Choices made once per run: which inputs the panels probe, and the fixed histogram ranges.
import type { Model } from '../engine/model.ts';
import type { Split } from '../engine/trainer.ts';

export type Range2 = readonly [number, number];

/**
 * Up to `count` row indices of a split, fixed per run. Classification: the first rows of each class in
 * turn (0, 1, …, 0, 1, …), so every class is represented. Regression: rows spread evenly over the
 * sorted first input, so the probes cover the input range.
 */
export function chooseRows(s: Split, classes: number, count: number): number[] {
  const take = Math.min(count, s.n);
  if (classes > 0) {
    const byClass: number[][] = Array.from({ length: classes }, () => []);
    for (let i = 0; i < s.n; i++) {
      const c = s.y[i];
      if (byClass[c].length < take) byClass[c].push(i);
    }
    const out: number[] = [];
    for (let k = 0; out.length < take; k++) {
      for (const rows of byClass) if (k < rows.length && out.length < take) out.push(rows[k]);
    }
    return out;
  }
  const D = s.x.length / Math.max(1, s.n);
  const order = Array.from({ length: s.n }, (_, i) => i).sort((a, b) => s.x[a * D] - s.x[b * D] || a - b);
  return Array.from({ length: take }, (_, k) => order[take === 1 ? 0 : Math.round((k * (s.n - 1)) / (take - 1))]);
}

/** [min, max] of the first n values, widened by half the span on each side (at least ±0.5 around a constant). */
export function widenedRange(v: Float32Array, n: number): Range2 {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = v[i];
    if (!Number.isFinite(x)) continue;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (lo > hi) return [-1, 1];
  const pad = hi - lo > 1e-6 ? (hi - lo) / 2 : Math.max(0.5, Math.abs(lo) / 2);
  return [lo - pad, hi + pad];
}

/** Histogram ranges of every norm layer's input and output, from a forward of B rows of x. */
export function normRanges(model: Model, x: Float32Array, B: number, out: Map<number, { in: Range2; out: Range2 }>): void {
  model.layers.forEach((l, i) => {
    if (l.type !== 'batchnorm' && l.type !== 'layernorm') return;
    const input = i === 0 ? x : model.layers[i - 1].out;
    out.set(i, { in: widenedRange(input, B * l.inDim), out: widenedRange(l.out, B * l.outDim) });
  });
}

/** Counts the first n values into bins over [lo, hi]; values outside go to under / over. */
export function histogram(v: Float32Array, n: number, range: Range2, bins: number): { lo: number; hi: number; counts: Uint32Array; under: number; over: number } {
  const [lo, hi] = range, counts = new Uint32Array(bins), scale = bins / (hi - lo);
  let under = 0, over = 0;
  for (let i = 0; i < n; i++) {
    const x = v[i];
    if (x < lo) under++;
    else if (x > hi) over++;
    else if (x >= lo) counts[Math.min(bins - 1, Math.floor((x - lo) * scale))]++;
  }
  return { lo, hi, counts, under, over };
}
