// Small bar pictures beside the numbers. The numbers are always in the text or table next to them;
// a bar drawing with its own labels says the same thing at a glance, so it carries an aria-label
// (labelled charts) or is hidden from assistive technology (bars inside a table row).

export interface Bar {
  label?: string;
  value: number;
  /** Class for the fill; each kind also differs in pattern (solid, outlined, striped), not only colour. */
  kind: 'train' | 'infer' | 'wrong';
}

const ROW = 9, GAP = 3;

/** Two or three thin bars in a table cell, scaled to `max` (aria-hidden: the row's cells hold the numbers). */
export function CellBars({ bars, max, width = 110 }: { bars: Bar[]; max: number; width?: number }) {
  const h = bars.length * (ROW + GAP) - GAP;
  const x = (v: number) => (max > 0 && Number.isFinite(v) ? Math.max(0, Math.min(1, v / max)) * (width - 2) : 0);
  return (
    <svg className="inf-bars" width={width} height={h} viewBox={`0 0 ${width} ${h}`} aria-hidden="true" focusable="false">
      {bars.map((b, i) => (
        <rect key={i} className={`inf-bar inf-bar-${b.kind}`} x={1} y={i * (ROW + GAP) + 0.5} width={x(b.value)} height={ROW - 1} />
      ))}
    </svg>
  );
}

/** Horizontal bars, each under its label, values written at the end (role img, named by `summary`). */
export function LabelledBars({ bars, max, format, summary, width = 360 }: { bars: Bar[]; max: number; format(v: number): string; summary: string; width?: number }) {
  const LABEL = 14, H = 12, G = 6, VALUE = 60;
  const row = LABEL + H + G, span = width - VALUE - 2;
  const h = bars.length * row - G;
  const x = (v: number) => (max > 0 && Number.isFinite(v) ? Math.max(0, Math.min(1, v / max)) * span : 0);
  return (
    <svg className="chart inf-chart" viewBox={`0 0 ${width} ${h}`} role="img" aria-label={summary}>
      {bars.map((b, i) => {
        const y = i * row;
        return (
          <g key={i}>
            <text className="inf-chart-label" x={1} y={y + LABEL - 4}>
              {b.label}
            </text>
            <rect className={`inf-bar inf-bar-${b.kind}`} x={1} y={y + LABEL + 0.5} width={x(b.value)} height={H - 1} />
            <text className="inf-chart-value" x={x(b.value) + 6} y={y + LABEL + H / 2} dominantBaseline="middle">
              {format(b.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/**
 * Mean ± std on a [lo, hi] axis: a dot at the mean, a whisker over ± one std, and a vertical tick at the
 * single inference pass (aria-hidden: the row's cells hold the numbers).
 */
export function Whisker({ mean, std, single, lo, hi, width = 120 }: { mean: number; std: number; single: number; lo: number; hi: number; width?: number }) {
  const H = 14;
  const x = (v: number) => (hi > lo && Number.isFinite(v) ? 3 + Math.max(0, Math.min(1, (v - lo) / (hi - lo))) * (width - 6) : 3);
  return (
    <svg className="inf-bars" width={width} height={H} viewBox={`0 0 ${width} ${H}`} aria-hidden="true" focusable="false">
      <line className="inf-axis" x1={3} x2={width - 3} y1={H / 2} y2={H / 2} />
      <line className="inf-whisker" x1={x(mean - std)} x2={x(mean + std)} y1={H / 2} y2={H / 2} />
      <line className="inf-whisker" x1={x(mean - std)} x2={x(mean - std)} y1={3} y2={H - 3} />
      <line className="inf-whisker" x1={x(mean + std)} x2={x(mean + std)} y1={3} y2={H - 3} />
      <line className="inf-single" x1={x(single)} x2={x(single)} y1={0} y2={H} />
      <circle className="inf-dot" cx={x(mean)} cy={H / 2} r={3} />
    </svg>
  );
}
