// Panel 2, loss and accuracy: train and test loss evaluated in inference mode on the full sets, the
// noisy batch loss, the generalization gap shaded, earlier runs kept faint, and exact values readable
// by click, tap or keyboard (the chart is a focusable slider over the evaluation points).
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useT } from '../../i18n/useT.ts';
import { useThrottledFrame } from '../useThrottledFrame.ts';
import { nearestIndex } from '../../charts/paths.ts';
import { useLab } from '../../store/lab.ts';
import { AccuracyChart } from './AccuracyChart.tsx';
import { Legend } from './Legend.tsx';
import { LOSS_H, LossChart } from './LossChart.tsx';
import { hasAccuracy, readoutText, runLabel, summaryText } from './lossText.ts';
import { archiveOf, comparableRuns, useEarlierRuns } from '../../store/run-archive.ts';
import { useControllers } from '../controllers.tsx';
import { lossScale, stepScale, upToStep, W } from './scales.ts';
import '../../charts/charts.css';
import './loss.css';

const KEY_STEP: Record<string, number> = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -10, PageUp: 10 };

export function LossPanel() {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const frame = useThrottledFrame(15);
  const archive = archiveOf(useControllers());
  const archived = useEarlierRuns(archive);
  const ready = useLab((s) => s.ready);
  // Never "Press Play" while training runs (a screen reader reads this text without scrolling to it).
  const playing = useLab((s) => s.playing);
  // Runs on other data or with another loss are on another scale: they neither draw nor set the y-axis.
  const allEarlier = comparableRuns(archived, ready);
  const otherData = archived.length - allEarlier.length;
  const [log, setLog] = useState(false);
  const [showEarlier, setShowEarlier] = useState(true);
  // The selected point is kept with its step, so it stays put while points merge and the run grows
  // (steps can repeat: an evaluation after a change made while paused has the same step).
  const [sel, setSel] = useState<{ i: number; step: number } | null>(null);
  const chartRef = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);

  useEffect(() => archive.start(), [archive]);
  const runId = frame?.runId;
  useEffect(() => setSel(null), [runId]);

  const h = frame?.history;
  const n = h ? h.step.length : 0;
  const earlier = showEarlier ? allEarlier : [];
  const header = (
    <div className="loss-head">
      <h2 id="loss-title">{t('chart.loss.title')}</h2>
      <div className="loss-tools">
        <button type="button" aria-pressed={log} onClick={() => setLog(!log)}>
          {t('loss.log')}
        </button>
        {allEarlier.length > 0 ? (
          <button type="button" aria-pressed={showEarlier} onClick={() => setShowEarlier(!showEarlier)}>
            {t('loss.showEarlier')}
          </button>
        ) : null}
      </div>
    </div>
  );
  if (!h || n < 2) {
    return (
      <section className="panel loss-panel" aria-labelledby="loss-title">
        {header}
        <p className="empty">{playing ? t('chart.loss.waiting', { step: frame?.step ?? 0 }) : t('chart.loss.empty')}</p>
      </section>
    );
  }

  const others = earlier.map((r) => upToStep(r.history, h.step[n - 1]));
  const x = stepScale(h);
  const y = lossScale(h, others, log, LOSS_H);
  const index = !sel ? -1 : sel.i < n && h.step[sel.i] === sel.step ? sel.i : nearestIndex(h.step, sel.step);
  const select = (i: number) => setSel({ i, step: h.step[i] });
  const acc = hasAccuracy(h);
  const readout = index >= 0 ? readoutText(lang, h, index, earlier) : '';

  const pick = (clientX: number) => {
    const el = chartRef.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    if (r.width <= 0) return;
    const step = x.invert(((clientX - r.left) / r.width) * W);
    select(nearestIndex(h.step, step));
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    dragging.current = true;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    pick(e.clientX);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (dragging.current) pick(e.clientX);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    let i: number;
    if (e.key === 'Home') i = 0;
    else if (e.key === 'End') i = n - 1;
    else if (e.key === 'Escape') {
      setSel(null);
      return;
    } else if (Object.hasOwn(KEY_STEP, e.key)) i = index < 0 ? n - 1 : Math.max(0, Math.min(n - 1, index + KEY_STEP[e.key]));
    else return;
    e.preventDefault();
    select(i);
  };

  return (
    <section className="panel loss-panel" aria-labelledby="loss-title">
      {header}
      <div
        ref={chartRef}
        className="chart-focus loss-focus"
        role="slider"
        tabIndex={0}
        aria-label={t('loss.readout.label')}
        aria-valuemin={h.step[0]}
        aria-valuemax={h.step[n - 1]}
        aria-valuenow={index >= 0 ? h.step[index] : h.step[n - 1]}
        aria-valuetext={index >= 0 ? readout : readoutText(lang, h, n - 1, earlier)}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => (dragging.current = false)}
        onPointerCancel={() => (dragging.current = false)}
        onKeyDown={onKeyDown}
      >
        <LossChart h={h} earlier={others} x={x} y={y} log={log} index={index} />
      </div>
      <p className="loss-readout" data-testid="loss-readout">
        {index >= 0 ? readout : t('loss.readout.hint')}
      </p>
      {acc ? (
        <figure className="loss-acc-figure">
          <figcaption>{t('loss.acc.title')}</figcaption>
          <AccuracyChart h={h} x={x} index={index} />
        </figure>
      ) : null}
      <Legend merged={h.stride > 1} earlier={earlier.map((r) => runLabel(lang, r.summary))} />
      {otherData > 0 && showEarlier ? <p className="loss-note">{t('loss.note.otherData', { n: otherData })}</p> : null}
      {h.stride > 1 ? <p className="loss-note">{t('loss.note.stride', { stride: h.stride })}</p> : null}
      <p className="chart-sr-only">{summaryText(lang, h, earlier.length)}</p>
    </section>
  );
}
