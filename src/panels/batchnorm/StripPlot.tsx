// One batch column as a strip: a dot per example, the mean as a line, ± one standard deviation as a
// band. Several strips share one x scale so normalization shows as the dots drawing together.
import type { ScaleLinear } from '../../charts/scale.ts';
import type { Moments } from './bnModel.ts';

export const STRIP_H = 52;
/** Room above each strip for its label. */
const TOP = 14;
const MAX_DOTS = 128;

interface Props {
  values: Float32Array;
  m: Moments;
  x: ScaleLinear;
  className: string;
  current: boolean;
}

export function StripPlot({ values, m, x, className, current }: Props) {
  const mid = TOP + (STRIP_H - TOP) / 2;
  const sd = Math.sqrt(m.variance);
  const [x0, x1] = x.range();
  const clampX = (v: number) => Math.max(x0, Math.min(x1, x(v)));
  // Batches go up to 512 rows; beyond MAX_DOTS a regular subset keeps a render cheap (moments use all).
  const every = Math.max(1, Math.ceil(values.length / MAX_DOTS));
  return (
    <g className={`bn-strip ${className} ${current ? 'is-current' : ''}`} data-testid={`strip-${className}`}>
      <line className="bn-strip-axis" x1={x0} x2={x1} y1={mid} y2={mid} />
      {Number.isFinite(sd) ? <rect className="bn-strip-sd" x={clampX(m.mean - sd)} width={clampX(m.mean + sd) - clampX(m.mean - sd)} y={TOP + 2} height={STRIP_H - TOP - 4} /> : null}
      {Array.from({ length: Math.ceil(values.length / every) }, (_, k) => {
        const i = k * every;
        // A fixed, index-based jitter: dots stay put between frames and do not pile onto one line.
        return <circle key={i} className="bn-strip-dot" cx={clampX(values[i])} cy={mid + (((i * 0.6180339887) % 1) - 0.5) * (STRIP_H - TOP - 12)} r={2.6} />;
      })}
      {Number.isFinite(m.mean) ? <line className="bn-strip-mean" x1={clampX(m.mean)} x2={clampX(m.mean)} y1={TOP} y2={STRIP_H} /> : null}
    </g>
  );
}
