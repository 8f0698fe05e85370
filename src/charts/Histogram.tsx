// A fixed-edge histogram (protocol Histogram: counts over [lo, hi], plus how many fell outside): the
// edges stay put across frames, so a shift of the distribution shows as bars moving, not axes.
import { scaleLinear } from './scale.ts';
import type { Histogram as Hist } from '../protocol/frame.ts';

interface Props {
  hist: Hist;
  width: number;
  height: number;
  className?: string;
  /** Vertical marks (a mean, say) at these x values, drawn over the bars. */
  marks?: { x: number; className: string }[];
  /** Shared y maximum, so two histograms side by side compare by height. */
  maxCount?: number;
}

const M = { l: 6, r: 6, t: 6, b: 18 };

export function HistogramChart({ hist, width, height, className, marks = [], maxCount }: Props) {
  const { lo, hi, counts } = hist;
  const x = scaleLinear().domain([lo, hi]).range([M.l, width - M.r]);
  let top = maxCount ?? 0;
  if (!maxCount) for (const c of counts) top = Math.max(top, c);
  const y = scaleLinear().domain([0, top || 1]).range([height - M.b, M.t]);
  const bw = (x(hi) - x(lo)) / Math.max(1, counts.length);
  const ticks = x.ticks(4);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className={`chart chart-hist ${className ?? ''}`} aria-hidden="true">
      {Array.from(counts, (c, i) =>
        c > 0 ? <rect key={i} className="bar" x={x(lo) + i * bw + 0.5} width={Math.max(0.5, bw - 1)} y={y(c)} height={y(0) - y(c)} /> : null,
      )}
      <line className="domain" x1={M.l} x2={width - M.r} y1={y(0)} y2={y(0)} />
      {ticks.map((v) => (
        <text key={v} className="tick" x={x(v)} y={height - 4} textAnchor="middle">
          {x.tickFormat(4)(v)}
        </text>
      ))}
      {marks
        .filter((m) => Number.isFinite(m.x) && m.x >= lo && m.x <= hi)
        .map((m, i) => (
          <line key={i} className={m.className} x1={x(m.x)} x2={x(m.x)} y1={M.t} y2={y(0)} />
        ))}
    </svg>
  );
}

/** Total count including the values outside the edges. */
export function histTotal(h: Hist): number {
  let n = h.under + h.over;
  for (const c of h.counts) n += c;
  return n;
}
