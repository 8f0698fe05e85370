// Loss curves: batch loss, and train and test loss evaluated in inference mode on the full sets.
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useFrame } from '../../store/frame.ts';
import { useT } from '../../app/useT.ts';

const W = 560;
const H = 220;
const M = { l: 44, r: 12, t: 10, b: 28 };

export function LossPanel() {
  const t = useT();
  const frame = useFrame();
  const h = frame?.history;
  const n = h ? h.step.length : 0;
  let body;
  if (!h || n < 2) {
    body = <p className="empty">{t('chart.loss.empty')}</p>;
  } else {
    const x = scaleLinear().domain([h.step[0], h.step[n - 1]]).range([M.l, W - M.r]);
    let hi = 0;
    for (const arr of [h.trainLoss, h.testLoss, h.batchLoss]) for (let i = 0; i < n; i++) if (Number.isFinite(arr[i])) hi = Math.max(hi, arr[i]);
    const y = scaleLinear().domain([0, hi || 1]).nice().range([H - M.b, M.t]);
    const path = (arr: Float32Array) =>
      line<number>()
        .defined((i) => Number.isFinite(arr[i]))
        .x((i) => x(h.step[i]))
        .y((i) => y(arr[i]))(Array.from({ length: n }, (_, i) => i)) ?? '';
    body = (
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('chart.loss.title')} className="chart">
        {y.ticks(4).map((v) => (
          <g key={v}>
            <line x1={M.l} x2={W - M.r} y1={y(v)} y2={y(v)} className="grid" />
            <text x={M.l - 6} y={y(v)} dy="0.32em" textAnchor="end" className="tick">
              {v}
            </text>
          </g>
        ))}
        <path d={path(h.batchLoss)} className="line batch" />
        <path d={path(h.trainLoss)} className="line train" />
        <path d={path(h.testLoss)} className="line test" />
      </svg>
    );
  }
  return (
    <section className="panel" aria-labelledby="loss-title">
      <h2 id="loss-title">{t('chart.loss.title')}</h2>
      {body}
    </section>
  );
}
