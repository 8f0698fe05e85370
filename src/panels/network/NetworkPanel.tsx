// Panel 1, the network: units and weighted connections painted on a canvas once per frame (outside
// React), with a slow-changing DOM layer on top — one focusable button per drawn unit, a dropout
// summary in words, and the unit inspector — so keyboard, touch and screen readers reach everything.
import { Suspense, lazy, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { fitCanvas, useElementWidth } from '../../charts/canvas.ts';
import { useThrottledFrame } from '../useThrottledFrame.ts';
import { formatNumber, type MessageKey, type Vars } from '../../i18n/index.ts';
import type { Frame, ReadyInfo } from '../../protocol/frame.ts';
import { getFrame, subscribeFrame } from '../../store/frame.ts';
import { later } from '../../app/later.ts';
import { announce } from '../../app/announce.ts';
import { useLab } from '../../store/lab.ts';
import { useT } from '../../i18n/useT.ts';
import { drawNetwork } from './draw.ts';
import { columnName, columnShortName, columnTag } from './labels.ts';
import { UNIT_STEP, layoutNet, type NetLayout } from './layout.ts';
import { dropState, frameMatches, netColumns, type NetColumn } from './structure.ts';
import './network.css';

// The unit inspector loads as its own chunk: nothing is selected on the first screen.
const Inspector = lazy(() => import('./Inspector.tsx').then((m) => ({ default: m.Inspector })));
// The CNN draws feature maps instead of units, loaded only for arch=cnn with the batch-norm panel's
// chunk (which holds the CNN's other panel): a chunk of its own cost the first screen 0.1 KB.
const FeatureMapsPanel = lazy(() => import('../batchnorm/BatchNormPanel.tsx').then((m) => ({ default: m.FeatureMapsPanel })));

type Sel = { col: number; unit: number };
type T = (key: MessageKey, vars?: Vars) => string;

/** How often the DOM part (labels, summary, inspector) follows the frames; the canvas follows every frame. */
const DOM_HZ = 5;
/** Canvas repaints per second: masks still visibly change every paint, at a fraction of the compositing cost. */
const NET_HZ = 15;
/** Presentation mode: the drawing's words half as large again (18 px headers, like the captions), and
 *  at most 16 units a column so the drawing stays within a projector's 720 px. */
const PRESENT = { text: 1.5, maxShown: 16 } as const;
/** Column spacing (CSS px) below which headers and tags use their short forms so they do not collide. */
const NARROW_SPACING = 90;
const TINY_SPACING = 60;

interface PaintInput {
  ready: ReadyInfo | null;
  cols: readonly NetColumn[];
  layout: NetLayout;
  probe: number;
  selected: Sel | null;
  t: T;
}

/** Paints one frame and publishes the dropped-unit count on the canvas for tests and assistive tech. */
function paint(canvas: HTMLCanvasElement, inp: PaintInput, frame: Frame | null): void {
  const { ready, cols, layout, t } = inp;
  const ctx = fitCanvas(canvas, layout.width, layout.height);
  if (!ready || !frameMatches(ready, frame)) {
    ctx?.clearRect(0, 0, layout.width, layout.height);
    canvas.dataset.dropped = '0';
    canvas.setAttribute('aria-label', t('network.waiting'));
    return;
  }
  const drops = cols.map((c) => dropState(c, frame, inp.probe));
  const total = drops.reduce((s, d) => s + d.count, 0);
  let shown = 0;
  // Spacing measured in words' sizes: larger words need wider columns before their long forms fit.
  const spacing = (layout.columns.length > 1 ? layout.columns[1].x - layout.columns[0].x : Infinity) / layout.text;
  const narrow = spacing < NARROW_SPACING;
  const room = spacing < TINY_SPACING ? 'tiny' : narrow ? 'narrow' : 'wide';
  // In forced colours the canvas's CSS colour is the system's CanvasText; the words are drawn in it.
  const ink = typeof matchMedia === 'function' && matchMedia('(forced-colors: active)').matches ? getComputedStyle(canvas).color : undefined;
  canvas.dataset.ink = ink ?? '';
  if (ctx) {
    shown = drawNetwork(ctx, {
      ink,
      cols,
      layout,
      frame,
      ready,
      probe: inp.probe,
      drops,
      selected: inp.selected,
      headers: cols.map((c) => (narrow ? columnShortName(t, c) : columnName(t, c))),
      tags: cols.map((c) => columnTag(t, c, c.dropoutLayer === null ? undefined : frame.layers[c.dropoutLayer].p, room)),
      // Neighbouring columns' "+N more" would run into each other when the columns are close.
      more: (n) => (narrow ? `+${n}` : t('network.more', { n })),
    });
  }
  canvas.dataset.dropped = String(total);
  // The column headers' size in CSS px: lets a test see the drawing's words grow with the captions.
  canvas.dataset.labelPx = String(12 * layout.text);
  canvas.dataset.droppedShown = String(shown);
  // Which units this drawing marks dropped (1) per column: lets a test see that each step draws a new mask.
  canvas.dataset.mask = drops.map((d) => d.dropped.join('')).join('|');
  canvas.dataset.mode = frame.mode;
  canvas.dataset.step = String(frame.step);
  // The drop probability this drawing was made with: lets a test or benchmark see a slider reach the pixels.
  canvas.dataset.p = String(Math.max(0, ...frame.layers.map((l) => (l.type === 'dropout' ? (l.p ?? 0) : 0))));
  canvas.setAttribute('aria-label', frame.mode === 'inference' ? t('network.canvas.inference') : total > 0 ? t('network.canvas.training', { n: total }) : t('network.canvas.none'));
}

function clampSel(s: Sel, cols: readonly NetColumn[], layout: NetLayout, shownOnly: boolean): Sel | null {
  if (cols.length === 0) return null;
  const col = Math.max(0, Math.min(cols.length - 1, s.col));
  const max = shownOnly ? layout.columns[col].ys.length : cols[col].width;
  return { col, unit: Math.max(0, Math.min(max - 1, s.unit)) };
}

export function NetworkPanel() {
  const cnn = useLab((s) => s.ready?.config.arch === 'cnn');
  return cnn ? (
    <Suspense fallback={null}>
      <FeatureMapsPanel />
    </Suspense>
  ) : (
    <MlpNetworkPanel />
  );
}

function MlpNetworkPanel() {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const ready = useLab((s) => s.ready);
  const slow = useThrottledFrame(DOM_HZ);
  const frame = frameMatches(ready, slow) ? slow : null;
  const cols = useMemo(() => (ready ? netColumns(ready.model) : []), [ready]);
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const width = useElementWidth(wrapRef, 640);
  const present = useLab((s) => s.present);
  const layout = useMemo(() => layoutNet(cols, width, present ? PRESENT : undefined), [cols, width, present]);
  const [probe, setProbe] = useState(0);
  const [selectedRaw, setSelected] = useState<Sel | null>(null);
  const [focusRaw, setFocus] = useState<Sel>({ col: 0, unit: 0 });
  const selected = selectedRaw && clampSel(selectedRaw, cols, layout, false);
  const focus = clampSel(focusRaw, cols, layout, true);
  const probeCount = ready?.data.probeCount ?? 0;
  const probeIdx = Math.min(probe, Math.max(0, probeCount - 1));
  later.probe = probeIdx;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const inp: PaintInput = { ready, cols, layout, probe: probeIdx, selected, t };
    paint(canvas, inp, getFrame());
    return subscribeFrame((f) => paint(canvas, inp, f), canvas, NET_HZ);
    // `selected` is compared by value so a re-render with an equal selection does not re-subscribe.
  }, [ready, cols, layout, probeIdx, selected?.col, selected?.unit, t]);

  if (!ready) {
    return (
      <section className="panel network-panel" aria-labelledby="network-title">
        <h2 id="network-title">{t('network.title')}</h2>
        <p className="empty">{t('network.waiting')}</p>
      </section>
    );
  }

  const drops = frame ? cols.map((c) => dropState(c, frame, probeIdx)) : null;
  const masked = drops ? drops.some((d) => d.kind === 'mask') : false;
  const maskRow = drops?.find((d) => d.kind === 'mask')?.row ?? 0;
  const dropoutOn = cols.some((c) => c.dropoutLayer !== null && (frame?.layers[c.dropoutLayer].p ?? 0) > 0);
  let caption: string;
  if (!frame) caption = t('network.waiting');
  else if (frame.mode === 'inference') caption = t('network.caption.inference');
  else if (masked) caption = t('network.caption.training', { row: maskRow + 1 });
  else caption = t(dropoutOn && frame.step === 0 ? 'network.caption.noStep' : 'network.caption.noDropout');
  const missingWeights = !!frame && cols.some((c) => c.weightLayer !== null && !frame.layers[c.weightLayer].weight);

  const key = (s: Sel) => `${s.col}:${s.unit}`;
  const moveFocus = (next: Sel | null) => {
    if (!next) return;
    setFocus(next);
    buttons.current.get(key(next))?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!focus) return;
    const shown = (c: number) => layout.columns[c].ys.length;
    let next: Sel | null = null;
    if (e.key === 'ArrowUp') next = { col: focus.col, unit: focus.unit - 1 };
    else if (e.key === 'ArrowDown') next = { col: focus.col, unit: focus.unit + 1 };
    else if (e.key === 'ArrowLeft') next = { col: focus.col - 1, unit: focus.unit };
    else if (e.key === 'ArrowRight') next = { col: focus.col + 1, unit: focus.unit };
    else if (e.key === 'Home') next = { col: focus.col, unit: 0 };
    else if (e.key === 'End') next = { col: focus.col, unit: shown(focus.col) - 1 };
    else if (e.key === 'Enter' || e.key === ' ') {
      // The button's own activation selects too; selecting twice is harmless, and this also covers
      // environments that do not synthesize a click from the key.
      setSelected(focus);
      return;
    }
    if (!next) return;
    e.preventDefault();
    moveFocus(clampSel(next, cols, layout, true));
  };

  const probeLabel = (k: number) => {
    const d = ready.data;
    if (d.kind === 'classification') return t('network.probeOptionClass', { n: k + 1, cls: d.probeY[k] });
    if (d.inputDim === 1) return t('network.probeOptionValue', { n: k + 1, x: formatNumber(lang, d.probeX[k], 3) });
    return t('network.probeOption', { n: k + 1 });
  };

  return (
    <section className="panel network-panel" aria-labelledby="network-title">
      <h2 id="network-title">{t('network.title')}</h2>
      <div className="network-controls">
        <label>
          <span>{t('network.probe')}</span>
          <select value={probeIdx} onChange={(e) => setProbe(Number(e.target.value))} disabled={probeCount === 0}>
            {Array.from({ length: probeCount }, (_, k) => (
              <option key={k} value={k}>
                {probeLabel(k)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className={`network-caption${frame?.mode === 'training' && masked ? ' network-caption-drop' : ''}`}>{caption}</p>
      <div className="network-stage" ref={wrapRef} style={{ height: layout.height }}>
        <canvas ref={canvasRef} className="network-canvas" data-export="network" role="img" data-dropped="0" />
        <div className="network-units" role="group" aria-label={t('network.units')} onKeyDown={onKeyDown}>
          {cols.map((col, c) =>
            layout.columns[c].ys.map((y, j) => {
              const s = { col: c, unit: j };
              const dropped = !!drops?.[c].dropped[j];
              const isSel = !!selected && selected.col === c && selected.unit === j;
              const layer = col.kind === 'output' && ready.data.kind === 'classification' ? t('network.outputClass', { k: j }) : columnName(t, col);
              return (
                <button
                  key={key(s)}
                  ref={(el) => {
                    if (el) buttons.current.set(key(s), el);
                    else buttons.current.delete(key(s));
                  }}
                  type="button"
                  className={`network-unit${dropped ? ' is-dropped' : ''}`}
                  style={{ left: layout.columns[c].x - layout.hitWidth / 2, top: y - UNIT_STEP / 2, width: layout.hitWidth, height: UNIT_STEP }}
                  tabIndex={focus && focus.col === c && focus.unit === j ? 0 : -1}
                  aria-label={t(dropped ? 'network.unitDropped' : 'network.unit', { layer, unit: j + 1 })}
                  aria-pressed={isSel}
                  aria-controls="network-inspector"
                  onFocus={() => setFocus(s)}
                  onClick={() => {
                    setSelected(s);
                    setFocus(s);
                  }}
                />
              );
            }),
          )}
        </div>
      </div>
      <p className="network-legend">{t('network.caption.colour')}</p>
      {missingWeights && <p className="network-legend">{t('network.caption.noWeights')}</p>}
      {frame && frame.mode === 'training' && masked && drops && (
        <ul className="network-summary" aria-label={t('network.title')}>
          {cols.map((c, k) =>
            drops[k].kind === 'mask' ? (
              <li key={k}>{t('network.summary.layer', { layer: columnName(t, c), dropped: drops[k].count, width: c.width })}</li>
            ) : null,
          )}
        </ul>
      )}
      <div id="network-inspector">
        <Suspense fallback={null}>
        <Inspector
          t={t}
          lang={lang}
          cols={cols}
          ready={ready}
          frame={frame}
          selected={selected}
          probe={probeIdx}
          announce={announce}
          onMove={(d) => selected && setSelected({ col: selected.col, unit: Math.max(0, Math.min(cols[selected.col].width - 1, selected.unit + d)) })}
          onClose={() => {
            const back = selected && clampSel(selected, cols, layout, true);
            setSelected(null);
            if (back) moveFocus(back);
          }}
        />
        </Suspense>
      </div>
    </section>
  );
}
