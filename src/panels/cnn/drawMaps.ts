// Paints one block's feature maps for one image: each channel a small greyscale picture (black the
// block's lowest value, white its highest), a dropped channel a hollow dashed frame with a ✕, a single
// value element dropout dropped a cell crossed out — marked by shape, not by colour alone.
export const DROP_COLOUR = '#d94801';

export interface MapsLayout {
  cell: number;
  gap: number;
  perRow: number;
  width: number;
  height: number;
}

export function layoutMaps(channels: number, side: number, width: number): MapsLayout {
  const gap = 6, cell = Math.max(32, Math.min(56, side * 6));
  const perRow = Math.max(1, Math.min(channels, Math.floor((width + gap) / (cell + gap))));
  const rows = Math.ceil(channels / perRow);
  return { cell, gap, perRow, width: perRow * (cell + gap) - gap, height: rows * (cell + gap) - gap };
}

/**
 * Draws C maps of H×W from `v` (channel-major, starting at `offset`); `kept[c]` 0 marks a dropped map,
 * `keptValues[c·H·W + q]` 0 a dropped single value (crossed out).
 * Returns [lo, hi], the value range the greys stand for.
 */
export function drawMaps(
  ctx: CanvasRenderingContext2D, L: MapsLayout, v: Float32Array, offset: number, C: number, H: number, W: number, kept: ArrayLike<number> | null,
  keptValues: ArrayLike<number> | null = null,
): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (let c = 0; c < C; c++) {
    if (kept && !kept[c]) continue;
    for (let q = 0; q < H * W; q++) {
      const x = v[offset + c * H * W + q];
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
  }
  if (!(hi > lo)) {
    lo = Number.isFinite(lo) ? lo - 1 : 0;
    hi = lo + 2;
  }
  ctx.clearRect(0, 0, L.width, L.height);
  const px = L.cell / Math.max(H, W);
  for (let c = 0; c < C; c++) {
    const x0 = (c % L.perRow) * (L.cell + L.gap), y0 = Math.floor(c / L.perRow) * (L.cell + L.gap);
    if (kept && !kept[c]) {
      ctx.save();
      ctx.strokeStyle = DROP_COLOUR;
      ctx.lineWidth = 2;
      ctx.setLineDash([4, 3]);
      ctx.strokeRect(x0 + 1, y0 + 1, L.cell - 2, L.cell - 2);
      ctx.setLineDash([]);
      ctx.beginPath();
      ctx.moveTo(x0 + 6, y0 + 6);
      ctx.lineTo(x0 + L.cell - 6, y0 + L.cell - 6);
      ctx.moveTo(x0 + L.cell - 6, y0 + 6);
      ctx.lineTo(x0 + 6, y0 + L.cell - 6);
      ctx.stroke();
      ctx.restore();
      continue;
    }
    for (let r = 0; r < H; r++) {
      for (let k = 0; k < W; k++) {
        const g = Math.round((255 * (v[offset + c * H * W + r * W + k] - lo)) / (hi - lo));
        const s = Math.max(0, Math.min(255, g));
        ctx.fillStyle = `rgb(${s},${s},${s})`;
        ctx.fillRect(x0 + k * px, y0 + r * px, Math.ceil(px), Math.ceil(px));
      }
    }
    if (keptValues) crossDropped(ctx, keptValues, c * H * W, H, W, x0, y0, px);
    ctx.strokeStyle = '#767676';
    ctx.lineWidth = 1;
    ctx.strokeRect(x0 + 0.5, y0 + 0.5, L.cell - 1, L.cell - 1);
  }
  return [lo, hi];
}

/** A ✕ over every cell of one map whose value was dropped, in one path. */
function crossDropped(ctx: CanvasRenderingContext2D, kept: ArrayLike<number>, at: number, H: number, W: number, x0: number, y0: number, px: number): void {
  const m = Math.max(1, px * 0.15);
  ctx.beginPath();
  for (let r = 0; r < H; r++) {
    for (let k = 0; k < W; k++) {
      if (kept[at + r * W + k]) continue;
      const x = x0 + k * px, y = y0 + r * px;
      ctx.moveTo(x + m, y + m);
      ctx.lineTo(x + px - m, y + px - m);
      ctx.moveTo(x + px - m, y + m);
      ctx.lineTo(x + m, y + px - m);
    }
  }
  ctx.strokeStyle = DROP_COLOUR;
  ctx.lineWidth = Math.max(1, px / 5);
  ctx.stroke();
}
