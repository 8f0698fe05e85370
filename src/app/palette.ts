// The colour palette option. The standard colours already pair blue with orange (safe for red-green
// colour blindness), but their pairs have nearly equal lightness, so on a washed-out projector, in
// greyscale or for tritan and monochromat viewers train vs test and class 0 vs 1 can merge. The safe
// palette keeps the same hues and separates every pair in lightness too (test/app/palette.test.ts
// measures it under simulated protan, deutan and tritan vision). Charts read colour from CSS custom
// properties (--train, --test) and canvases from the tables in src/charts/colors.ts, so switching
// sets both and repaints the current frame.
import { setColorScheme } from '../charts/colors.ts';
import { getFrame, setFrame } from '../store/frame.ts';
import { useLab } from '../store/lab.ts';
import type { PaletteId } from '../store/ui-slice.ts';

export type { PaletteId } from '../store/ui-slice.ts';

export interface Scheme {
  /** Diverging ramp stops, negative (t = −1) to positive (t = +1) through a light neutral. */
  diverging: readonly string[];
  /** Class colours: 0 and 1 are the ramp's ends; the rest serve the ten digit classes. */
  classes: readonly string[];
  /** CSS custom properties on the root element. */
  css: Readonly<Record<'--train' | '--test', string>>;
}

/** ColorBrewer Blues and Oranges with a darker blue end and a lighter orange end (ΔL* ≈ 30). */
export const SAFE_SCHEME: Scheme = {
  diverging: ['#08306b', '#2171b5', '#9ecae1', '#f2f2f2', '#fdbe85', '#fd8d3c', '#d94801'],
  classes: ['#08306b', '#d94801', '#009e73', '#cc79a7', '#56b4e9', '#7f3c8d', '#f0e442', '#000000', '#999999', '#a6761d'],
  css: { '--train': '#08306b', '--test': '#d94801' },
};

const KEY = 'reglab.palette';

function stored(): PaletteId {
  try {
    return typeof localStorage !== 'undefined' && localStorage.getItem(KEY) === 'safe' ? 'safe' : 'standard';
  } catch {
    return 'standard';
  }
}

export function getPalette(): PaletteId {
  return useLab.getState().palette;
}

/** Applies a palette to the page: CSS properties on `root`, canvas tables, and a repaint. */
export function setPalette(id: PaletteId, root: HTMLElement | null = typeof document !== 'undefined' ? document.documentElement : null): void {
  setColorScheme(id === 'safe' ? SAFE_SCHEME : null);
  if (root) {
    for (const [k, v] of Object.entries(SAFE_SCHEME.css)) {
      if (id === 'safe') root.style.setProperty(k, v);
      else root.style.removeProperty(k);
    }
    root.dataset.palette = id;
  }
  useLab.setState({ palette: id });
  try {
    if (typeof localStorage !== 'undefined') localStorage.setItem(KEY, id);
  } catch {
    // Private windows may refuse storage; the choice then lasts for this page only.
  }
  // Canvases repaint on a new frame; handing them the current one again repaints while paused.
  const f = getFrame();
  if (f) setFrame(f);
}

export function togglePalette(): void {
  setPalette(getPalette() === 'safe' ? 'standard' : 'safe');
}

/** Restores the learner's last choice (called once at start). */
export function initPalette(): void {
  if (stored() === 'safe') setPalette('safe');
}

export function usePalette(): PaletteId {
  return useLab((s) => s.palette);
}
