// Compare mode: up to four variants — by default none, dropout, BN, both — trained at once from the
// lab's settings and seed, each in its own worker. One overlay chart, a live results table, a text
// summary. The workers exist only while this panel is mounted; the lab pauses while they train. With
// the CNN (arch=cnn) the variants are BatchNorm2d on/off and the conv blocks' dropout (variants.ts).
import { useEffect, useId, useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import { defineMessages } from '../../i18n/define.ts';
import type { WorkerFactory } from '../../bridge/bridge.ts';
import { createTrainingWorker } from '../../bridge/worker-factory.ts';
import { useLab } from '../../store/lab.ts';
import { CompareChart, type ChartSeries } from './CompareChart.tsx';
import { CompareController } from './controller.ts';
import { ResultsTable } from './ResultsTable.tsx';
import { emptyLive, useCompare, type ChartView } from '../../store/compare.ts';
import { VARIANT_STYLES } from './style.ts';
import { labelOr, summaryText, variantName } from './text.ts';
import { useLive } from './useLive.ts';
import { Marker, VariantList } from './VariantList.tsx';
import { VARIANT_LETTERS } from '../../store/compare-variants.ts';
import '../../charts/charts.css';
import './compare.css';

// The stop field's words live with the panel (which loads on demand), not in the first screen's tables.
const STOP_TEXT = defineMessages({
  en: {
      'cmp.stopAt': 'Stop at step',
      'cmp.stopAtNone': 'no stop',
      'cmp.stopAtHintNone': 'Empty: the variants train until you pause.',
      'cmp.stopAtHint': 'Each variant trains exactly to step {n} and stops there.',
  },
  ko: {
      'cmp.stopAt': '멈출 스텝',
      'cmp.stopAtNone': '멈추지 않음',
      'cmp.stopAtHintNone': '비워 두면 일시 정지할 때까지 학습합니다.',
      'cmp.stopAtHint': '변형마다 정확히 {n}번째 스텝에 이르면 멈춥니다.',
  },
});

/** The element's width in CSS pixels, followed as it resizes (undefined where it cannot be measured). */
function useBoxWidth(el: HTMLElement | null): number | undefined {
  const [w, setW] = useState<number | undefined>(undefined);
  useEffect(() => {
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => {
      const cw = Math.round(entries[0].contentRect.width);
      // Whole steps of 20 px: a window dragged wider does not rebuild the chart per pixel.
      if (cw > 0) setW(Math.max(300, Math.min(960, Math.round(cw / 20) * 20)));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);
  return w;
}

export function ComparePanel({ workerFactory = createTrainingWorker }: { workerFactory?: WorkerFactory }) {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const labConfig = useLab((s) => s.config);
  const { variants, target, status, view, log, base, stopAt, setTarget, setView, setLog, setStopAt } = useCompare();
  const live = useLive(8);
  const st = STOP_TEXT[lang];
  const titleId = useId(), targetId = useId(), stopId = useId();
  const [draft, setDraft] = useState(String(target));
  const [stopDraft, setStopDraft] = useState(stopAt === null ? '' : String(stopAt));

  // This panel's workers: made with the panel, handed to the variant forms, gone with it.
  const [ctl] = useState(() => new CompareController());
  useEffect(() => ctl.attach(workerFactory), [ctl, workerFactory]);
  const [figure, setFigure] = useState<HTMLElement | null>(null);
  const width = useBoxWidth(figure);

  const rows = variants.map((variant) => ({ variant, live: live[variant.id] ?? emptyLive() }));
  const series: ChartSeries[] = rows.flatMap(({ live: l }, slot) =>
    l.history && l.history.step.length > 0 ? [{ letter: VARIANT_LETTERS[slot], style: VARIANT_STYLES[slot], history: l.history }] : [],
  );
  const drawable = series.some((s) => s.history.step.length > 1);
  const regression = rows.some((r) => r.live.kind === 'regression');
  const shownView: ChartView = regression ? 'loss' : view;
  const changed = base !== null && JSON.stringify(base) !== JSON.stringify(labConfig);

  return (
    <section className="panel compare-panel" aria-labelledby={titleId}>
      <div className="compare-head">
        <h2 id={titleId}>{t('cmp.title')}</h2>
        <div className="compare-transport">
          <button type="button" className="primary" onClick={() => (status === 'running' ? ctl.pause() : ctl.start())}>
            {t(status === 'running' ? 'cmp.pause' : 'cmp.start')}
          </button>
          <button type="button" onClick={() => ctl.reset()} disabled={status === 'idle'}>
            {t('cmp.reset')}
          </button>
        </div>
      </div>
      <p className="compare-intro">{t(labConfig.arch === 'cnn' ? 'ci.cmp.intro' : 'cmp.intro')}</p>
      <p className="compare-note">{t('cmp.sameInit')}</p>
      <p className="compare-note">{t('cmp.labPaused')}</p>
      {labConfig.arch !== 'cnn' && labConfig.net.hidden.length === 0 ? <p className="compare-warn">{t('cmp.noHidden')}</p> : null}
      {base ? (
        <p className="compare-note" data-testid="compare-base">
          {t('cmp.base', {
            dataset: labelOr(lang, `controls.dataset.${base.data.name}`, base.data.name),
            hidden: base.arch === 'cnn' ? t('ci.cmp.shape', { layers: base.conv.layers, channels: base.conv.channels }) : base.net.hidden.join(' × ') || '0',
            optimizer: labelOr(lang, `controls.optimizer.${base.train.optimizer}`, base.train.optimizer),
            lr: base.train.lr,
            batch: base.train.batchSize,
            seed: base.seed,
          })}
          {changed ? ` ${t('cmp.baseChanged')}` : ''}
        </p>
      ) : null}

      <VariantList ctl={ctl} />

      <div className="compare-options">
        <label htmlFor={targetId}>{t('cmp.target')}</label>
        <input
          id={targetId}
          type="number"
          min={0.001}
          step={0.05}
          inputMode="decimal"
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
            const v = Number(e.target.value);
            if (e.target.value.trim() !== '' && Number.isFinite(v) && v > 0) setTarget(v);
          }}
        />
        <label htmlFor={stopId}>{st['cmp.stopAt']}</label>
        <input
          id={stopId}
          type="number"
          min={1}
          step={50}
          inputMode="numeric"
          placeholder={st['cmp.stopAtNone']}
          aria-describedby={`${stopId}-hint`}
          value={stopDraft}
          onChange={(e) => {
            setStopDraft(e.target.value);
            const v = Number(e.target.value);
            // Empty: no stop. A whole number ≥ 1: stop there. Anything else waits until it is one.
            if (e.target.value.trim() === '') setStopAt(null);
            else if (Number.isInteger(v) && v >= 1) setStopAt(v);
          }}
        />
        <span id={`${stopId}-hint`} className="compare-note">
          {stopAt === null ? st['cmp.stopAtHintNone'] : st['cmp.stopAtHint'].replace('{n}', String(stopAt))}
        </span>
        {!regression ? (
          <div className="compare-view" role="radiogroup" aria-label={t('cmp.view')}>
            {(['loss', 'accuracy'] as const).map((v) => (
              <label key={v}>
                <input type="radio" name={`${titleId}-view`} checked={view === v} onChange={() => setView(v)} />
                {t(v === 'loss' ? 'cmp.view.loss' : 'cmp.view.accuracy')}
              </label>
            ))}
          </div>
        ) : null}
        {shownView === 'loss' ? (
          <button type="button" aria-pressed={log} onClick={() => setLog(!log)}>
            {t('cmp.log')}
          </button>
        ) : null}
      </div>

      {drawable ? (
        <figure ref={setFigure} className="compare-figure" aria-label={t(shownView === 'loss' ? 'cmp.chart.label' : 'cmp.chart.labelAcc')}>
          <CompareChart series={series} view={shownView} log={log} width={width} />
        </figure>
      ) : (
        <p className="empty">{t('cmp.chart.empty')}</p>
      )}
      <ul className="compare-legend" aria-label={t('cmp.legend.label')}>
        {variants.map((v, slot) => (
          <li key={v.id}>
            <Marker slot={slot} />
            <span className="compare-letter">{VARIANT_LETTERS[slot]}</span> {variantName(lang, v)}
          </li>
        ))}
        <li className="compare-legend-lines">{t('cmp.legend.lines')}</li>
      </ul>

      <ResultsTable rows={rows} target={target} />
      <p className="chart-sr-only" data-testid="compare-summary">
        {summaryText(lang, rows.map((r, slot) => ({ letter: VARIANT_LETTERS[slot], ...r })), target)}
      </p>
    </section>
  );
}
