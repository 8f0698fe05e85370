// Panel 4, batch normalization: for a chosen norm layer and feature, this batch's statistics next to
// the running estimates, the distribution before and after, and the three steps on the current batch.
// Everything is read from the latest frame on each render (nothing cached), so a γ or β change shows
// as soon as the frame carrying it arrives.
import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import { useThrottledFrame } from '../useThrottledFrame.ts';
import { HistogramChart, histTotal } from '../../charts/Histogram.tsx';
import { formatNumber } from '../../i18n/index.ts';
import { useLab } from '../../store/lab.ts';
import { normLayersOf, type NormInfo } from './bnModel.ts';
import { FeatureStats } from './FeatureStats.tsx';
import { StepThrough } from './StepThrough.tsx';
import { CnnBatchNorm } from '../cnn/CnnBatchNorm.tsx';

export { FeatureMapsPanel } from '../cnn/FeatureMapsPanel.tsx';
import '../../charts/charts.css';
import './batchnorm.css';

export function BatchNormPanel() {
  const cnn = useLab((s) => s.ready?.config.arch === 'cnn');
  return cnn ? <CnnBatchNorm /> : <MlpBatchNormPanel />;
}

function MlpBatchNormPanel() {
  const t = useT();
  const frame = useThrottledFrame(10);
  const playing = useLab((s) => s.playing);
  const lang = useLab((s) => s.lang);
  const net = useLab((s) => s.config.net);
  const patch = useLab((s) => s.patch);
  const setOptions = useLab((s) => s.setOptions);
  const optFeature = useLab((s) => s.options.feature);
  const teachBatchStats = useLab((s) => s.ready?.teach.bnBatchStatsAtInference ?? s.teach.bnBatchStatsAtInference);
  const [picked, setPicked] = useState<number | null>(null);
  const layerId = useId(), featureId = useId();
  // "Add BatchNorm" goes once the layer is there: focus moves to the layer picker that replaced it.
  const added = useRef(false);

  const norms = frame ? normLayersOf(frame) : [];
  const hasNorm = norms.length > 0;
  useEffect(() => {
    if (!hasNorm || !added.current) return;
    added.current = false;
    document.getElementById(layerId)?.focus();
  }, [hasNorm, layerId]);
  const head = <h2 id="bn-title">{t('bn.title')}</h2>;
  if (!frame) {
    return (
      <section className="panel bn-panel" aria-labelledby="bn-title">
        {head}
        <p className="empty">{playing ? t('chart.loss.waiting', { step: 0 }) : t('bn.empty')}</p>
      </section>
    );
  }
  if (norms.length === 0) {
    const canAdd = net.hidden.length > 0;
    return (
      <section className="panel bn-panel" aria-labelledby="bn-title">
        {head}
        <p>{t(canAdd ? 'bn.none' : 'bn.noneNoHidden')}</p>
        {canAdd ? (
          <button
            type="button"
            className="primary"
            onClick={() => {
              added.current = true;
              patch({ net: { norm: net.norm.map((k, i) => (i === 0 ? 'batchnorm' : k)) } });
            }}
          >
            {t('bn.add')}
          </button>
        ) : null}
      </section>
    );
  }

  const info: NormInfo = norms.find((n) => n.layer.index === picked) ?? norms[0];
  const l = info.layer;
  // The frame says which feature its batch columns follow (the worker clamps to the layer's width).
  const feature = Math.min(l.feature ?? optFeature, l.width - 1);
  const num = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : formatNumber(lang, v, 3));
  const pickFeature = (j: number) => setOptions({ feature: j });
  const bn = info.kind === 'batchnorm';
  const inference = frame.mode === 'inference';
  const hists = [
    { h: l.histIn, label: t('bn.hist.in'), cls: 'in' },
    { h: l.histOut, label: t('bn.hist.out'), cls: 'out' },
  ];
  let maxCount = 0;
  for (const { h } of hists) if (h) for (const c of h.counts) maxCount = Math.max(maxCount, c);

  return (
    <section className="panel bn-panel" aria-labelledby="bn-title">
      {head}
      <div className="bn-pickers">
        <div className="bn-field">
          <label htmlFor={layerId}>{t('bn.layerPick')}</label>
          <select id={layerId} value={l.index} onChange={(e) => setPicked(Number(e.target.value))}>
            {norms.map((n) => (
              <option key={n.layer.index} value={n.layer.index}>
                {t('bn.layerOption', { n: n.hidden + 1, kind: t(`bn.kind.${n.kind}`), place: t(`bn.place.${n.place}`) })}
              </option>
            ))}
          </select>
        </div>
        <div className="bn-field">
          <label htmlFor={featureId}>{t('bn.featurePick')}</label>
          <select id={featureId} value={feature} onChange={(e) => pickFeature(Number(e.target.value))}>
            {Array.from({ length: l.width }, (_, i) => (
              <option key={i} value={i}>
                {t('bn.featureN', { n: i + 1 })}
              </option>
            ))}
          </select>
        </div>
      </div>

      <p className={`bn-mode ${inference ? 'is-inference' : ''}`}>
        {!bn
          ? t('bn.ln.noStats')
          : !inference
            ? t('bn.training')
            : teachBatchStats
              ? t('bn.inferenceBatch')
              : t('bn.inference', { n: feature + 1, mean: num(l.runningMean?.[feature]), var: num(l.runningVar?.[feature]) })}
      </p>
      <p className="bn-gb" data-testid="bn-gamma-beta">
        {t('bn.gammaBeta', { n: feature + 1, gamma: num(l.gamma?.[feature]), beta: num(l.beta?.[feature]) })}
        {l.frozen ? <> {t('bn.frozen')}</> : null}
      </p>

      {bn ? <FeatureStats l={l} feature={feature} lang={lang} onPick={pickFeature} /> : null}

      <section className="bn-hists" aria-labelledby="bn-hist-title" data-look="bn-hist">
        <h3 id="bn-hist-title">{t('bn.hist.title')}</h3>
        <div className="bn-hist-row" data-export="bn-hist">
          {hists.map(({ h, label, cls }) =>
            h ? (
              <figure key={cls} className={`bn-hist bn-hist-${cls}`} data-testid={`bn-hist-${cls}`}>
                <figcaption>{label}</figcaption>
                <HistogramChart hist={h} width={250} height={90} maxCount={maxCount} className={`bn-hist-${cls}`} />
                <p className="bn-hist-outside">
                  {t('bn.hist.outside', { under: h.under, over: h.over })}
                </p>
                <p className="chart-sr-only">
                  {t('bn.hist.summary', { label, n: histTotal(h), outside: t('bn.hist.outside', { under: h.under, over: h.over }) })}
                </p>
              </figure>
            ) : null,
          )}
        </div>
      </section>

      <StepThrough info={info} mode={frame.mode} batchStatsAtInference={teachBatchStats} lang={lang} />
      {bn ? (
        <p className="chart-sr-only">
          {t('bn.stats.summary', {
            n: feature + 1,
            bm: num(l.batchMean?.[feature]),
            rm: num(l.runningMean?.[feature]),
            bv: num(l.batchVar?.[feature]),
            rv: num(l.runningVar?.[feature]),
          })}
        </p>
      ) : null}
    </section>
  );
}
