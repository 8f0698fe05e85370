// The network panel for the CNN: the chosen digit, then each conv block's feature maps for it — every
// channel a small greyscale image, a map Dropout2d dropped drawn hollow with a ✕, a single value element
// dropout dropped crossed out and counted in words — in the view mode
// (training: this step's masks for the probe; inference: every map, BN on running statistics).
// Each canvas carries data-* attributes (maps, dropped, step, mode) for tests and assistive tech.
import { useEffect, useRef, useState } from 'react';
import { fitCanvas, useElementWidth } from '../../charts/canvas.ts';
import { useThrottledFrame } from '../useThrottledFrame.ts';
import { useLab } from '../../store/lab.ts';
import { useT } from '../../i18n/useT.ts';
import type { Frame, ReadyInfo } from '../../protocol/frame.ts';
import { frameMatches } from '../network/structure.ts';
import { convBlocks, type ConvBlock } from './blocks.ts';
import { drawMaps, layoutMaps } from './drawMaps.ts';
import { ProbeOptions } from './ProbeOptions.tsx';
import './cnn.css';

const HZ = 10;

export function FeatureMapsPanel() {
  const t = useT();
  const ready = useLab((s) => s.ready);
  const slow = useThrottledFrame(HZ);
  const frame = frameMatches(ready, slow) ? slow : null;
  const [probe, setProbe] = useState(0);
  const wrapRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(wrapRef, 480);
  if (!ready) {
    return (
      <section className="panel network-panel cnn-panel" aria-labelledby="network-title">
        <h2 id="network-title">{t('network.title')}</h2>
        <p className="empty">{t('network.waiting')}</p>
      </section>
    );
  }
  const P = ready.data.probeCount, k = Math.min(probe, Math.max(0, P - 1));
  const blocks = frame ? convBlocks(frame.layers.map((l) => l.type)) : [];
  const element = blocks.some((b) => b.dropEl !== null);
  const caption = frame?.mode === 'inference' ? t('cnn.maps.caption.inference') : t(element ? 'cnn.maps.caption.trainingElement' : 'cnn.maps.caption.training');
  return (
    <section className="panel network-panel cnn-panel" aria-labelledby="network-title">
      <h2 id="network-title">{t('network.title')}</h2>
      <div className="network-controls">
        <label>
          <span>{t('cnn.maps.sample')}</span>
          <select value={k} onChange={(e) => setProbe(Number(e.target.value))} disabled={P === 0}>
            <ProbeOptions ready={ready} />
          </select>
        </label>
      </div>
      <p className="network-caption">{caption}</p>
      <div className="cnn-maps" ref={wrapRef}>
        <figure className="cnn-block">
          <figcaption>{t('network.input')}: 1×8×8</figcaption>
          <InputImage ready={ready} probe={k} />
        </figure>
        {frame ? blocks.map((b) => <BlockMaps key={b.n} block={b} frame={frame} probe={k} width={width} />) : null}
      </div>
      {frame ? (
        <ul className="cnn-summary">
          {blocks.map((b) => (
            <li key={b.n}>{summaryOf(t, frame, b, k)}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** One block's dropout in words: the maps Dropout2d dropped, or how many single values element dropout dropped. */
function summaryOf(t: ReturnType<typeof useT>, frame: Frame, b: ConvBlock, k: number): string {
  const n = b.n + 1;
  if (b.dropEl !== null) {
    const v = droppedValuesOf(frame, b, k);
    if (frame.mode === 'inference') return t('cnn.maps.noValueDropped', { n });
    if (!v) return t('cnn.maps.droppedValues', { n, dropped: 0, total: frame.layers[b.dropEl].width });
    return t('cnn.maps.droppedValues', { n, dropped: v.dropped, total: v.total });
  }
  const dropped = droppedOf(frame, b, k);
  return dropped.length ? t('cnn.maps.dropped', { n, list: dropped.map((c) => c + 1).join(', ') }) : t('cnn.maps.noneDropped', { n });
}

/** Element dropout: probe `k`'s keep-mask over its C·H·W values and how many were dropped; null when nothing was sampled (inference). */
function droppedValuesOf(frame: Frame, b: ConvBlock, k: number): { kept: Uint8Array; dropped: number; total: number } | null {
  if (b.dropEl === null) return null;
  const l = frame.layers[b.dropEl], m = l.probeMask, n = l.width;
  if (!m || m.length < (k + 1) * n) return null;
  const kept = m.subarray(k * n, (k + 1) * n);
  let dropped = 0;
  for (let q = 0; q < n; q++) if (!kept[q]) dropped++;
  return { kept, dropped, total: n };
}

/** The channels of probe `k` the block's Dropout2d dropped in this frame (0-based). */
function droppedOf(frame: Frame, b: ConvBlock, k: number): number[] {
  if (b.drop2d === null) return [];
  const l = frame.layers[b.drop2d], m = l.probeMask, C = l.shape?.c ?? 0;
  if (!m) return [];
  const out: number[] = [];
  for (let c = 0; c < C; c++) if (!m[k * C + c]) out.push(c);
  return out;
}

function BlockMaps(props: { block: ConvBlock; frame: Frame; probe: number; width: number }) {
  const t = useT();
  const { block: b, frame, probe: k } = props;
  const ref = useRef<HTMLCanvasElement>(null);
  const l = frame.layers[b.maps], s = l.shape ?? { c: 0, h: 0, w: 0 };
  const L = layoutMaps(s.c, s.h, props.width);
  const dropped = droppedOf(frame, b, k);
  const values = droppedValuesOf(frame, b, k);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const kept = new Uint8Array(s.c).fill(1);
    for (const c of dropped) kept[c] = 0;
    const ctx = fitCanvas(canvas, L.width, L.height);
    if (ctx) drawMaps(ctx, L, l.probe, k * s.c * s.h * s.w, s.c, s.h, s.w, kept, values?.kept ?? null);
  });
  return (
    <figure className="cnn-block">
      <figcaption>{t('cnn.maps.layer', { n: b.n + 1, c: s.c, h: s.h, w: s.w })}</figcaption>
      <canvas
        ref={ref}
        className="cnn-canvas"
        style={{ width: L.width }}
        role="img"
        aria-label={
          values ? t('cnn.maps.canvasValues', { n: b.n + 1, c: s.c, dropped: values.dropped, total: values.total }) : t('cnn.maps.canvas', { n: b.n + 1, c: s.c, dropped: dropped.length })
        }
        data-export="feature-maps"
        data-layer={b.maps}
        data-maps={s.c}
        data-dropped={dropped.length}
        data-dropped-values={values?.dropped ?? 0}
        data-side={s.h}
        data-step={frame.step}
        data-mode={frame.mode}
      />
    </figure>
  );
}

function InputImage(props: { ready: ReadyInfo; probe: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const L = layoutMaps(1, 8, 64);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas && fitCanvas(canvas, L.width, L.height);
    if (ctx) drawMaps(ctx, L, props.ready.data.probeX, props.probe * 64, 1, 8, 8, null);
  });
  return <canvas ref={ref} className="cnn-canvas" style={{ width: L.width }} aria-hidden="true" />;
}
