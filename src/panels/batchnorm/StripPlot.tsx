// One batch column as a strip: a dot per example, the mean as a line, ± one standard deviation as a
// band. Several strips share one x scale so normalization shows as the dots drawing together.
import type { ScaleLinear } from 'd3-scale';
import type { Moments } from './bnModel.ts';

export const STRIP_H = 40;

interface Props {
  values: Float32Array;
  m: Moments;
  x: ScaleLinear<number, number>;
  className: string;
  current: boolean;
}

export function StripPlot({ values, m, x, className, current }: Props) {
  const mid = STRIP_H / 2;
  const sd = Math.sqrt(m.variance);
  const [x0, x1] = x.range();
  const clampX = (v: number) => Math.max(x0, Math.min(x1, x(v)));
  return (
    <g className={`bn-strip ${className} ${current ? 'is-current' : ''}`} data-testid={`strip-${className}`}>
      <line className="bn-strip-axis" x1={x0} x2={x1} y1={mid} y2={mid} />
      {Number.isFinite(sd) ? <rect className="bn-strip-sd" x={clampX(m.mean - sd)} width={clampX(m.mean + sd) - clampX(m.mean - sd)} y={4} height={STRIP_H - 8} /> : null}
      {Array.from(values, (v, i) => (
        // A fixed, index-based jitter: dots stay put between frames and do not pile onto one line.
        <circle key={i} className="bn-strip-dot" cx={clampX(v)} cy={mid + (((i * 0.6180339887) % 1) - 0.5) * (STRIP_H - 14)} r={2.6} />
      ))}
      {Number.isFinite(m.mean) ? <line className="bn-strip-mean" x1={clampX(m.mean)} x2={clampX(m.mean)} y1={2} y2={STRIP_H - 2} /> : null}
    </g>
  );
}
