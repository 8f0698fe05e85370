// The lab's own scales and path strings against d3-scale and d3-shape, which they replace on the first
// screen: same positions, inverses, nice domains, ticks, tick labels and path strings.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as d3 from 'd3-scale';
import { area, line } from 'd3-shape';
import { format, scaleBand, scaleLinear, scaleLog } from '../../src/charts/scale.ts';
import { bandPath, linePath } from '../../src/charts/paths.ts';

// Chart domains: losses, activations, steps (subnormal numbers make both libraries give up).
const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((v) => Math.round(v * 1e6) / 1e6);
const positive = fc.double({ min: 1e-7, max: 1e4, noNaN: true, noDefaultInfinity: true });
const count = fc.integer({ min: 1, max: 12 });

describe('scaleLinear', () => {
  it('maps, inverts, nices, ticks and labels like d3-scale', () => {
    fc.assert(
      fc.property(finite, finite, finite, finite, count, fc.boolean(), fc.boolean(), (a, b, r0, r1, n, nice, clamp) => {
        const ours = scaleLinear().domain([a, b]).range([r0, r1]).clamp(clamp);
        const theirs = d3.scaleLinear().domain([a, b]).range([r0, r1]).clamp(clamp);
        if (nice) {
          ours.nice(n);
          theirs.nice(n);
        }
        expect(ours.domain()).toEqual(theirs.domain());
        expect(ours.ticks(n)).toEqual(theirs.ticks(n));
        const f = ours.tickFormat(n), g = theirs.tickFormat(n);
        for (const v of [...theirs.ticks(n), a, b, (a + b) / 2]) {
          expect(ours(v)).toBeCloseTo(theirs(v), 6);
          expect(f(v)).toBe(g(v));
        }
        if (r0 !== r1) expect(ours.invert((r0 + r1) / 3)).toBeCloseTo(theirs.invert((r0 + r1) / 3), 4);
      }),
      { numRuns: 400 },
    );
  });

  it('handles an empty domain as d3 does (the middle of the range)', () => {
    expect(scaleLinear().domain([2, 2]).range([0, 10])(2)).toBe(d3.scaleLinear().domain([2, 2]).range([0, 10])(2));
  });
});

describe('scaleLog', () => {
  it('maps, nices, clamps, ticks and labels like d3-scale', () => {
    fc.assert(
      fc.property(positive, positive, count, fc.boolean(), (a, b, n, nice) => {
        const lo = Math.min(a, b), hi = Math.max(a, b) === lo ? lo * 10 : Math.max(a, b);
        const ours = scaleLog().domain([lo, hi]).clamp(true).range([200, 10]);
        const theirs = d3.scaleLog().domain([lo, hi]).clamp(true).range([200, 10]);
        if (nice) {
          ours.nice();
          theirs.nice();
        }
        expect(ours.domain()).toEqual(theirs.domain());
        expect(ours.ticks(n)).toEqual(theirs.ticks(n));
        const f = ours.tickFormat(n, '.2~g'), g = theirs.tickFormat(n, '.2~g');
        for (const v of [...theirs.ticks(n), lo, hi, lo / 10, hi * 10]) {
          expect(ours(v)).toBeCloseTo(theirs(v), 6);
          expect(f(v)).toBe(g(v));
        }
        expect(ours.invert(100)).toBeCloseTo(theirs.invert(100), 8);
      }),
      { numRuns: 400 },
    );
  });
});

describe('format', () => {
  it('formats like d3-format for the specifiers the charts use', () => {
    // d3-scale's tickFormat passes a specifier with a precision through to d3-format unchanged.
    const d3format = (spec: string) => d3.scaleLinear().tickFormat(10, spec);
    for (const spec of [',.0f', ',.2f', '.1f', '.2~g', '.3~g', '.2g']) {
      fc.assert(
        fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }), (v) => {
          expect(format(spec)(v)).toBe(d3format(spec)(v));
        }),
        { numRuns: 200 },
      );
      for (const v of [0, -0, -0.0001, 1234567.891, 1e-7, 5e-5, 0.5, 100]) expect(format(spec)(v), `${spec} ${v}`).toBe(d3format(spec)(v));
    }
  });

  it('refuses a specifier it does not implement', () => {
    expect(() => format('$.2s')).toThrow(/unsupported/);
  });
});

describe('scaleBand', () => {
  it('places bands like d3-scale', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), finite, finite, fc.double({ min: 0, max: 0.9, noNaN: true }), (n, r0, r1, p) => {
        const dom = Array.from({ length: n }, (_, i) => i);
        const ours = scaleBand<number>().domain(dom).range([r0, r1]).padding(p);
        const theirs = d3.scaleBand<number>().domain(dom).range([r0, r1]).padding(p);
        expect(ours.bandwidth()).toBeCloseTo(theirs.bandwidth(), 6);
        for (const i of dom) expect(ours(i)!).toBeCloseTo(theirs(i)!, 6);
        expect(ours(n + 1)).toBeUndefined();
      }),
    );
  });
});

describe('paths', () => {
  const value = fc.oneof(fc.double({ min: -50, max: 50, noNaN: true }), fc.constant(NaN), fc.constant(Infinity));
  it('draws the same line and band strings as d3-shape, gaps included', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value), { maxLength: 30 }), (pts) => {
        const xs = pts.map((_, i) => i * 1.37);
        const lo = pts.map((p) => p[0]);
        const hi = pts.map((p) => p[1]);
        const x = (v: number) => v * 3.1 + 0.0004;
        const y = (v: number) => 100 - v * 1.7;
        const idx = xs.map((_, i) => i);
        const okY = (v: number) => Number.isFinite(v) && Number.isFinite(y(v));
        const d3line = line<number>().defined((i) => okY(hi[i])).x((i) => x(xs[i])).y((i) => y(hi[i]))(idx) ?? '';
        const d3area = area<number>().defined((i) => okY(lo[i]) && okY(hi[i])).x((i) => x(xs[i])).y0((i) => y(lo[i])).y1((i) => y(hi[i]))(idx) ?? '';
        expect(linePath(xs, hi, x, y)).toBe(d3line);
        expect(bandPath(xs, lo, hi, x, y)).toBe(d3area);
      }),
      { numRuns: 300 },
    );
  });
});
