// Path strings for series stored as parallel typed arrays (x values, y values), the same strings
// d3-shape's line() and area() make with straight segments (coordinates rounded to 3 decimals; a test
// compares them), without shipping d3-shape on the first screen. Points whose values are not finite are
// gaps, not zeros.
type Map = (v: number) => number;

const r3 = (v: number) => Math.round(v * 1000) / 1000;

export function linePath(xs: ArrayLike<number>, ys: ArrayLike<number>, x: Map, y: Map): string {
  const n = Math.min(xs.length, ys.length);
  let out = '';
  let run = 0;
  for (let i = 0; i <= n; i++) {
    const ok = i < n && Number.isFinite(ys[i]) && Number.isFinite(y(ys[i]));
    if (ok) {
      out += `${run === 0 ? 'M' : 'L'}${r3(x(xs[i]))},${r3(y(ys[i]))}`;
      run++;
    } else {
      // d3 closes a segment of a single point.
      if (run === 1) out += 'Z';
      run = 0;
    }
  }
  return out;
}

/** The region between two series (a min–max band, a quantile band, the gap between two curves). */
export function bandPath(xs: ArrayLike<number>, lo: ArrayLike<number>, hi: ArrayLike<number>, x: Map, y: Map): string {
  const n = Math.min(xs.length, lo.length, hi.length);
  const ok = (v: number) => Number.isFinite(v) && Number.isFinite(y(v));
  let out = '';
  let from = -1;
  for (let i = 0; i <= n; i++) {
    const defined = i < n && ok(lo[i]) && ok(hi[i]);
    if (defined) {
      if (from < 0) from = i;
      out += `${i === from ? 'M' : 'L'}${r3(x(xs[i]))},${r3(y(hi[i]))}`;
    } else if (from >= 0) {
      for (let k = i - 1; k >= from; k--) out += `L${r3(x(xs[k]))},${r3(y(lo[k]))}`;
      out += 'Z';
      from = -1;
    }
  }
  return out;
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
