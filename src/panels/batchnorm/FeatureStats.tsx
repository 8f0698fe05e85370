// Batch statistics next to the running estimates, per feature: two small dot charts (mean, variance;
// ● this batch, ◇ running) over a window of features, the chosen feature's four numbers in a table,
// and every feature's numbers in a table on request.
import { useState } from 'react';
import { scaleBand, scaleLinear } from '../../charts/scale.ts';
import { useT } from '../../i18n/useT.ts';
import { formatNumber, type Lang } from '../../i18n/index.ts';
import type { LayerFrame } from '../../protocol/frame.ts';

const MAX_SHOWN = 48;
const W = 260;
const H = 92;
const M = { l: 40, r: 6, t: 8, b: 16 };

interface Props {
  l: LayerFrame;
  feature: number;
  lang: Lang;
  onPick(feature: number): void;
}

function DotChart({ title, batch, running, from, to, feature, onPick }: {
  title: string; batch: Float32Array; running: Float32Array; from: number; to: number; feature: number; onPick(j: number): void;
}) {
  const idx = Array.from({ length: to - from }, (_, i) => from + i);
  const x = scaleBand<number>().domain(idx).range([M.l, W - M.r]).padding(0.1);
  let lo = 0, hi = 0;
  for (const j of idx) for (const v of [batch[j], running[j]]) if (Number.isFinite(v)) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
  const y = scaleLinear().domain([lo, hi === lo ? lo + 1 : hi]).nice().range([H - M.b, M.t]);
  const r = Math.max(1.5, Math.min(4, x.bandwidth() / 2.5));
  return (
    <figure className="bn-dots">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} className="chart" data-export="bn-stats" aria-hidden="true" focusable="false">
        {y.ticks(3).map((v) => (
          <g key={v}>
            <line className="grid" x1={M.l} x2={W - M.r} y1={y(v)} y2={y(v)} />
            <text className="tick" x={M.l - 4} y={y(v)} dy="0.32em" textAnchor="end">
              {y.tickFormat(3)(v)}
            </text>
          </g>
        ))}
        {idx.map((j) => {
          const cx = x(j)! + x.bandwidth() / 2;
          return (
            <g key={j} className={j === feature ? 'bn-dot-col is-picked' : 'bn-dot-col'} onClick={() => onPick(j)}>
              <rect className="bn-dot-hit" x={x(j)} width={x.bandwidth()} y={M.t} height={H - M.t - M.b} />
              {Number.isFinite(running[j]) ? (
                <path className="bn-dot-running" d={`M${cx},${y(running[j]) - r - 1.5}l${r + 1.5},${r + 1.5}l${-r - 1.5},${r + 1.5}l${-r - 1.5},${-r - 1.5}z`} />
              ) : null}
              {Number.isFinite(batch[j]) ? <circle className="bn-dot-batch" cx={cx} cy={y(batch[j])} r={r} /> : null}
            </g>
          );
        })}
        <text className="tick" x={x(feature) !== undefined ? x(feature)! + x.bandwidth() / 2 : -99} y={H - 3} textAnchor="middle">
          {feature + 1}
        </text>
      </svg>
    </figure>
  );
}

export function FeatureStats({ l, feature, lang, onPick }: Props) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const { batchMean, batchVar, runningMean, runningVar, gamma, beta } = l;
  if (!batchMean || !batchVar || !runningMean || !runningVar) return null;
  const F = l.width, j = feature;
  const from = Math.max(0, Math.min(F - MAX_SHOWN, j - MAX_SHOWN / 2)), to = Math.min(F, from + MAX_SHOWN);
  const num = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : formatNumber(lang, v, 3));
  return (
    <section className="bn-stats" aria-labelledby="bn-stats-title" data-look="bn-stats">
      <h3 id="bn-stats-title">{t('bn.stats.title')}</h3>
      <p className="bn-key">
        <span aria-hidden="true" className="bn-key-batch">●</span> {t('bn.stats.batch')} <span aria-hidden="true" className="bn-key-running">◇</span> {t('bn.stats.running')}
        {F > MAX_SHOWN ? <> · {t('bn.stats.window', { from: from + 1, to, n: F })}</> : null}
      </p>
      <div className="bn-dots-row">
        <DotChart title={t('bn.stats.mean')} batch={batchMean} running={runningMean} from={from} to={to} feature={j} onPick={onPick} />
        <DotChart title={t('bn.stats.var')} batch={batchVar} running={runningVar} from={from} to={to} feature={j} onPick={onPick} />
      </div>
      <table className="bn-table bn-picked" data-testid="bn-picked">
        <caption>{t('bn.featureN', { n: j + 1 })}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">{t('bn.stats.batch')}</th>
            <th scope="col">{t('bn.stats.running')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('bn.stats.mean')}</th>
            <td>{num(batchMean[j])}</td>
            <td>{num(runningMean[j])}</td>
          </tr>
          <tr>
            <th scope="row">{t('bn.stats.var')}</th>
            <td>{num(batchVar[j])}</td>
            <td>{num(runningVar[j])}</td>
          </tr>
        </tbody>
      </table>
      <details className="bn-all" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('bn.stats.table')}</summary>
        {open ? (
          <table className="bn-table">
            <thead>
              <tr>
                <th scope="col">{t('bn.stats.feature')}</th>
                <th scope="col">{t('bn.stats.mean')} · {t('bn.stats.batch')}</th>
                <th scope="col">{t('bn.stats.mean')} · {t('bn.stats.running')}</th>
                <th scope="col">{t('bn.stats.var')} · {t('bn.stats.batch')}</th>
                <th scope="col">{t('bn.stats.var')} · {t('bn.stats.running')}</th>
                <th scope="col">γ</th>
                <th scope="col">β</th>
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: F }, (_, i) => (
                <tr key={i} className={i === j ? 'is-picked' : undefined}>
                  <th scope="row">{i + 1}</th>
                  <td>{num(batchMean[i])}</td>
                  <td>{num(runningMean[i])}</td>
                  <td>{num(batchVar[i])}</td>
                  <td>{num(runningVar[i])}</td>
                  <td>{num(gamma?.[i])}</td>
                  <td>{num(beta?.[i])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </details>
    </section>
  );
}
