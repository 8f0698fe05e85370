// The Intl-free number writers match Intl.NumberFormat (en-US and ko-KR) digit for digit, ties and
// signs included (ICU rounds the shortest decimal of the double, half away from zero: 0.95 → 1), over a spread of magnitudes and the option sets the lab uses (and a few more).
import { describe, expect, it } from 'vitest';
import { fractionText, percentText, significantText } from '../../src/i18n/number-text.ts';

const LOCALES = ['en-US', 'ko-KR'] as const;

function values(): number[] {
  const out = [0, -0, 1, -1, 12, 999, 1000, -1000, 12345, 1234567, 999_999_999, 0.1 + 0.2, 5e-324, 1e-7, 1.5e-9, 1e20, 9.99e20, 123456.789];
  // Ties in decimal (some exact in binary, most not): the rounding rule shows on these.
  for (const t of [0.5, 1.5, 2.5, 0.125, 0.375, 1.005, 2.675, 0.0005, 9.995, 99.95, 0.95, 0.045, 1.45, 0.5585, 0.0145, 12.345, 999.95, 9999.5]) out.push(t, -t);
  // A seeded spread over magnitudes from 1e-9 to 1e9.
  let s = 12345;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < 2500; i++) {
    const e = Math.floor(rnd() * 19) - 9;
    const v = (rnd() * 10) * 10 ** e;
    out.push(rnd() < 0.3 ? -v : v);
    // Values a few decimals long, as sliders and rates make them.
    out.push(Math.round(rnd() * 100000) / 1000);
  }
  return out;
}

describe('Intl-free number text', () => {
  const vs = values();

  it('fractionText = Intl with minimum/maximum fraction digits', () => {
    for (const [min, max] of [[0, 0], [0, 1], [0, 2], [0, 4], [1, 3], [2, 2], [3, 3], [0, 8]]) {
      for (const loc of LOCALES) {
        const f = new Intl.NumberFormat(loc, { minimumFractionDigits: min, maximumFractionDigits: max });
        expect(vs.filter((v) => fractionText(v, min, max) !== f.format(v)).map((v) => `${loc} ${min}-${max} ${v}: ${fractionText(v, min, max)} ≠ ${f.format(v)}`)).toEqual([]);
      }
    }
  });

  it('significantText = Intl with maximum significant digits', () => {
    for (const max of [1, 2, 3, 4, 6]) {
      for (const loc of LOCALES) {
        const f = new Intl.NumberFormat(loc, { maximumSignificantDigits: max });
        expect(vs.filter((v) => significantText(v, max) !== f.format(v)).map((v) => `${loc} ${max} ${v}: ${significantText(v, max)} ≠ ${f.format(v)}`)).toEqual([]);
      }
    }
  });

  it('percentText = Intl percent with maximum fraction digits', () => {
    for (const max of [0, 1, 2]) {
      for (const loc of LOCALES) {
        const f = new Intl.NumberFormat(loc, { style: 'percent', maximumFractionDigits: max });
        const ok = vs.filter((x) => Math.abs(x) < 1e18);
        expect(ok.filter((v) => percentText(v, max) !== f.format(v)).map((v) => `${loc} ${max} ${v}: ${percentText(v, max)} ≠ ${f.format(v)}`)).toEqual([]);
      }
    }
  });

  it('leaves what it cannot match to Intl', () => {
    for (const v of [Infinity, -Infinity, NaN, 1e21, -3e25]) {
      expect(fractionText(v, 0, 2)).toBeNull();
      expect(significantText(v, 3)).toBeNull();
    }
    expect(percentText(1e19, 1)).toBeNull();
  });
});
