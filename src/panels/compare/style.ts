// How each variant is told apart in the chart and legend: a colour (Okabe–Ito, distinct for the common
// colour-vision deficiencies), a marker shape and a dash pattern for its test line, and its letter —
// so no reader needs the colour alone.
import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle, type SymbolType } from 'd3-shape';

export interface VariantStyle {
  color: string;
  shape: 'circle' | 'square' | 'triangle' | 'diamond';
  /** stroke-dasharray of the variant's test line (train lines are solid). */
  dash: string;
}

export const VARIANT_STYLES: readonly VariantStyle[] = [
  { color: '#0072b2', shape: 'circle', dash: '7 3' },
  { color: '#d55e00', shape: 'square', dash: '2 3' },
  { color: '#009e73', shape: 'triangle', dash: '9 3 2 3' },
  { color: '#cc79a7', shape: 'diamond', dash: '4 2 1 2 1 2' },
];

const SYMBOLS: Record<VariantStyle['shape'], SymbolType> = {
  circle: symbolCircle,
  square: symbolSquare,
  triangle: symbolTriangle,
  diamond: symbolDiamond,
};

const cache = new Map<string, string>();

/** SVG path of a marker centred on (0, 0), `area` in square pixels. */
export function markerPath(shape: VariantStyle['shape'], area = 40): string {
  const key = `${shape}:${area}`;
  let d = cache.get(key);
  if (d === undefined) {
    d = symbol(SYMBOLS[shape], area)() ?? '';
    cache.set(key, d);
  }
  return d;
}
