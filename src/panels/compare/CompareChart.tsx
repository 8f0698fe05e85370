// One chart over every variant: train solid, test dashed (a dash pattern per variant), markers of the
// variant's shape along both lines (filled on train, hollow on test) and its letter at each line's end.
import { scaleLinear, scaleLog, type ContinuousScale } from '../../charts/scale.ts';
import type { History, HistoryKey } from '../../protocol/frame.ts';
import { AxisBottom, AxisLeft, logTicks } from '../../charts/Axis.tsx';
import { linePath } from '../../charts/paths.ts';
import { markerPath, type VariantStyle } from './style.ts';
import type { ChartView } from '../../store/compare.ts';

/** Width when the container cannot be measured (tests, first render); the chart then follows its box at 1:1 so text keeps its size. */
export const CHART_W = 760;
const M = { l: 46, r: 30, t: 10, b: 26 };

export function chartHeight(w: number): number {
  return w < 520 ? 220 : 300;
}
/** Markers per line: enough to follow a line through crossings, few enough not to clutter. */
const MARKERS = 6;

export interface ChartSeries {
  letter: string;
  style: VariantStyle;
  history: History;
}

type YScale = ContinuousScale;

function keysOf(view: ChartView): [HistoryKey, HistoryKey] {
  return view === 'loss' ? ['trainLoss', 'testLoss'] : ['trainAcc', 'testAcc'];
}

function yScale(series: ChartSeries[], view: ChartView, log: boolean, H: number): YScale {
  const range = [H - M.b, M.t];
  let max = 0, min = Infinity, minPos = Infinity;
  for (const s of series) {
    for (const k of keysOf(view)) {
      for (const v of s.history[k]) {
        if (!Number.isFinite(v)) continue;
        if (v > max) max = v;
        if (v < min) min = v;
        if (v > 0 && v < minPos) minPos = v;
      }
    }
  }
  if (view === 'accuracy') {
    // From a round number under the worst accuracy, so late gains stay readable.
    const lo = Number.isFinite(min) ? Math.max(0, Math.floor(Math.min(min, 0.9) * 10) / 10) : 0;
    return scaleLinear().domain([lo, 1]).range(range);
  }
  if (log) {
    const top = max > 0 ? max : 1;
    const bottom = Math.max(Number.isFinite(minPos) ? minPos : top / 10, top * 1e-6);
    return scaleLog().domain([bottom, bottom === top ? top * 10 : top]).nice().clamp(true).range(range);
  }
  return scaleLinear().domain([0, max || 1]).nice().range(range);
}

/** Indices where markers go: spread over the line, shifted per variant so markers of equal curves do not stack. */
function markerIndices(n: number, slot: number): number[] {
  if (n === 0) return [];
  const out: number[] = [];
  const gap = Math.max(1, Math.floor(n / MARKERS));
  for (let i = Math.floor((gap * (slot + 1)) / 5); i < n; i += gap) out.push(i);
  return out;
}

function lastFinite(xs: ArrayLike<number>, ys: ArrayLike<number>): [number, number] | null {
  for (let i = Math.min(xs.length, ys.length) - 1; i >= 0; i--) if (Number.isFinite(ys[i])) return [xs[i], ys[i]];
  return null;
}

export function CompareChart({ series, view, log, width = CHART_W }: { series: ChartSeries[]; view: ChartView; log: boolean; width?: number }) {
  const W = width, H = chartHeight(W);
  let hi = 1;
  for (const s of series) {
    const n = s.history.step.length;
    if (n) hi = Math.max(hi, s.history.step[n - 1]);
  }
  const x = scaleLinear().domain([0, hi]).range([M.l, W - M.r]);
  const useLog = log && view === 'loss';
  const y = yScale(series, view, useLog, H);
  const [trainKey, testKey] = keysOf(view);
  const yFmt = view === 'accuracy' ? (v: number) => `${Math.round(v * 100)}%` : y.tickFormat(4, useLog ? '.2~g' : undefined);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="chart compare-chart" aria-hidden="true" focusable="false">
      <AxisLeft scale={y} at={M.l} grid={W - M.l - M.r} values={useLog ? logTicks(y) : undefined} format={yFmt} />
      <AxisBottom scale={x} at={H - M.b} ticks={W < 520 ? 4 : 6} />
      {series.map((s, slot) => {
        const h = s.history;
        const marks = markerIndices(h.step.length, slot);
        const shape = markerPath(s.style.shape);
        return (
          <g key={s.letter} className="compare-series" data-testid={`compare-series-${s.letter}`} style={{ color: s.style.color }}>
            <path d={linePath(h.step, h[trainKey], x, y)} className="compare-line" data-testid={`compare-train-${s.letter}`} />
            <path d={linePath(h.step, h[testKey], x, y)} className="compare-line" strokeDasharray={s.style.dash} data-testid={`compare-test-${s.letter}`} />
            {marks.map((i) =>
              [trainKey, testKey].map((k) =>
                Number.isFinite(h[k][i]) ? (
                  <path
                    key={`${k}${i}`}
                    d={shape}
                    transform={`translate(${x(h.step[i])},${y(h[k][i])})`}
                    className={k === trainKey ? 'compare-marker train' : 'compare-marker test'}
                  />
                ) : null,
              ),
            )}
            {[trainKey, testKey].map((k) => {
              const end = lastFinite(h.step, h[k]);
              return end ? (
                <text key={k} x={x(end[0]) + 4} y={y(end[1])} dy="0.32em" className="compare-end">
                  {s.letter}
                </text>
              ) : null;
            })}
          </g>
        );
      })}
    </svg>
  );
}
