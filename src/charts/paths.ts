// Path strings for series stored as parallel typed arrays (x values, y values), built by d3-shape.
// Points whose values are not finite are gaps, not zeros.
import { area, line } from 'd3-shape';

type Map = (v: number) => number;

function indices(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

export function linePath(xs: ArrayLike<number>, ys: ArrayLike<number>, x: Map, y: Map): string {
  const n = Math.min(xs.length, ys.length);
  return (
    line<number>()
      .defined((i) => Number.isFinite(ys[i]) && Number.isFinite(y(ys[i])))
      .x((i) => x(xs[i]))
      .y((i) => y(ys[i]))(indices(n)) ?? ''
  );
}

/** The region between two series (a min–max band, a quantile band, the gap between two curves). */
export function bandPath(xs: ArrayLike<number>, lo: ArrayLike<number>, hi: ArrayLike<number>, x: Map, y: Map): string {
  const n = Math.min(xs.length, lo.length, hi.length);
  const ok = (v: number) => Number.isFinite(v) && Number.isFinite(y(v));
  return (
    area<number>()
      .defined((i) => ok(lo[i]) && ok(hi[i]))
      .x((i) => x(xs[i]))
      .y0((i) => y(lo[i]))
      .y1((i) => y(hi[i]))(indices(n)) ?? ''
  );
}

/** Column k of a row-major rows × cols matrix. */
export function column(m: ArrayLike<number>, rows: number, cols: number, k: number): Float32Array {
  const out = new Float32Array(rows);
  for (let r = 0; r < rows; r++) out[r] = m[r * cols + k];
  return out;
}

/** Index of the point whose x is nearest to `v` (xs ascending); -1 when empty. */
export function nearestIndex(xs: ArrayLike<number>, v: number): number {
  const n = xs.length;
  if (n === 0) return -1;
  let lo = 0, hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= v) lo = mid;
    else hi = mid;
  }
  return Math.abs(xs[hi] - v) < Math.abs(xs[lo] - v) ? hi : lo;
}
