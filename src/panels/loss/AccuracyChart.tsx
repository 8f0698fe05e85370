// Accuracy, a small second chart under the loss (classification only), sharing the loss chart's steps.
import { scaleLinear, type ScaleLinear } from '../../charts/scale.ts';
import type { History } from '../../protocol/frame.ts';
import { AxisBottom, AxisLeft } from '../../charts/Axis.tsx';
import { linePath } from '../../charts/paths.ts';
import { M, W } from './scales.ts';

export const ACC_H = 110;

export function AccuracyChart({ h, x, index }: { h: History; x: ScaleLinear; index: number }) {
  let lo = 1;
  for (const arr of [h.trainAcc, h.testAcc]) for (const v of arr) if (Number.isFinite(v)) lo = Math.min(lo, v);
  // Start the axis at a round number under the worst accuracy, so the late gains stay readable.
  const y = scaleLinear().domain([Math.max(0, Math.floor(lo * 10) / 10), 1]).range([ACC_H - M.b, M.t]);
  const ix = index >= 0 ? x(h.step[index]) : 0;
  return (
    <svg viewBox={`0 0 ${W} ${ACC_H}`} className="chart loss-acc" data-export="accuracy" aria-hidden="true" focusable="false">
      <AxisLeft scale={y} at={M.l} grid={W - M.l - M.r} ticks={3} format={(v) => `${Math.round(v * 100)}%`} />
      <AxisBottom scale={x} at={ACC_H - M.b} ticks={6} />
      <path d={linePath(h.step, h.trainAcc, x, y)} className="line train" data-testid="acc-train" />
      <path d={linePath(h.step, h.testAcc, x, y)} className="line test" data-testid="acc-test" />
      {index >= 0 ? <line className="loss-cursor-line" x1={ix} x2={ix} y1={M.t} y2={ACC_H - M.b} /> : null}
    </svg>
  );
}
