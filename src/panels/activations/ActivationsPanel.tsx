// Panel 5, activations over time: for every tracked layer (what each activation receives and what it
// gives) the batch's 5/25/50/75/95 % quantiles over the training steps, as bands — the
// internal-covariate-shift view. The previous run stays as a dashed outline, for BN on vs off.
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import { useThrottledFrame } from '../useThrottledFrame.ts';
import { nearestIndex } from '../../charts/paths.ts';
import { formatNumber, type Lang, type MessageKey, type Vars } from '../../i18n/index.ts';
import { useLab } from '../../store/lab.ts';
import { runLabel } from '../loss/lossText.ts';
import { archiveOf, useEarlierRuns } from '../../store/run-archive.ts';
import { useControllers } from '../controllers.tsx';
import { BandChart, type Bands } from './BandChart.tsx';
import { ACT_NAMES, trackedLayers, type TrackedLayer } from './tracked.ts';
import '../../charts/charts.css';
import './activations.css';

type T = (key: MessageKey, vars?: Vars) => string;

function title(t: T, l: TrackedLayer): string {
  const act = ACT_NAMES[l.act] ?? l.act;
  // A CNN's conv block is titled as such ("Conv block 2: out of ReLU").
  const k = l.conv ? 'cnn.act' : 'act';
  if (l.role === 'post') return t(`${k}.post`, { n: l.hidden + 1, act });
  if (l.role === 'normIn') return t(`${k}.normIn`, { n: l.hidden + 1, norm: t(`act.norm.${l.norm ?? 'batchnorm'}`) });
  return l.norm ? t(`${k}.preNorm`, { n: l.hidden + 1, act, norm: t(`act.norm.${l.norm}`) }) : t(`${k}.pre`, { n: l.hidden + 1, act });
}

function summary(t: T, lang: Lang, name: string, cur: Bands, prev: Bands | null): string {
  const n = cur.steps.length, f = (v: number) => (Number.isFinite(v) ? formatNumber(lang, v, 3) : '–');
  const at = (b: Bands, i: number) => ({ q5: f(b.q[i * 5]), q25: f(b.q[i * 5 + 1]), med: f(b.q[i * 5 + 2]), q75: f(b.q[i * 5 + 3]), q95: f(b.q[i * 5 + 4]) });
  const parts = [t('act.summary', { layer: name, step: cur.steps[n - 1], ...at(cur, n - 1) }), t('act.summary.start', at(cur, 0))];
  if (prev && prev.steps.length && cur.steps[n - 1] <= prev.steps[prev.steps.length - 1]) {
    const j = nearestIndex(prev.steps, cur.steps[n - 1]);
    parts.push(t('act.summary.prev', { step: prev.steps[j], ...at(prev, j) }));
  }
  return parts.join(' ');
}

export function ActivationsPanel() {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const frame = useThrottledFrame(10);
  const archive = archiveOf(useControllers());
  const earlier = useEarlierRuns(archive);
  const playing = useLab((s) => s.playing);
  const [showPrev, setShowPrev] = useState(true);
  const [showNormIn, setShowNormIn] = useState(true);
  useEffect(() => archive.start(), [archive]);

  const head = <h2 id="act-title">{t('act.title')}</h2>;
  const a = frame?.activations;
  if (!frame || !a || a.step.length < 2) {
    return (
      <section className="panel act-panel" aria-labelledby="act-title">
        {head}
        <p className="empty">{playing ? t('chart.loss.waiting', { step: frame?.step ?? 0 }) : t('act.empty')}</p>
      </section>
    );
  }
  const all = trackedLayers(a, frame.layers.map((l) => l.type));
  const hasNormIn = all.some((l) => l.role === 'normIn');
  const layers = showNormIn ? all : all.filter((l) => l.role !== 'normIn');
  const last = earlier[0];
  const prevLayers = last && showPrev ? new Map(trackedLayers(last.activations, last.layerTypes).map((l) => [l.key, l])) : null;
  const prevLabel = last ? runLabel(lang, last.summary) : '';

  return (
    <section className="panel act-panel" aria-labelledby="act-title">
      <div className="act-head">
        {head}
        {hasNormIn ? (
          <button type="button" aria-pressed={showNormIn} onClick={() => setShowNormIn(!showNormIn)}>
            {t('act.showNormIn')}
          </button>
        ) : null}
        {last ? (
          <button type="button" aria-pressed={showPrev} onClick={() => setShowPrev(!showPrev)}>
            {t('act.showPrev')}
          </button>
        ) : null}
      </div>
      <p className="act-intro">{t('act.intro')}</p>
      <ul className="act-legend">
        <li>
          <span className="act-key act-key-outer" aria-hidden="true" />
          {t('act.legend.outer')}
        </li>
        <li>
          <span className="act-key act-key-inner" aria-hidden="true" />
          {t('act.legend.inner')}
        </li>
        <li>
          <span className="act-key act-key-median" aria-hidden="true" />
          {t('act.legend.median')}
        </li>
        {prevLayers ? (
          <li>
            <span className="act-key act-key-prev" aria-hidden="true" />
            {t('act.legend.prev', { label: prevLabel })}
          </li>
        ) : null}
      </ul>
      <div className="act-grid" data-export="activations">
        {layers.map((l) => {
          const name = title(t, l);
          const cur: Bands = { steps: a.step, q: l.q };
          const p = prevLayers?.get(l.key);
          const prev: Bands | null = p ? { steps: last.activations.step, q: p.q } : null;
          return (
            <div key={l.key} className={`act-cell act-${l.role}`}>
              <BandChart cur={cur} prev={prev} title={name} />
              <p className="chart-sr-only">{summary(t, lang, name, cur, prev)}</p>
            </div>
          );
        })}
      </div>
      {!last ? <p className="act-note">{t('act.compare')}</p> : null}
    </section>
  );
}
