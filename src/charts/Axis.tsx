// Axes drawn by React from a d3 scale's ticks: the scale decides where, JSX draws.
import type { ContinuousScale } from './scale.ts';

type Scale = ContinuousScale;

interface AxisProps {
  scale: Scale;
  /** Where the axis sits across: the x of a left axis, the y of a bottom axis. */
  at: number;
  /** Length of the grid lines drawn across the plot (0: none). */
  grid?: number;
  ticks?: number;
  format?: (v: number) => string;
  /** Tick values to use instead of the scale's own (log scales: see logTicks). */
  values?: number[];
}

export function AxisLeft({ scale, at, grid = 0, ticks = 4, format, values: given }: AxisProps) {
  const values = given ?? scale.ticks(ticks);
  const fmt = format ?? scale.tickFormat(ticks);
  return (
    <g className="chart-axis" aria-hidden="true">
      {values.map((v) => (
        <g key={v} transform={`translate(0,${scale(v)})`}>
          {grid > 0 ? <line className="grid" x1={at} x2={at + grid} /> : null}
          <text className="tick" x={at - 5} dy="0.32em" textAnchor="end">
            {fmt(v)}
          </text>
        </g>
      ))}
    </g>
  );
}

export function AxisBottom({ scale, at, grid = 0, ticks = 5, format, values: given }: AxisProps) {
  const values = given ?? scale.ticks(ticks);
  const fmt = format ?? scale.tickFormat(ticks);
  return (
    <g className="chart-axis" aria-hidden="true">
      <line className="domain" x1={scale.range()[0]} x2={scale.range()[1]} y1={at} y2={at} />
      {values.map((v) => (
        <g key={v} transform={`translate(${scale(v)},0)`}>
          {grid > 0 ? <line className="grid" y1={at - grid} y2={at} /> : null}
          <text className="tick" y={at + 14} textAnchor="middle">
            {fmt(v)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Log-scale ticks thin out to powers of ten and a few between, so labels do not collide. */
export function logTicks(scale: Scale, count = 4): number[] {
  const all = scale.ticks(count);
  if (all.length <= count + 2) return all;
  const decades = all.filter((v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9);
  return decades.length >= 2 ? decades : all.filter((_, i) => i % Math.ceil(all.length / count) === 0);
}
