// The colour-blind-safe palette, measured: every pair of colours that carries meaning (train vs test,
// class 0 vs 1, negative vs positive on the ramp) stays apart for protan, deutan and tritan viewers and
// in lightness alone, and every line colour holds 3:1 against white. Switching back restores the
// standard tables exactly.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CLASS_COLORS, DIVERGING_LUT, divergingCss, setColorScheme } from '../../src/charts/colors.ts';
import { SAFE_SCHEME } from '../../src/app/palette.ts';
import { VISIONS, contrast, deltaE, deltaL, parseColor, type Rgb } from './cvd.ts';

const WHITE: Rgb = [255, 255, 255];
const MIN_DELTA_E = 40;
const MIN_DELTA_L = 25;

afterEach(() => setColorScheme(null));

/** The pairs a reader must tell apart, read from the live tables after a scheme is applied. */
function meaningfulPairs(css: { '--train': string; '--test': string }): [string, Rgb, Rgb][] {
  return [
    ['train vs test', parseColor(css['--train']), parseColor(css['--test'])],
    ['class 0 vs class 1', parseColor(CLASS_COLORS[0]), parseColor(CLASS_COLORS[1])],
    ['ramp −1 vs +1', parseColor(divergingCss(-1)), parseColor(divergingCss(1))],
    ['edge − vs + (±0.85)', parseColor(divergingCss(-0.85)), parseColor(divergingCss(0.85))],
  ];
}

describe('colour-blind-safe palette', () => {
  it('the simulation can tell a safe pair from an unsafe one (red vs green merges for deutans)', () => {
    const red = parseColor('#d62728'), green = parseColor('#2ca02c');
    expect(deltaE(red, green, 'normal')).toBeGreaterThan(MIN_DELTA_E);
    expect(deltaE(red, green, 'deutan')).toBeLessThan(15);
  });

  it(`keeps every meaningful pair ΔE ≥ ${MIN_DELTA_E} for each kind of colour vision and ΔL* ≥ ${MIN_DELTA_L}`, () => {
    setColorScheme(SAFE_SCHEME);
    const report: string[] = [];
    for (const [name, a, b] of meaningfulPairs(SAFE_SCHEME.css)) {
      for (const v of VISIONS) expect(deltaE(a, b, v), `${name} (${v})`).toBeGreaterThanOrEqual(MIN_DELTA_E);
      expect(deltaL(a, b), `${name} lightness`).toBeGreaterThanOrEqual(MIN_DELTA_L);
      report.push(`${name}: ΔL* ${deltaL(a, b).toFixed(0)}, min ΔE ${Math.min(...VISIONS.map((v) => deltaE(a, b, v))).toFixed(0)}`);
    }
    console.log(`safe palette — ${report.join('; ')}`);
  });

  it('draws lines and marks at 3:1 or more against white, with zero as a light neutral', () => {
    setColorScheme(SAFE_SCHEME);
    for (const c of [SAFE_SCHEME.css['--train'], SAFE_SCHEME.css['--test'], CLASS_COLORS[0], CLASS_COLORS[1], divergingCss(-0.85), divergingCss(0.85)]) {
      expect(contrast(parseColor(c), WHITE), c).toBeGreaterThanOrEqual(3);
    }
    expect(contrast(parseColor(divergingCss(0)), WHITE)).toBeLessThan(1.2);
  });

  it('is a real change from the standard colours, whose pairs share a lightness', () => {
    const css = readFileSync(new URL('../../src/app/styles.css', import.meta.url), 'utf8');
    const prop = (name: string) => /^#[0-9a-f]{6}$/i.exec(css.match(new RegExp(`${name}:\\s*([^;]+);`))?.[1].trim() ?? '')?.[0] ?? 'missing';
    const standard = { '--train': prop('--train'), '--test': prop('--test') };
    expect(standard['--train']).toMatch(/^#/);
    const lightness = meaningfulPairs(standard).map(([, a, b]) => deltaL(a, b));
    expect(Math.min(...lightness)).toBeLessThan(MIN_DELTA_L);
  });

  it('swaps the shared tables in place and restores them exactly', () => {
    const lut = DIVERGING_LUT.slice(), classes = [...CLASS_COLORS], css0 = divergingCss(0.5);
    setColorScheme(SAFE_SCHEME);
    expect(DIVERGING_LUT).not.toEqual(lut);
    expect(CLASS_COLORS.slice(0, 2)).toEqual(SAFE_SCHEME.classes.slice(0, 2));
    expect(divergingCss(0.5)).not.toBe(css0);
    setColorScheme(null);
    expect(DIVERGING_LUT).toEqual(lut);
    expect(CLASS_COLORS).toEqual(classes);
    expect(divergingCss(0.5)).toBe(css0);
  });
});
