// Slider positions ↔ values. A linear slider moves in the table's step; a log slider moves along a
// grid of round numbers (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 per decade), so every stop is a value a
// learner would type and every value it shows round-trips exactly.
import { formatNumber, type Lang } from '../../i18n/index.ts';
import { fractionText } from '../../i18n/number-text.ts';

export interface SliderRange {
  min: number;
  max: number;
  /** Linear step; ignored on a log scale. */
  step?: number | null;
  scale?: 'linear' | 'log';
  integer?: boolean;
  /** Log scale only: an extra first stop at 0 ("off"). */
  zeroAllowed?: boolean;
}

export interface SliderScale {
  /** Number of stops; positions run 0 … count − 1. */
  count: number;
  valueAt(pos: number): number;
  /** Position of the stop nearest to v (log distance on a log scale). */
  posOf(v: number): number;
  /** Decimals that show a linear value without noise (null on a log scale). */
  decimals: number | null;
}

const MANTISSAS = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8];

function decimalsOf(x: number): number {
  if (!Number.isFinite(x) || Number.isInteger(x)) return 0;
  const s = String(x);
  const e = s.match(/e-(\d+)$/);
  if (e) return Number(e[1]) + (s.split('e')[0].split('.')[1]?.length ?? 0);
  return s.split('.')[1]?.length ?? 0;
}

const clampPos = (p: number, count: number): number => Math.min(count - 1, Math.max(0, Math.round(p)));

function linearScale(r: SliderRange): SliderScale {
  const step = r.step && r.step > 0 ? r.step : r.integer ? 1 : (r.max - r.min) / 100;
  const decimals = Math.max(decimalsOf(step), decimalsOf(r.min));
  const count = Math.round((r.max - r.min) / step) + 1;
  return {
    count,
    decimals,
    valueAt: (pos) => {
      const v = r.min + clampPos(pos, count) * step;
      return Math.min(r.max, Number(v.toFixed(decimals)));
    },
    posOf: (v) => clampPos((v - r.min) / step, count),
  };
}

/** The round numbers in [min, max] (min and max themselves always included), ascending. */
export function logGrid(min: number, max: number, integer = false): number[] {
  const out = new Set<number>([min, max]);
  if (integer) {
    // Powers of two and the halfway 1.5 × 2^k: the batch sizes people actually use.
    for (let k = 0; 2 ** k <= max; k++) for (const v of [2 ** k, 1.5 * 2 ** k]) if (v >= min && v <= max && Number.isInteger(v)) out.add(v);
  } else {
    const d0 = Math.floor(Math.log10(min)), d1 = Math.ceil(Math.log10(max));
    for (let d = d0; d <= d1; d++) {
      for (const m of MANTISSAS) {
        const v = Number((m * 10 ** d).toPrecision(6));
        if (v >= min && v <= max) out.add(v);
      }
    }
  }
  return [...out].sort((a, b) => a - b);
}

function logScale(r: SliderRange): SliderScale {
  const grid = [...(r.zeroAllowed ? [0] : []), ...logGrid(r.min, r.max, r.integer)];
  const count = grid.length;
  const lo = r.zeroAllowed ? 1 : 0;
  return {
    count,
    decimals: null,
    valueAt: (pos) => grid[clampPos(pos, count)],
    posOf: (v) => {
      if (!(v > 0)) return 0; // 0 is "off" with zeroAllowed, else below the range: the first stop
      let best = lo, bestD = Infinity;
      for (let i = lo; i < count; i++) {
        const d = Math.abs(Math.log(grid[i] / v));
        if (d < bestD) (best = i), (bestD = d);
      }
      return best;
    },
  };
}

export function makeScale(r: SliderRange): SliderScale {
  return r.scale === 'log' ? logScale(r) : linearScale(r);
}

/** Stops a PageUp / PageDown moves: a decade on a log grid, a tenth of the range on a linear one. */
export function pageSize(s: SliderScale): number {
  if (s.decimals === null) return 10;
  return Math.max(1, Math.round((s.count - 1) / 10));
}

/**
 * A slider value for people: fixed decimals on a linear scale (0.30), three significant digits on a
 * log scale, and very small or very large numbers as 1e-5, the way PyTorch and Keras print them.
 */
export function formatValue(lang: Lang, v: number, decimals: number | null = null): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (decimals === null && (a < 1e-3 || a >= 1e5)) {
    const exp = Math.floor(Math.log10(a));
    const m = Number((v / 10 ** exp).toPrecision(3));
    // toPrecision can round 9.995 up to 10: carry it into the exponent.
    return Math.abs(m) >= 10 ? `${m / 10}e${exp + 1}` : `${m}e${exp}`;
  }
  if (decimals !== null) {
    return fractionText(v, decimals, decimals) ?? new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(v);
  }
  return formatNumber(lang, v, 3);
}

/** Parses what a learner typed: "0.001", "1e-3", "1,000"; null when it is not a number. */
export function parseTyped(text: string): number | null {
  const t = text.trim().replace(/[,\s_]/g, '').replace(/^×/, '').replace(/×$/, '').replace(/−/g, '-');
  if (t === '') return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/** 1 − p without the float noise of 1 − 0.7 = 0.30000000000000004. */
export function keepOf(p: number): number {
  return Number((1 - p).toFixed(10));
}
