// 1-D regression: the predicted curve in the view mode, the Monte-Carlo dropout band (mean ± 2 std
// over K passes) and the data. Small SVG re-rendered at most 15 times a second; the data points are
// one memoized path per split, so re-renders never touch them.
import { useId, useMemo } from 'react';
import { scaleLinear } from '../../charts/scale.ts';
import { AxisBottom, AxisLeft } from '../../charts/Axis.tsx';
import { bandPath, linePath } from '../../charts/paths.ts';
import { useThrottledFrame } from '../useThrottledFrame.ts';
import { formatNumber } from '../../i18n/index.ts';
import type { ReadyInfo } from '../../protocol/frame.ts';
import { useLab } from '../../store/lab.ts';
import { useT } from '../../i18n/useT.ts';
import { MC_SAMPLES } from '../../protocol/rules.ts';
import { frameMatches } from '../network/structure.ts';
import { dropoutActive, lossText, modeText } from './format.ts';
import '../../charts/charts.css';

const W = 560;
const H = 260;
const M = { l: 44, r: 12, t: 10, b: 28 };

/** Many small circles as one path: one DOM node per split however many points. */
function dotsPath(X: Float32Array, Y: Float32Array, x: (v: number) => number, y: (v: number) => number, r: number): string {
  let d = '';
  for (let i = 0; i < Y.length; i++) {
    const cx = x(X[i]), cy = y(Y[i]);
    if (!Number.isFinite(cx) || !Number.isFinite(cy)) continue;
    d += `M${(cx - r).toFixed(1)},${cy.toFixed(1)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
  }
  return d;
}

export function CurveView({ ready }: { ready: ReadyInfo }) {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const k = useLab((s) => s.options.mcSamples);
  const setOptions = useLab((s) => s.setOptions);
  const slow = useThrottledFrame(15);
  const frame = frameMatches(ready, slow) ? slow : null;
  const clipId = useId();
  const sliderId = useId();
  const dom = ready.data.domain ?? { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
  const x = useMemo(() => scaleLinear().domain([dom.xMin, dom.xMax]).range([M.l, W - M.r]), [dom.xMin, dom.xMax]);
  const y = useMemo(() => scaleLinear().domain([dom.yMin, dom.yMax]).nice().range([H - M.b, M.t]), [dom.yMin, dom.yMax]);
  const points = useMemo(
    () => (
      <g className="output-points">
        <path className="output-dots-train" d={dotsPath(ready.data.trainX, ready.data.trainY, x, y, 2.6)} />
        <path className="output-dots-test" d={dotsPath(ready.data.testX, ready.data.testY, x, y, 2.6)} />
      </g>
    ),
    [ready, x, y],
  );

  const out = frame?.output.kind === 'curve' ? frame.output : null;
  const mode = frame?.mode ?? 'inference';
  const hasDropout = !!frame && dropoutActive(frame.layers);
  let band = '', mean = '', pred = '', widest = { s: 0, x: NaN };
  if (out) {
    pred = linePath(out.xs, out.ys, x, y);
    if (out.mcSamples > 0) {
      const lo = out.mcMean.map((m, i) => m - 2 * out.mcStd[i]);
      const hi = out.mcMean.map((m, i) => m + 2 * out.mcStd[i]);
      band = bandPath(out.xs, lo, hi, x, y);
      mean = linePath(out.xs, out.mcMean, x, y);
      out.mcStd.forEach((s, i) => {
        if (2 * s > widest.s) widest = { s: 2 * s, x: out.xs[i] };
      });
    }
  }
  const summary = out && out.mcSamples > 0
    ? t('output.curve.summary', {
        mode: modeText(t, mode),
        k: out.mcSamples,
        spread: formatNumber(lang, widest.s, 3),
        x: Number.isFinite(widest.x) ? formatNumber(lang, widest.x, 3) : '—',
      })
    : t('output.curve.pending');

  return (
    <div className="output-curve">
      <div className="output-toggles">
        <label htmlFor={sliderId}>{t('output.curve.k')}</label>
        <input
          id={sliderId}
          type="range"
          min={MC_SAMPLES.min}
          max={MC_SAMPLES.max}
          step={1}
          value={k}
          onChange={(e) => setOptions({ mcSamples: Number(e.target.value) })}
        />
        <span className="output-k">{k}</span>
      </div>
      {mode === 'training' && hasDropout && <p className="output-caption output-caption-warn">{t('output.curve.noisy')}</p>}
      {frame && !hasDropout && <p className="output-caption">{t('output.curve.noBand')}</p>}
      <svg viewBox={`0 0 ${W} ${H}`} className="chart" data-export="output" role="img" aria-label={t('output.curve.label')}>
        <defs>
          <clipPath id={clipId}>
            <rect x={M.l} y={M.t} width={W - M.l - M.r} height={H - M.t - M.b} />
          </clipPath>
        </defs>
        <AxisLeft scale={y} at={M.l} grid={W - M.l - M.r} ticks={5} />
        <AxisBottom scale={x} at={H - M.b} ticks={6} />
        <g clipPath={`url(#${clipId})`}>
          {band && <path className="output-band" d={band} data-testid="mc-band" />}
          {points}
          {mean && <path className="output-mean" d={mean} />}
          {pred && <path className={`output-pred output-pred-${mode}`} d={pred} data-testid="prediction" />}
        </g>
      </svg>
      <ul className="output-legend">
        <li><span className="output-key output-key-pred" aria-hidden="true" />{t('output.curve.prediction', { mode: modeText(t, mode) })}</li>
        <li><span className="output-key output-key-mean" aria-hidden="true" />{t('output.curve.mean')}</li>
        <li><span className="output-key output-key-band" aria-hidden="true" />{t('output.curve.band')}</li>
        <li>{t('output.curve.trainData')}</li>
        <li>{t('output.curve.testData')}</li>
      </ul>
      <p className="output-summary">
        {summary} {lossText(t, lang, frame?.metrics ?? null)}
      </p>
    </div>
  );
}
