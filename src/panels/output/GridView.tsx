// 2-D classification: the network's class probabilities over the input plane painted per frame on a
// canvas (diverging blue ↔ orange, with the 50 % line), and the data on a second canvas that only
// repaints when the points or the toggles change.
import { useEffect, useId, useRef, useState } from 'react';
import { fitCanvas, useElementWidth } from '../../charts/canvas.ts';
import { DIVERGING_LUT, classRgb, divergingIndex } from '../../charts/colors.ts';
import { classEdges, isoLine } from '../../charts/contour.ts';
import { paintGrid } from '../../charts/gridImage.ts';
import { useThrottledFrame } from '../useThrottledFrame.ts';
import type { Frame, ReadyInfo } from '../../protocol/frame.ts';
import { getFrame, subscribeFrame } from '../../store/frame.ts';
import { useLab } from '../../store/lab.ts';
import { useT } from '../../i18n/useT.ts';
import { later } from '../../app/later.ts';
import { usePalette } from '../../app/palette.ts';
import { frameMatches } from '../network/structure.ts';
import { accuracyText, dropoutActive, inferenceMistake, modeText } from './format.ts';
import { Legend } from './Legend.tsx';
import { drawMarkers } from './markers.ts';

const MAX_SIDE = 520;
/** Share of white mixed into the background so the points stay the strongest marks. */
const WASH = 0.3;

function paintBoundary(canvas: HTMLCanvasElement, ready: ReadyInfo, side: number, frame: Frame | null): void {
  const ctx = fitCanvas(canvas, side, side);
  if (!frameMatches(ready, frame) || frame.output.kind !== 'grid') {
    ctx?.clearRect(0, 0, side, side);
    return;
  }
  const g = frame.output, C = ready.data.classes;
  canvas.dataset.mode = frame.mode;
  canvas.dataset.complete = String(g.complete);
  canvas.dataset.step = String(frame.step);
  if (!ctx) return;
  const mix = (v: number) => Math.round(v * (1 - WASH) + 255 * WASH);
  const rgbs = Array.from({ length: C }, (_, k) => classRgb(k));
  paintGrid(ctx, g.size, (k, out, o) => {
    if (C === 2) {
      const i = divergingIndex(2 * g.prob[k] - 1) * 3;
      out[o] = mix(DIVERGING_LUT[i]);
      out[o + 1] = mix(DIVERGING_LUT[i + 1]);
      out[o + 2] = mix(DIVERGING_LUT[i + 2]);
    } else {
      // Several classes: the winning class's colour, paler where the network is unsure.
      const c = rgbs[g.cls[k]] ?? [128, 128, 128], s = Math.max(0, Math.min(1, (g.prob[k] - 1 / C) / (1 - 1 / C)));
      for (let ch = 0; ch < 3; ch++) out[o + ch] = Math.round(255 - (255 - c[ch]) * (0.25 + 0.55 * s));
    }
  }, 0, 0, side, side);
  const seg = C === 2 ? isoLine(g.prob, g.size, 0.5) : classEdges(g.cls, g.size);
  const u = side / g.size;
  ctx.beginPath();
  for (let k = 0; k < seg.length; k += 4) {
    ctx.moveTo(seg[k] * u, seg[k + 1] * u);
    ctx.lineTo(seg[k + 2] * u, seg[k + 3] * u);
  }
  ctx.lineWidth = 2;
  ctx.strokeStyle = '#1b1f24';
  ctx.stroke();
}

function paintPoints(canvas: HTMLCanvasElement, ready: ReadyInfo, side: number, showTrain: boolean, showTest: boolean): void {
  const ctx = fitCanvas(canvas, side, side);
  if (!ctx) return;
  ctx.clearRect(0, 0, side, side);
  const d = ready.data, dom = d.domain;
  if (!dom) return;
  const px = (x: number) => ((x - dom.xMin) / (dom.xMax - dom.xMin)) * side;
  const py = (y: number) => ((dom.yMax - y) / (dom.yMax - dom.yMin)) * side;
  const r = side < 320 ? 3 : 4;
  const draw = (X: Float32Array, Y: Float32Array, test: boolean) => {
    const n = Y.length, xs = new Float32Array(n), ys = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      xs[i] = px(X[2 * i]);
      ys[i] = py(X[2 * i + 1]);
    }
    drawMarkers(ctx, xs, ys, Y, test, r);
  };
  if (showTrain) draw(d.trainX, d.trainY, false);
  if (showTest) draw(d.testX, d.testY, true);
}

export function GridView({ ready }: { ready: ReadyInfo }) {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const teach = useLab((s) => s.teach);
  const scaling = useLab((s) => s.config.net.dropoutScaling);
  const slow = useThrottledFrame(5);
  const frame = frameMatches(ready, slow) ? slow : null;
  const [showTrain, setShowTrain] = useState(true);
  const [showTest, setShowTest] = useState(true);
  const wrapRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLCanvasElement>(null);
  const pointsRef = useRef<HTMLCanvasElement>(null);
  const side = Math.min(MAX_SIDE, useElementWidth(wrapRef, 420));
  const summaryId = useId();
  // The points keep their own canvas; a palette switch must repaint it too.
  const palette = usePalette();

  useEffect(() => {
    const canvas = gridRef.current;
    if (!canvas) return;
    paintBoundary(canvas, ready, side, getFrame());
    return subscribeFrame((f) => paintBoundary(canvas, ready, side, f), canvas, 20);
  }, [ready, side]);

  useEffect(() => {
    if (pointsRef.current) paintPoints(pointsRef.current, ready, side, showTrain, showTest);
  }, [ready, side, showTrain, showTest, palette]);

  const d = ready.data;
  const mode = frame?.mode ?? 'inference';
  const noisy = mode === 'training' && !!frame && dropoutActive(frame.layers);
  // A teaching mistake changes what the inference picture is; the caption must not claim the usual.
  const mistake = mode === 'inference' && !!frame ? inferenceMistake(frame, teach, scaling) : null;
  const caption =
    mode === 'inference' ? t(mistake ?? 'output.grid.inference') : noisy ? t('output.grid.noisy') : t('output.grid.training');
  const grid = frame?.output.kind === 'grid' ? frame.output : null;
  const summary = t('output.grid.summary', {
    acc: accuracyText(t, lang, frame?.metrics ?? null),
    mode: modeText(t, mode),
    train: showTrain ? d.trainY.length : 0,
    test: showTest ? d.testY.length : 0,
  });

  // The boundary's islands in words: how many separate regions each class covers in the drawn grid.
  const regions = grid && later.regions ? later.regions(t, grid.cls, grid.size, d.classes) : '';

  return (
    <div className="output-grid">
      <div className="output-toggles">
        <label>
          <input type="checkbox" checked={showTrain} onChange={(e) => setShowTrain(e.target.checked)} />
          {t('output.showTrain')}
        </label>
        <label>
          <input type="checkbox" checked={showTest} onChange={(e) => setShowTest(e.target.checked)} />
          {t('output.showTest')}
        </label>
      </div>
      <p className={`output-caption${noisy || mistake ? ' output-caption-warn' : ''}`}>{caption}</p>
      <div className="output-stage-wrap" ref={wrapRef}>
        <div className="output-stage" data-export="output" style={{ width: side, height: side }}>
          <canvas ref={gridRef} className="output-canvas" role="img" aria-label={t('output.grid.label')} aria-describedby={summaryId} />
          <canvas ref={pointsRef} className="output-canvas" aria-hidden="true" />
        </div>
      </div>
      {grid && !grid.complete && !frame?.playing && <p className="output-note">{t('output.grid.updating')}</p>}
      <p id={summaryId} className="output-summary">
        {summary} <span data-testid="output-regions">{regions}</span>
      </p>
      <Legend
        classes={d.classes}
        classLabel={(k) => t('output.legend.class', { k })}
        trainText={t('output.legend.train')}
        testText={t('output.legend.test')}
        lineText={t(d.classes === 2 ? 'output.legend.line' : 'output.legend.edges')}
      />
    </div>
  );
}
