// The loss chart itself (SVG, no interaction): batch loss faint, train solid, test dashed, the gap
// between them hatched, min–max bands once points merge, earlier runs as faint numbered traces.
import { useId } from 'react';
import type { ScaleLinear } from '../../charts/scale.ts';
import type { History } from '../../protocol/frame.ts';
import { AxisBottom, AxisLeft, logTicks } from '../../charts/Axis.tsx';
import { bandPath, linePath } from '../../charts/paths.ts';
import { M, W, type YScale } from './scales.ts';

export const LOSS_H = 220;

interface Props {
  h: History;
  earlier: History[];
  x: ScaleLinear;
  y: YScale;
  log: boolean;
  /** Selected point of h, or -1. */
  index: number;
}

export function LossChart({ h, earlier, x, y, log, index }: Props) {
  const hatch = useId();
  const xs = h.step;
  const merged = h.stride > 1;
  const yFmt = y.tickFormat(4, log ? '.2~g' : undefined);
  const ix = index >= 0 ? x(xs[index]) : 0;
  return (
    <svg viewBox={`0 0 ${W} ${LOSS_H}`} className="chart loss-chart" data-export="loss" aria-hidden="true" focusable="false">
      <defs>
        <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" className="loss-gap-bg" />
          <line x1="0" y1="0" x2="0" y2="6" className="loss-gap-hatch" />
        </pattern>
      </defs>
      <AxisLeft scale={y} at={M.l} grid={W - M.l - M.r} values={log ? logTicks(y) : undefined} format={yFmt} />
      <AxisBottom scale={x} at={LOSS_H - M.b} ticks={6} />
      {earlier.map((o, k) => (
        <g key={k} className={`loss-earlier loss-earlier-${k + 1}`} data-testid="earlier-run">
          <path d={linePath(o.step, o.trainLoss, x, y)} className="line train" />
          <path d={linePath(o.step, o.testLoss, x, y)} className="line test" />
          <EndLabel o={o} x={x} y={y} label={String(k + 1)} />
        </g>
      ))}
      <path d={linePath(xs, h.batchLoss, x, y)} className="line batch" data-testid="loss-batch" />
      {merged ? (
        <g className="loss-band">
          <path d={bandPath(xs, h.min.trainLoss, h.max.trainLoss, x, y)} className="train" />
          <path d={bandPath(xs, h.min.testLoss, h.max.testLoss, x, y)} className="test" />
        </g>
      ) : null}
      <path d={bandPath(xs, h.trainLoss, h.testLoss, x, y)} fill={`url(#${hatch})`} className="loss-gap" data-testid="loss-gap" />
      <path d={linePath(xs, h.trainLoss, x, y)} className="line train" data-testid="loss-train" />
      <path d={linePath(xs, h.testLoss, x, y)} className="line test" data-testid="loss-test" />
      {index >= 0 ? (
        <g className="loss-cursor">
          <line x1={ix} x2={ix} y1={M.t} y2={LOSS_H - M.b} />
          {Number.isFinite(h.trainLoss[index]) ? <circle cx={ix} cy={y(h.trainLoss[index])} r={4} className="train" /> : null}
          {Number.isFinite(h.testLoss[index]) ? (
            <rect x={ix - 4} y={y(h.testLoss[index]) - 4} width={8} height={8} className="test" />
          ) : null}
        </g>
      ) : null}
    </svg>
  );
}

function EndLabel({ o, x, y, label }: { o: History; x: (v: number) => number; y: YScale; label: string }) {
  for (let i = o.step.length - 1; i >= 0; i--) {
    const v = o.testLoss[i];
    if (Number.isFinite(v)) {
      return (
        <text x={x(o.step[i]) + 3} y={y(v)} dy="0.32em" className="loss-run-num">
          {label}
        </text>
      );
    }
  }
  return null;
}
