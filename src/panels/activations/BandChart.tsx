// One tracked layer over the steps: 5–95 % band (light), 25–75 % band (darker), median line; the
// previous run, if shown, as a dashed outline of its middle half and a dashed median, clipped to
// this run's steps so the two are compared step for step.
import { useId } from 'react';
import { scaleLinear } from '../../charts/scale.ts';
import { AxisBottom, AxisLeft } from '../../charts/Axis.tsx';
import { bandPath, column, linePath } from '../../charts/paths.ts';

export const W = 280;
export const H = 110;
const M = { l: 40, r: 16, t: 8, b: 22 };

export interface Bands {
  steps: Float64Array;
  q: Float32Array;
}

/** The five quantile columns of a steps × 5 matrix. */
export function quantileColumns(b: Bands): Float32Array[] {
  const n = b.steps.length;
  return [0, 1, 2, 3, 4].map((k) => column(b.q, n, 5, k));
}

export function BandChart({ cur, prev, title }: { cur: Bands; prev: Bands | null; title: string }) {
  const clip = useId();
  const n = cur.steps.length;
  const x = scaleLinear().domain([cur.steps[0], Math.max(cur.steps[n - 1], cur.steps[0] + 1)]).range([M.l, W - M.r]);
  const [q5, q25, q50, q75, q95] = quantileColumns(cur);
  const pq = prev ? quantileColumns(prev) : null;
  let lo = Infinity, hi = -Infinity;
  const take = (arr: Float32Array, steps: Float64Array) => {
    for (let i = 0; i < arr.length; i++) {
      if (steps[i] > x.domain()[1] || !Number.isFinite(arr[i])) continue;
      lo = Math.min(lo, arr[i]);
      hi = Math.max(hi, arr[i]);
    }
  };
  take(q5, cur.steps);
  take(q95, cur.steps);
  if (pq && prev) {
    take(pq[1], prev.steps);
    take(pq[3], prev.steps);
  }
  if (!Number.isFinite(lo)) (lo = -1), (hi = 1);
  if (hi - lo < 1e-6) (lo -= 0.5), (hi += 0.5);
  const y = scaleLinear().domain([lo, hi]).nice().range([H - M.b, M.t]);
  return (
    <figure className="act-chart" data-testid="act-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} className="chart" aria-hidden="true" focusable="false">
        <defs>
          <clipPath id={clip}>
            <rect x={M.l} y={M.t} width={W - M.l - M.r} height={H - M.t - M.b} />
          </clipPath>
        </defs>
        <AxisLeft scale={y} at={M.l} grid={W - M.l - M.r} ticks={3} />
        <AxisBottom scale={x} at={H - M.b} ticks={3} />
        <path className="act-outer" d={bandPath(cur.steps, q5, q95, x, y)} data-testid="act-outer" />
        <path className="act-inner" d={bandPath(cur.steps, q25, q75, x, y)} data-testid="act-inner" />
        <path className="act-median" d={linePath(cur.steps, q50, x, y)} data-testid="act-median" />
        {pq && prev ? (
          <g clipPath={`url(#${clip})`} className="act-prev" data-testid="act-prev">
            <path d={bandPath(prev.steps, pq[1], pq[3], x, y)} />
            <path d={linePath(prev.steps, pq[2], x, y)} className="act-prev-median" />
          </g>
        ) : null}
      </svg>
    </figure>
  );
}
