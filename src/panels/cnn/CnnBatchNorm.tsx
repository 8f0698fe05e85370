// The batch-normalization panel for the CNN: for every BatchNorm2d, each channel's batch mean and
// variance (over N·H·W values: every image of the batch, every position) beside the running estimates
// inference uses, drawn as bars with marks and listed in a table, with γ and β of one channel or all
// (CnnGammaBeta.tsx); the picked channel is outlined in the plot and marked in the table.
import { useEffect, useRef, useState } from 'react';
import { CnnGammaBeta, type ChannelPick } from './CnnGammaBeta.tsx';
import { fitCanvas, useElementWidth } from '../../charts/canvas.ts';
import { useThrottledFrame } from '../useThrottledFrame.ts';
import { formatNumber } from '../../i18n/index.ts';
import { useLab } from '../../store/lab.ts';
import { useT } from '../../i18n/useT.ts';
import type { LayerFrame } from '../../protocol/frame.ts';
import { convBlocks } from './blocks.ts';
import './cnn.css';

const MEAN = '#d94801', VAR = '#2171b5', MARK = '#111111';
/** Redraws per second: the table's 6·C numbers per layer relayout the table when they change; 5 a second is readable. */
const HZ = 5;

export function CnnBatchNorm() {
  const t = useT();
  const frame = useThrottledFrame(HZ);
  const head = <h2 id="bn-title">{t('bn.title')}</h2>;
  if (!frame) {
    return (
      <section className="panel bn-panel" aria-labelledby="bn-title">
        {head}
        <p className="empty">{t('bn.empty')}</p>
      </section>
    );
  }
  const blocks = convBlocks(frame.layers.map((l) => l.type)).filter((b) => b.bn !== null);
  return (
    <section className="panel bn-panel cnn-bn" aria-labelledby="bn-title">
      {head}
      {blocks.length === 0 ? <p>{t('cnn.bn.none')}</p> : <p className="bn-legend">{t('cnn.bn.legend')}</p>}
      {blocks.map((b, i) => (
        <BnLayer key={b.bn} n={i + 1} conv={b.n + 1} l={frame.layers[b.bn as number]} step={frame.step} />
      ))}
    </section>
  );
}

function BnLayer(props: { n: number; conv: number; l: LayerFrame; step: number }) {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const { l } = props;
  const s = l.shape ?? { c: 0, h: 1, w: 1 }, count = l.count ?? 0;
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const width = useElementWidth(wrapRef, 360);
  const height = 120;
  const [channel, setChannel] = useState<ChannelPick>('all');
  const picked = channel !== 'all' && channel < s.c ? channel : null;
  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas && fitCanvas(canvas, width, height);
    if (ctx) drawStats(ctx, l, width, height, picked);
  });
  const f = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : formatNumber(lang, v, 3));
  const cols = [
    [t('cnn.bn.batchMean'), l.batchMean], [t('cnn.bn.batchVar'), l.batchVar], [t('cnn.bn.runningMean'), l.runningMean], [t('cnn.bn.runningVar'), l.runningVar], ['γ', l.gamma], ['β', l.beta],
  ] as const;
  return (
    <div className="cnn-bn-layer" ref={wrapRef}>
      <h3>{t('cnn.bn.layer', { n: props.n, conv: props.conv })}</h3>
      <CnnGammaBeta index={l.index} channels={s.c} n={props.n} channel={channel} onChannel={setChannel} />
      <p className="bn-note">{t('cnn.bn.over', { n: s.h * s.w > 0 ? count / (s.h * s.w) : 0, h: s.h, w: s.w, count })}</p>
      <canvas
        ref={canvasRef}
        className="cnn-canvas"
        role="img"
        aria-label={t('cnn.bn.canvas', { n: props.n, c: s.c })}
        data-export="bn2d"
        data-layer={l.index}
        data-channels={l.batchMean?.length ?? 0}
        data-count={count}
        data-step={props.step}
        data-picked={picked ?? 'all'}
      />
      <div className="cnn-bn-scroll" tabIndex={0} role="region" aria-label={t('cnn.bn.layer', { n: props.n, conv: props.conv })}>
        <table className="cnn-bn-table">
          <thead>
            <tr>
              <th scope="col">{t('cnn.bn.channel')}</th>
              {cols.map(([k]) => (
                <th key={k} scope="col">
                  {k}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: s.c }, (_, c) => (
              <tr key={c} className={c === picked ? 'cnn-bn-picked' : undefined}>
                <th scope="row">
                  {c === picked ? <span aria-hidden="true">▸ </span> : null}
                  {c + 1}
                </th>
                {cols.map(([k, v]) => (
                  <td key={k}>{f(v?.[c])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Top half: batch means (bars from 0) with running means (marks); bottom half: batch and running variances. */
function drawStats(ctx: CanvasRenderingContext2D, l: LayerFrame, W: number, H: number, picked: number | null): void {
  ctx.clearRect(0, 0, W, H);
  const bm = l.batchMean, bv = l.batchVar, rm = l.runningMean, rv = l.runningVar;
  if (!bm || !bv || !rm || !rv) return;
  const C = bm.length, slot = W / Math.max(1, C), bar = Math.max(2, slot * 0.6), half = H / 2 - 4;
  const absMax = (a: Float32Array, b: Float32Array) => Math.max(1e-6, ...[...a, ...b].map((x) => (Number.isFinite(x) ? Math.abs(x) : 0)));
  const mMax = absMax(bm, rm), vMax = absMax(bv, rv);
  const mid = half / 2 + 2;
  ctx.strokeStyle = '#999';
  ctx.beginPath();
  ctx.moveTo(0, mid);
  ctx.lineTo(W, mid);
  ctx.moveTo(0, H - 2);
  ctx.lineTo(W, H - 2);
  ctx.stroke();
  for (let c = 0; c < C; c++) {
    const x = c * slot + (slot - bar) / 2;
    const ym = (bm[c] / mMax) * (half / 2);
    ctx.fillStyle = MEAN;
    ctx.fillRect(x, Math.min(mid, mid - ym), bar, Math.abs(ym));
    const hv = (bv[c] / vMax) * half;
    ctx.fillStyle = VAR;
    ctx.fillRect(x, H - 2 - hv, bar, hv);
    ctx.fillStyle = MARK;
    ctx.fillRect(x - 2, mid - (rm[c] / mMax) * (half / 2) - 1, bar + 4, 3);
    ctx.fillRect(x - 2, H - 2 - (rv[c] / vMax) * half - 1, bar + 4, 3);
  }
  if (picked !== null && picked < C) {
    // The channel whose γ/β the learner is setting: a dashed outline around its slot.
    ctx.save();
    ctx.strokeStyle = MARK;
    ctx.setLineDash([3, 2]);
    ctx.strokeRect(picked * slot + 1, 1, slot - 2, H - 2);
    ctx.restore();
  }
}
