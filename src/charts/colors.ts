// Colour for dense pictures, precomputed once: a diverging blue ↔ orange ramp (readable with the
// common colour-vision deficiencies, unlike red ↔ green) as a 256-entry lookup table, so painting a
// grid or a few hundred units costs an index per value rather than a colour interpolation.

/** ColorBrewer Blues and Oranges joined through a light grey: negative blue, zero grey, positive orange. */
const DIVERGING_STOPS = ['#08519c', '#3182bd', '#9ecae1', '#f2f2f2', '#fdae6b', '#e6550d', '#a63603'];

/** Okabe–Ito: distinct for colour-blind readers; class 0 blue and class 1 orange match the ramp's ends. */
export const CLASS_COLORS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000', '#999999', '#7f3c8d'];

function hex(c: string): [number, number, number] {
  const n = parseInt(c.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const LUT_SIZE = 256;

function fillLut(out: Uint8ClampedArray, hexStops: readonly string[]): Uint8ClampedArray {
  const stops = hexStops.map(hex);
  for (let i = 0; i < LUT_SIZE; i++) {
    const u = (i / (LUT_SIZE - 1)) * (stops.length - 1);
    const k = Math.min(stops.length - 2, Math.floor(u)), f = u - k;
    for (let ch = 0; ch < 3; ch++) out[i * 3 + ch] = Math.round(stops[k][ch] * (1 - f) + stops[k + 1][ch] * f);
  }
  return out;
}

/** RGB triples, LUT_SIZE entries, from t = −1 (index 0) to t = +1. */
export const DIVERGING_LUT: Uint8ClampedArray = fillLut(new Uint8ClampedArray(LUT_SIZE * 3), DIVERGING_STOPS);

const cssOf = (i: number) => `rgb(${DIVERGING_LUT[i * 3]},${DIVERGING_LUT[i * 3 + 1]},${DIVERGING_LUT[i * 3 + 2]})`;
const CSS = Array.from({ length: LUT_SIZE }, (_, i) => cssOf(i));
const DEFAULT_CLASSES = [...CLASS_COLORS];

/**
 * The palette option (src/app/palette.ts): swaps the ramp and the class colours in place, so every
 * painter that already imported these tables draws with the new colours; null restores the defaults.
 */
export function setColorScheme(scheme: { diverging: readonly string[]; classes: readonly string[] } | null): void {
  fillLut(DIVERGING_LUT, scheme?.diverging ?? DIVERGING_STOPS);
  for (let i = 0; i < LUT_SIZE; i++) CSS[i] = cssOf(i);
  CLASS_COLORS.splice(0, CLASS_COLORS.length, ...(scheme?.classes ?? DEFAULT_CLASSES));
}

/** LUT index of t ∈ [−1, 1] (clamped; NaN maps to the middle). */
export function divergingIndex(t: number): number {
  if (!(t === t)) return LUT_SIZE >> 1;
  const u = Math.max(-1, Math.min(1, t));
  return Math.round(((u + 1) / 2) * (LUT_SIZE - 1));
}

export function divergingCss(t: number): string {
  return CSS[divergingIndex(t)];
}

export function classColor(k: number): string {
  return CLASS_COLORS[((k % CLASS_COLORS.length) + CLASS_COLORS.length) % CLASS_COLORS.length];
}

export function classRgb(k: number): [number, number, number] {
  return hex(classColor(k));
}
