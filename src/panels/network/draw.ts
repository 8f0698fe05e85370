// Paints the network on a canvas from one frame: connections (strongest first, bucketed so a whole
// layer is a handful of strokes), units coloured by activation, dropped units hollow with an ✕.
import { divergingCss } from '../../charts/colors.ts';
import type { Frame, ReadyInfo } from '../../protocol/frame.ts';
import { UNIT_RADIUS, type NetLayout } from './layout.ts';
import { unitValue, type DropState, type NetColumn } from './structure.ts';

/** At most this many connections per pair of columns: the strongest by |w|. */
export const MAX_EDGES = 160;
const STRENGTH_BUCKETS = 4;

export interface DrawInput {
  cols: readonly NetColumn[];
  layout: NetLayout;
  frame: Frame;
  ready: ReadyInfo;
  probe: number;
  drops: readonly DropState[];
  selected: { col: number; unit: number } | null;
  /** Header text per column, and the tag text (BN, LN, dropout p) per column. */
  headers: readonly string[];
  tags: readonly string[];
  more: (n: number) => string;
  /** Forced colours: the system's text colour (CanvasText) for the words, which the page's grey would lose. */
  ink?: string;
}

/** Largest |activation| of each column over every probe row (the colour scale's end), at least 1e-6. */
export function columnScales(cols: readonly NetColumn[], frame: Frame, ready: ReadyInfo): number[] {
  return cols.map((c) => {
    const v = c.valueLayer === null ? ready.data.probeX : frame.layers[c.valueLayer].probe;
    let m = 1e-6;
    for (let i = 0; i < v.length; i++) {
      const a = Math.abs(v[i]);
      if (a > m && Number.isFinite(a)) m = a;
    }
    return m;
  });
}

const scratch = { abs: new Float32Array(0) };

/**
 * The strongest shown connections into column `c`: [outUnit, inUnit, weight] triples flattened, with
 * the |w| scale they were measured against. Weights are PyTorch's out × in.
 */
export function strongestEdges(w: Float32Array, outW: number, inW: number, shownOut: number, shownIn: number, max = MAX_EDGES): { edges: number[]; scale: number } {
  const n = shownOut * shownIn;
  if (scratch.abs.length < n) scratch.abs = new Float32Array(n);
  const abs = scratch.abs.subarray(0, n);
  let scale = 1e-9;
  for (let o = 0; o < shownOut; o++) {
    for (let i = 0; i < shownIn; i++) {
      const a = Math.abs(w[o * inW + i]);
      abs[o * shownIn + i] = a;
      if (a > scale) scale = a;
    }
  }
  let threshold = 0;
  if (n > max) threshold = abs.slice().sort()[n - max];
  const edges: number[] = [];
  let taken = 0;
  for (let o = 0; o < shownOut && o < outW; o++) {
    for (let i = 0; i < shownIn; i++) {
      const a = abs[o * shownIn + i];
      if (a >= threshold && a > 0 && taken < max) {
        edges.push(o, i, w[o * inW + i]);
        taken++;
      }
    }
  }
  return { edges, scale };
}

function drawEdges(ctx: CanvasRenderingContext2D, inp: DrawInput, c: number): void {
  const { cols, layout, frame } = inp;
  const wl = cols[c].weightLayer;
  if (wl === null) return;
  const w = frame.layers[wl].weight;
  if (!w) return;
  const from = layout.columns[c - 1], to = layout.columns[c];
  const { edges, scale } = strongestEdges(w, cols[c].width, cols[c - 1].width, to.ys.length, from.ys.length);
  const srcDropped = inp.drops[c - 1].dropped;
  // Buckets: sign × strength for live edges, plus one for edges leaving a dropped unit.
  const paths: Path2D[] = Array.from({ length: 2 * STRENGTH_BUCKETS + 1 }, () => new Path2D());
  const used = new Uint8Array(paths.length);
  for (let k = 0; k < edges.length; k += 3) {
    const o = edges[k], i = edges[k + 1], v = edges[k + 2];
    const s = Math.min(STRENGTH_BUCKETS - 1, Math.floor((Math.abs(v) / scale) * STRENGTH_BUCKETS));
    const b = srcDropped[i] ? 2 * STRENGTH_BUCKETS : (v >= 0 ? 0 : STRENGTH_BUCKETS) + s;
    paths[b].moveTo(from.x + UNIT_RADIUS, from.ys[i]);
    paths[b].lineTo(to.x - UNIT_RADIUS, to.ys[o]);
    used[b] = 1;
  }
  ctx.save();
  for (let b = 0; b < paths.length; b++) {
    if (!used[b]) continue;
    if (b === 2 * STRENGTH_BUCKETS) {
      ctx.strokeStyle = '#9aa0a6';
      ctx.globalAlpha = 0.45;
      ctx.lineWidth = 1;
      ctx.setLineDash([3, 3]);
    } else {
      const s = b % STRENGTH_BUCKETS, pos = b < STRENGTH_BUCKETS;
      ctx.strokeStyle = divergingCss(pos ? 0.85 : -0.85);
      ctx.globalAlpha = 0.18 + 0.2 * s;
      ctx.lineWidth = 0.6 + 0.9 * s;
      ctx.setLineDash([]);
    }
    ctx.stroke(paths[b]);
  }
  ctx.restore();
}

function drawCross(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x - r, y - r);
  ctx.lineTo(x + r, y + r);
  ctx.moveTo(x + r, y - r);
  ctx.lineTo(x - r, y + r);
  ctx.stroke();
}

/** Draws everything; returns how many drawn units are marked dropped. */
export function drawNetwork(ctx: CanvasRenderingContext2D, inp: DrawInput): number {
  const { cols, layout, frame, ready, probe, drops } = inp;
  ctx.clearRect(0, 0, layout.width, layout.height);
  for (let c = 1; c < cols.length; c++) drawEdges(ctx, inp, c);
  const scales = columnScales(cols, frame, ready);
  let marked = 0;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  // Words scale with the page's captions (presentation mode draws them half as large again).
  const small = `${11 * layout.text}px system-ui, sans-serif`;
  cols.forEach((col, c) => {
    const L = layout.columns[c];
    ctx.fillStyle = inp.ink ?? '#1b1f24';
    ctx.font = `600 ${12 * layout.text}px system-ui, sans-serif`;
    ctx.fillText(inp.headers[c], L.x, layout.headerY);
    if (inp.tags[c]) {
      ctx.font = small;
      ctx.fillStyle = inp.ink ?? '#5b6470';
      ctx.fillText(inp.tags[c], L.x, layout.tagY);
    }
    const drop = drops[c];
    L.ys.forEach((y, j) => {
      const x = L.x;
      ctx.beginPath();
      ctx.arc(x, y, UNIT_RADIUS, 0, 2 * Math.PI);
      if (drop.dropped[j]) {
        marked++;
        ctx.fillStyle = '#ffffff';
        ctx.fill();
        ctx.setLineDash([2, 2]);
        ctx.lineWidth = 1.2;
        ctx.strokeStyle = '#5b6470';
        ctx.stroke();
        ctx.setLineDash([]);
        // The ✕ reaches past the ring so it reads at a glance even on a phone.
        ctx.lineWidth = 2.4;
        ctx.strokeStyle = '#b42318';
        drawCross(ctx, x, y, UNIT_RADIUS + 1);
      } else {
        ctx.fillStyle = divergingCss(unitValue(col, j, probe, frame, ready) / scales[c]);
        ctx.fill();
        ctx.lineWidth = 1;
        ctx.strokeStyle = '#394049';
        ctx.stroke();
      }
      if (inp.selected && inp.selected.col === c && inp.selected.unit === j) {
        ctx.beginPath();
        ctx.arc(x, y, UNIT_RADIUS + 3, 0, 2 * Math.PI);
        ctx.lineWidth = 2.5;
        ctx.strokeStyle = '#2563eb';
        ctx.stroke();
      }
    });
    if (L.more > 0) {
      ctx.font = small;
      ctx.fillStyle = '#5b6470';
      ctx.fillText(inp.more(L.more), L.x, L.moreY);
    }
  });
  return marked;
}
