// Where each drawn unit sits, in CSS pixels of the drawing. Wide layers show their first MAX_SHOWN
// units and a "+N more" marker, so drawing cost and height stay bounded whatever the widths.
import type { NetColumn } from './structure.ts';

export const MAX_SHOWN = 24;
/** Vertical distance between unit centres; also the height of each unit's focus/tap target. */
export const UNIT_STEP = 20;
/**
 * Widest tap target: units stack 20 px apart, so a target cannot grow taller without covering its
 * neighbours, but columns are far apart and a finger that lands beside a unit should still hit it.
 */
export const MAX_HIT_WIDTH = 44;
/** Space kept free between the targets of neighbouring columns. */
const HIT_GAP = 8;
export const UNIT_RADIUS = 6.5;
const BOTTOM = 14;
const SIDE = 40;

export interface ColumnLayout {
  x: number;
  /** y of each shown unit (shown = min(width, MAX_SHOWN)). */
  ys: number[];
  /** Units not drawn (width − shown). */
  more: number;
  moreY: number;
}

export interface NetLayout {
  width: number;
  height: number;
  headerY: number;
  tagY: number;
  columns: ColumnLayout[];
  /** Width of each unit's tap target (its height is UNIT_STEP), centred on the unit. */
  hitWidth: number;
  /** Size of the drawing's words relative to the usual (LayoutOptions.text). */
  text: number;
}

export function shownCount(width: number, max = MAX_SHOWN): number {
  return Math.min(width, max);
}

export interface LayoutOptions {
  /** Size of the drawing's words relative to the usual 12 px headers (presentation mode: 1.5). */
  text?: number;
  /** Units shown per column before "+N more" (presentation mode keeps the drawing within the screen). */
  maxShown?: number;
}

export function layoutNet(cols: readonly NetColumn[], width: number, opts: LayoutOptions = {}): NetLayout {
  const k = opts.text ?? 1;
  const max = opts.maxShown ?? MAX_SHOWN;
  // Header, tag and the first unit move down as the words grow (14, 32, 46 px at the usual size).
  const headerY = 14 * k, tagY = headerY + 18 * k, top = tagY + 14 * k;
  const rows = Math.max(1, ...cols.map((c) => shownCount(c.width, max) + (c.width > max ? 1 : 0)));
  const height = top + rows * UNIT_STEP + BOTTOM;
  const inner = Math.max(1, width - 2 * SIDE);
  const mid = top + (rows * UNIT_STEP) / 2;
  const columns = cols.map((c, k): ColumnLayout => {
    const x = cols.length === 1 ? width / 2 : SIDE + (inner * k) / (cols.length - 1);
    const n = shownCount(c.width, max), more = c.width - n;
    const span = (n + (more > 0 ? 1 : 0)) * UNIT_STEP;
    const y0 = mid - span / 2 + UNIT_STEP / 2;
    const ys = Array.from({ length: n }, (_, j) => y0 + j * UNIT_STEP);
    return { x, ys, more, moreY: y0 + n * UNIT_STEP };
  });
  const spacing = columns.length > 1 ? columns[1].x - columns[0].x : width;
  const hitWidth = Math.max(UNIT_STEP, Math.min(MAX_HIT_WIDTH, spacing - HIT_GAP));
  return { width, height, headerY, tagY, columns, hitWidth, text: k };
}

/** The shown unit under a point, within its tap target (one step high, hitWidth wide). */
export function hitUnit(layout: NetLayout, x: number, y: number): { col: number; unit: number } | null {
  const half = UNIT_STEP / 2;
  for (let c = 0; c < layout.columns.length; c++) {
    const col = layout.columns[c];
    if (Math.abs(x - col.x) > layout.hitWidth / 2) continue;
    for (let j = 0; j < col.ys.length; j++) if (Math.abs(y - col.ys[j]) <= half) return { col: c, unit: j };
  }
  return null;
}
